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

  it('rejects records of the wrong shape', () => {
    expect(parseWscProducts(['text'], 'antivirus', 'windows.services')).toEqual({
      ok: false,
      error: 'record 1 is not an object',
    });
    expect(
      parseWscProducts({ displayName: 'X', productState: 'on' }, 'antivirus', 'windows.services'),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('productState is "on"'),
    });
    expect(parseWscProducts({ displayName: 'X' }, 'antivirus', 'windows.services')).toMatchObject({
      ok: false,
    });
    expect(parseWscProducts({ productState: 266240 }, 'antivirus', 'windows.services')).toMatchObject({
      ok: false,
    });
    expect(
      parseWscProducts({ displayName: 'X', productState: -3 }, 'antivirus', 'windows.services'),
    ).toMatchObject({
      ok: false,
    });
  });
});
