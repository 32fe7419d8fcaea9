import { describe, expect, it } from 'vitest';
import {
  parseInstallerProducts,
  parseUninstallEntries,
  productCodeFromCommand,
  productCodeFromPackedGuid,
  stripQuotes,
} from './uninstall-entries';

// The Russian KES 10 entry, 32-bit, as reported by FusionInventory [S37] (detection.md §2.4).
const KES10_RU = {
  KeyName: '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}',
  Hive: 'HKLM32',
  DisplayName: 'Kaspersky Endpoint Security 10 для Windows',
  Publisher: '"Лаборатория Касперского"',
  DisplayVersion: '10.2.2.10535',
  UninstallString: 'msiexec.exe /x {7A4192A1-84C4-4E90-A31B-B4847CA8E23A} /qn',
  NoRemove: 1,
  WindowsInstaller: 1,
};

// The Windows 7 KES 10 entry under Installer\UserData\S-1-5-18 [S7].
const KES10_INSTALLER = {
  ProductKey: '349E1197CC230D542AC9656EFE672257',
  DisplayName: 'Kaspersky Endpoint Security 10 for Windows',
  Publisher: 'Kaspersky Lab',
  DisplayVersion: '10.3.0.6294',
};

describe('helpers', () => {
  it('strips the quotes that are part of the Russian publisher value [S37]', () => {
    expect(stripQuotes('"Лаборатория Касперского"')).toBe('Лаборатория Касперского');
    expect(stripQuotes('Kaspersky Lab')).toBe('Kaspersky Lab');
    expect(stripQuotes('"')).toBe('"');
  });

  it('finds product codes in msiexec commands', () => {
    expect(productCodeFromCommand('msiexec.exe /x {7A4192A1-84C4-4E90-A31B-B4847CA8E23A} /qn')).toBe(
      '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}',
    );
    expect(productCodeFromCommand('MsiExec.exe /X{c9ef800d-54aa-4f60-ab96-5a3966550f53}')).toBe(
      '{C9EF800D-54AA-4F60-AB96-5A3966550F53}',
    );
    expect(productCodeFromCommand('"C:\\Program Files\\x\\uninstall.exe" /S')).toBeUndefined();
  });

  it('unpacks Installer key names', () => {
    expect(productCodeFromPackedGuid('349E1197CC230D542AC9656EFE672257')).toBe(
      '{7911E943-32CC-45D0-A29C-56E6EF762275}',
    );
    expect(productCodeFromPackedGuid('nothex')).toBeUndefined();
  });
});

describe('parseUninstallEntries', () => {
  it('reads the Russian KES 10 entry', () => {
    const result = parseUninstallEntries([KES10_RU], 'windows.uninstall');
    expect(result).toEqual({
      ok: true,
      value: [
        {
          kind: 'installed-program',
          name: 'Kaspersky Endpoint Security 10 для Windows',
          publisher: 'Лаборатория Касперского',
          version: '10.2.2.10535',
          uninstallString: 'msiexec.exe /x {7A4192A1-84C4-4E90-A31B-B4847CA8E23A} /qn',
          productCode: '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}',
          registry: 'HKLM32',
          evidence: {
            source: 'windows.uninstall',
            record: expect.stringContaining('Лаборатория Касперского'),
            decoded: expect.objectContaining({
              noRemove: expect.any(String),
              windowsInstaller: expect.any(String),
            }),
          },
        },
      ],
    });
  });

  it('takes the product code from the UninstallString when the key is not a GUID', () => {
    const result = parseUninstallEntries({ ...KES10_RU, KeyName: 'KES10' }, 'windows.uninstall');
    expect(result.ok && result.value[0]?.productCode).toBe('{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}');
  });

  it('skips nameless system components but keeps other nameless keys under their key name', () => {
    const result = parseUninstallEntries(
      [
        { KeyName: 'Helper', Hive: 'HKLM64', SystemComponent: 1 },
        { KeyName: 'AVP21.3', Hive: 'HKLM32' },
        { KeyName: 'Shown', Hive: 'HKCU', DisplayName: 'Hidden but named', SystemComponent: 1 },
      ],
      'windows.uninstall',
    );
    expect(result.ok && result.value.map((o) => o.name)).toEqual(['AVP21.3', 'Hidden but named']);
  });

  it('rejects entries without a key name or hive, or with wrong types', () => {
    expect(parseUninstallEntries([{ Hive: 'HKCU' }], 'windows.services')).toMatchObject({ ok: false });
    expect(parseUninstallEntries([{ KeyName: 'x', Hive: 'HKLM' }], 'windows.services')).toMatchObject({
      ok: false,
    });
    expect(
      parseUninstallEntries([{ KeyName: 'x', Hive: 'HKCU', DisplayName: 5 }], 'windows.services'),
    ).toMatchObject({
      ok: false,
    });
  });
});

describe('parseInstallerProducts', () => {
  it('reads the Windows 7 KES 10 entry and derives its product code', () => {
    expect(parseInstallerProducts(KES10_INSTALLER, 'windows.installer')).toMatchObject({
      ok: true,
      value: [
        {
          name: 'Kaspersky Endpoint Security 10 for Windows',
          publisher: 'Kaspersky Lab',
          version: '10.3.0.6294',
          productCode: '{7911E943-32CC-45D0-A29C-56E6EF762275}',
          registry: 'installer',
          evidence: { decoded: { productKey: '349E1197CC230D542AC9656EFE672257' } },
        },
      ],
    });
  });

  it('rejects products without a key', () => {
    expect(parseInstallerProducts([{ DisplayName: 'x' }], 'windows.services')).toMatchObject({ ok: false });
  });
});
