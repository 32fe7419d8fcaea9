import { describe, expect, it } from 'vitest';
import { parseWscProducts } from './wsc-products';

// win10-bitdefender-defender-off-thm/securitycenter2.json (TryHackMe transcript [S4]).
const BITDEFENDER_AND_DEFENDER = [
  {
    displayName: 'Bitdefender Antivirus',
    instanceGuid: '{BAF124F4-FA00-8560-3FDE-6C380446AEFB}',
    pathToSignedProductExe: 'C:\\Program Files\\Bitdefender\\Bitdefender Security\\wscfix.exe',
    pathToSignedReportingExe: 'C:\\Program Files\\Bitdefender\\Bitdefender Security\\bdservicehost.exe',
    productState: 266240,
    timestamp: 'Wed, 15 Dec 2021 12:40:10 GMT',
  },
  {
    displayName: 'Windows Defender',
    instanceGuid: '{D58FFC3A-813B-4fae-9E44-DA132C9FAA36}',
    pathToSignedProductExe: 'windowsdefender://',
    pathToSignedReportingExe: '%ProgramFiles%\\Windows Defender\\MsMpeng.exe',
    productState: 393472,
    timestamp: 'Fri, 15 Oct 2021 22:32:01 GMT',
  },
];

// win7-mse-signatures-out-of-date/securitycenter2.json: one instance → an object, no timestamp [S6].
const MSE = {
  displayName: 'Microsoft Security Essentials',
  instanceGuid: '{B7ECF8CD-0188-6703-DBA4-AA65C6ACFB0A}',
  pathToSignedProductExe: 'C:\\Program Files\\Microsoft Security Client\\msseces.exe',
  pathToSignedReportingExe: 'C:\\Program Files\\Microsoft Security Client\\MsMpEng.exe',
  productState: 397328,
};

// win-kes10-de-wsc/securitycenter2.json: German displayName, Kaspersky's wmiav.exe [S26].
const KES10_DE = {
  displayName: 'Kaspersky Endpoint Security 10 für Windows',
  pathToSignedProductExe:
    'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Endpoint Security 10 for Windows SP1\\wmiav.exe',
  productState: 266240,
};

describe('parseWscProducts', () => {
  it('reads two products with timestamps (Bitdefender on, Defender off)', () => {
    const result = parseWscProducts(BITDEFENDER_AND_DEFENDER, 'antivirus', 'windows.wsc.antivirus');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toHaveLength(2);
    expect(result.value[0]).toMatchObject({
      kind: 'wsc-product',
      category: 'antivirus',
      displayName: 'Bitdefender Antivirus',
      productExe: 'C:\\Program Files\\Bitdefender\\Bitdefender Security\\wscfix.exe',
      engine: 'on',
      signaturesUpToDate: true,
      ownerWindows: false,
      timestamp: '2021-12-15T12:40:10.000Z',
      evidence: { source: 'windows.wsc.antivirus', decoded: { productState: '0x041000' } },
    });
    expect(result.value[1]).toMatchObject({
      displayName: 'Windows Defender',
      engine: 'off',
      ownerWindows: true,
    });
  });

  it('reads a single object without timestamp (MSE out of date)', () => {
    const result = parseWscProducts(MSE, 'antivirus', 'windows.wsc.antivirus');
    expect(result).toMatchObject({
      ok: true,
      value: [{ displayName: 'Microsoft Security Essentials', engine: 'on', signaturesUpToDate: false }],
    });
    expect(result.ok && 'timestamp' in (result.value[0] ?? {})).toBe(false);
  });

  it('keeps a localised Kaspersky name and only the properties present', () => {
    const result = parseWscProducts(KES10_DE, 'antivirus', 'windows.wsc.antivirus');
    expect(result).toMatchObject({
      ok: true,
      value: [{ displayName: 'Kaspersky Endpoint Security 10 für Windows', engine: 'on' }],
    });
    expect(result.ok && result.value[0]?.instanceGuid).toBeUndefined();
  });

  it('reads no products from an empty result', () => {
    expect(parseWscProducts(null, 'firewall', 'windows.wsc.firewall')).toEqual({ ok: true, value: [] });
  });

  it('keeps a partial record without productState or reporting path, with nulls [S35]', () => {
    // win10-fsecure-12.00-partial-wsc: wmic text up to where the stored copy is cut.
    const result = parseWscProducts(
      [
        {
          displayName: 'F-Secure Client Security 12.00',
          instanceGuid: '{0F70A6C4-76E4-6A3B-2695-519F428B1C20}',
          pathToSignedProductExe: 'C:\\Program Files (x86)\\F-Secure\\Anti-Virus\\fsavwsch.exe',
        },
        { displayName: 'Windows Defender', instanceGuid: '{D68DDC3A-831F-4fae-9E44-DA132C1ACF46}' },
      ],
      'antivirus',
      'windows.wsc.antivirus',
    );
    expect(result).toMatchObject({
      ok: true,
      value: [
        {
          displayName: 'F-Secure Client Security 12.00',
          productState: null,
          engine: 'unknown',
          signaturesUpToDate: null,
          ownerWindows: null,
          evidence: { decoded: { productState: expect.stringContaining('absent') } },
        },
        { displayName: 'Windows Defender', productState: null, engine: 'unknown' },
      ],
    });
  });

  it('decodes an AntiSpywareProduct record exactly like an antivirus one [S2]', () => {
    const result = parseWscProducts(
      {
        displayName: 'Symantec Endpoint Protection',
        pathToSignedProductExe:
          'C:\\Program Files (x86)\\Symantec\\Symantec Endpoint Protection\\WSCSavNotifier.exe',
        // The WLS log printed it as text; wmic does too.
        productState: '462848',
      },
      'antispyware',
      'windows.wsc.antispyware',
    );
    expect(result).toMatchObject({
      ok: true,
      value: [
        {
          category: 'antispyware',
          productState: 462848,
          engine: 'on',
          signaturesUpToDate: true,
          ownerWindows: false,
          evidence: { decoded: { productState: '0x071000' } },
        },
      ],
    });
  });

  it('keeps a product whose productState is no productState, saying so, instead of guessing', () => {
    for (const productState of ['on', -3, 0x1000000, 1.5]) {
      const result = parseWscProducts(
        { displayName: 'X', productState },
        'antivirus',
        'windows.wsc.antivirus',
      );
      expect(result, JSON.stringify(productState)).toMatchObject({
        ok: true,
        value: [
          {
            productState: null,
            engine: 'unknown',
            signaturesUpToDate: null,
            evidence: { decoded: { productState: expect.stringContaining('is not a productState') } },
          },
        ],
      });
    }
  });

  it('rejects records of the wrong shape', () => {
    expect(parseWscProducts(['text'], 'antivirus', 'windows.services')).toEqual({
      ok: false,
      error: 'record 1 is not an object',
    });
    expect(parseWscProducts({ productState: 266240 }, 'antivirus', 'windows.services')).toMatchObject({
      ok: false,
    });
    expect(parseWscProducts({ displayName: 7 }, 'antivirus', 'windows.services')).toMatchObject({
      ok: false,
    });
  });
});
