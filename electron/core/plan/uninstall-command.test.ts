import { describe, expect, it } from 'vitest';
import { splitWindowsCommandLine, type UninstallEntryFields, uninstallCommandFor } from './uninstall-command';

const env = {
  SystemRoot: 'C:\\WINDOWS',
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  ProgramData: 'C:\\ProgramData',
};
const MSIEXEC = 'C:\\WINDOWS\\System32\\msiexec.exe';

/** Plans the entry as the only detected one (the usual case: the entry came from this scan). */
function plan(entry: UninstallEntryFields) {
  return uninstallCommandFor(entry, [entry], { env });
}

function planned(entry: UninstallEntryFields) {
  const result = plan(entry);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function refusal(entry: UninstallEntryFields): string {
  const result = plan(entry);
  if (result.ok) throw new Error(`expected a refusal, got ${result.value.display}`);
  return result.error;
}

describe('uninstallCommandFor: Windows Installer entries', () => {
  it('runs the real KES 10 string interactively: /x {GUID}, /qn dropped [detection.md §2.4, S37]', () => {
    const entry = {
      uninstallString: 'msiexec.exe /x {7A4192A1-84C4-4E90-A31B-B4847CA8E23A} /qn',
      productCode: '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}',
    };
    expect(planned(entry)).toEqual({
      program: MSIEXEC,
      args: ['/x', '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}'],
      display: 'C:\\WINDOWS\\System32\\msiexec.exe /x {7A4192A1-84C4-4E90-A31B-B4847CA8E23A}',
      kind: 'msi',
      source: 'uninstallString',
      dropped: ['/qn'],
    });
  });

  it.each([
    ['MsiExec.exe /I{C9EF800D-54AA-4F60-AB96-5A3966550F53}', []],
    ['MsiExec.exe /X{C9EF800D-54AA-4F60-AB96-5A3966550F53}', []],
    ['MsiExec.exe /I{C9EF800D-54AA-4F60-AB96-5A3966550F53} REMOVE=ALL', ['REMOVE=ALL']],
    ['msiexec /x "{C9EF800D-54AA-4F60-AB96-5A3966550F53}" /quiet /norestart', ['/quiet', '/norestart']],
    ['MsiExec.exe -x {c9ef800d-54aa-4f60-ab96-5a3966550f53} /passive', ['/passive']],
    ['"C:\\Windows\\SysWOW64\\MsiExec.exe" /X{C9EF800D-54AA-4F60-AB96-5A3966550F53}', []],
    ['%SystemRoot%\\System32\\msiexec.exe /uninstall {C9EF800D-54AA-4F60-AB96-5A3966550F53}  ', []],
  ])('%s → msiexec /x {GUID}', (uninstallString, dropped) => {
    const command = planned({ uninstallString });
    expect(command.program).toBe(MSIEXEC);
    expect(command.args).toEqual(['/x', '{C9EF800D-54AA-4F60-AB96-5A3966550F53}']);
    expect(command.kind).toBe('msi');
    expect(command.dropped).toEqual(dropped);
  });

  it('never passes a Kaspersky uninstall password on (KLLOGIN/KLPASSWD, detection.md §2.5)', () => {
    const command = planned({
      uninstallString:
        'msiexec.exe /x {C9EF800D-54AA-4F60-AB96-5A3966550F53} KLLOGIN=KLAdmin KLPASSWD=secret /qn',
    });
    expect(command.args).toEqual(['/x', '{C9EF800D-54AA-4F60-AB96-5A3966550F53}']);
    expect(command.display).not.toContain('secret');
  });

  it('uses the product code when no UninstallString is registered (Installer\\UserData entries)', () => {
    const command = planned({ productCode: '{7911e943-32cc-45d0-a29c-56e6ef762275}' });
    expect(command).toMatchObject({
      program: MSIEXEC,
      args: ['/x', '{7911E943-32CC-45D0-A29C-56E6EF762275}'],
      source: 'productCode',
    });
  });

  it('turns a msiexec QuietUninstallString into an interactive removal', () => {
    const command = planned({
      quietUninstallString: 'MsiExec.exe /X{B9518725-0B76-4793-A409-C6794442FB50} /qn',
    });
    expect(command).toMatchObject({
      args: ['/x', '{B9518725-0B76-4793-A409-C6794442FB50}'],
      source: 'quietUninstallString',
      dropped: ['/qn'],
    });
  });

  it('refuses a string whose GUID contradicts the entry product code', () => {
    expect(
      refusal({
        uninstallString: 'MsiExec.exe /X{C9EF800D-54AA-4F60-AB96-5A3966550F53}',
        productCode: '{0F05E4E5-5A89-482C-9A62-47CC58643788}',
      }),
    ).toMatch(/names product \{C9EF800D.*registered as \{0F05E4E5/);
  });

  it('refuses msiexec with no product, and a msiexec.exe outside the Windows folder', () => {
    expect(refusal({ uninstallString: 'MsiExec.exe /qn' })).toMatch(/without naming the product/);
    expect(
      refusal({
        uninstallString: 'C:\\Users\\a\\Downloads\\msiexec.exe /x {C9EF800D-54AA-4F60-AB96-5A3966550F53}',
      }),
    ).toMatch(/outside the Windows folder/);
  });

  it('refuses when the Windows folder is unknown (no SystemRoot in the environment)', () => {
    const entry = { uninstallString: 'MsiExec.exe /X{C9EF800D-54AA-4F60-AB96-5A3966550F53}' };
    const result = uninstallCommandFor(entry, [entry], { env: {} });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/%SystemRoot%/) });
  });
});

describe('uninstallCommandFor: vendor uninstallers', () => {
  it('keeps a quoted path with spaces and its arguments', () => {
    expect(
      planned({
        uninstallString: '"C:\\Program Files\\UltraAV\\uninstall.exe" /uninstall --product "Ultra AV"',
      }),
    ).toEqual({
      program: 'C:\\Program Files\\UltraAV\\uninstall.exe',
      args: ['/uninstall', '--product', 'Ultra AV'],
      display: '"C:\\Program Files\\UltraAV\\uninstall.exe" /uninstall --product "Ultra AV"',
      kind: 'exe',
      source: 'uninstallString',
      dropped: [],
    });
  });

  it('finds the .exe boundary of an unquoted path with spaces, as Windows resolves it', () => {
    expect(
      planned({
        uninstallString:
          'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.3\\setup.exe /x  ',
      }),
    ).toMatchObject({
      program: 'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.3\\setup.exe',
      args: ['/x'],
    });
    expect(planned({ uninstallString: 'C:\\Program Files\\Avira\\unins000.exe' })).toMatchObject({
      program: 'C:\\Program Files\\Avira\\unins000.exe',
      args: [],
      display: '"C:\\Program Files\\Avira\\unins000.exe"',
    });
  });

  it('expands the well-known folder variables', () => {
    expect(
      planned({ uninstallString: '"%ProgramFiles(x86)%\\Vendor\\Uninstall.exe" /REMOVE' }),
    ).toMatchObject({ program: 'C:\\Program Files (x86)\\Vendor\\Uninstall.exe', args: ['/REMOVE'] });
  });

  it('splits arguments as CommandLineToArgvW does (backslashes before quotes, "" in quotes)', () => {
    expect(splitWindowsCommandLine('"C:\\a b\\u.exe" "C:\\x y\\\\" a\\\\\\"b "say ""hi""" c\\d')).toEqual({
      ok: true,
      value: { program: 'C:\\a b\\u.exe', args: ['C:\\x y\\', 'a\\"b', 'say "hi"', 'c\\d'] },
    });
    expect(splitWindowsCommandLine('"C:\\u.exe"\t/S  ')).toEqual({
      ok: true,
      value: { program: 'C:\\u.exe', args: ['/S'] },
    });
  });

  it('keeps shell characters that are inside quotes (they are plain text to CreateProcess)', () => {
    expect(planned({ uninstallString: '"C:\\Program Files\\R&D Tools\\un.exe" "/LOG=a>b"' })).toMatchObject({
      program: 'C:\\Program Files\\R&D Tools\\un.exe',
      args: ['/LOG=a>b'],
    });
  });

  it('refuses an exe entry that registers only a silent uninstall', () => {
    expect(refusal({ quietUninstallString: '"C:\\Program Files\\X\\unins000.exe" /VERYSILENT' })).toMatch(
      /only a silent uninstall/,
    );
  });
});

describe('uninstallCommandFor: refusals', () => {
  it('refuses an entry that is not one of the detected entries', () => {
    const detected = [{ uninstallString: 'MsiExec.exe /X{C9EF800D-54AA-4F60-AB96-5A3966550F53}' }];
    const forged = { uninstallString: '"C:\\Users\\a\\evil.exe"' };
    expect(uninstallCommandFor(forged, detected, { env })).toEqual({
      ok: false,
      error: 'this uninstall entry is not one the current scan found, so Handover will not run it',
    });
    // Same string but another product code is not the same entry either.
    const other = { ...detected[0], productCode: '{0F05E4E5-5A89-482C-9A62-47CC58643788}' };
    expect(uninstallCommandFor(other, detected, { env }).ok).toBe(false);
    expect(uninstallCommandFor(forged, [], { env }).ok).toBe(false);
  });

  it('accepts a copy of a detected entry (it came back from the window through IPC)', () => {
    const detected = [
      {
        uninstallString: 'msiexec.exe /x {7A4192A1-84C4-4E90-A31B-B4847CA8E23A} /qn',
        quietUninstallString: null,
        productCode: '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}',
      },
    ];
    const copy = JSON.parse(JSON.stringify(detected[0])) as UninstallEntryFields;
    expect(uninstallCommandFor(copy, detected, { env }).ok).toBe(true);
    // null and absent are the same "not registered".
    const withoutNull = {
      uninstallString: 'msiexec.exe /x {7A4192A1-84C4-4E90-A31B-B4847CA8E23A} /qn',
      productCode: '{7a4192a1-84c4-4e90-a31b-b4847ca8e23a}',
    };
    expect(uninstallCommandFor(withoutNull, detected, { env }).ok).toBe(true);
  });

  it.each([
    ['"C:\\Program Files\\X\\un.exe" /S | calc', /'\|' outside quotes/],
    ['"C:\\Program Files\\X\\un.exe" /S & del x', /'&' outside quotes/],
    ['"C:\\Program Files\\X\\un.exe" > C:\\out.txt', /'>' outside quotes/],
    ['"C:\\Program Files\\X\\un.exe" < in', /'<' outside quotes/],
    ['"C:\\Program Files\\X\\un.exe" ^/S', /'\^' outside quotes/],
    ['C:\\X\\a^b.exe', /'\^' outside quotes/],
    ['"%TEMP%\\un.exe"', /%TEMP%, which only a command shell would expand/],
    ['"C:\\X\\un.exe" /user=%USERNAME%', /%USERNAME%/],
  ])('refuses what would need a shell: %s', (uninstallString, reason) => {
    expect(refusal({ uninstallString })).toMatch(reason);
  });

  it.each([
    ['cmd.exe /c "C:\\Program Files\\X\\un.exe"', /cmd\.exe/],
    ['C:\\Windows\\System32\\cmd.exe /c un.bat', /cmd\.exe/],
    ['powershell.exe -ExecutionPolicy Bypass -File "C:\\X\\uninstall.ps1"', /PowerShell/],
    ['"C:\\Program Files\\PowerShell\\7\\pwsh.exe" -File u.ps1', /PowerShell/],
    ['RunDll32.exe C:\\PROGRA~1\\X\\setup.dll,UninstallW', /rundll32/],
    ['wscript.exe "C:\\X\\uninstall.vbs"', /Script Host/],
    ['mshta.exe "C:\\X\\un.hta"', /mshta/],
  ])('refuses launchers and script hosts, and says why: %s', (uninstallString, what) => {
    const reason = refusal({ uninstallString });
    expect(reason).toMatch(what);
    expect(reason).toMatch(/only starts an uninstaller it can show you exactly/);
  });

  it.each([
    ['', /registers no uninstall command/],
    ['   ', /registers no uninstall command/],
    ['"C:\\X\\uninstall.bat"', /batch file/],
    ['uninstall.exe /S', /not named by its full path/],
    ['"\\\\server\\share\\un.exe"', /network share/],
    ['"C:\\Program Files\\..\\Users\\a\\un.exe"', /climbs out/],
    ['"C:\\Program Files\\X\\readme.txt"', /not a program file/],
    ['"C:\\Program Files\\X\\un.exe', /never closes it/],
    ['"C:\\X\\un.exe" "/LOG=a', /never closed/],
    ['"C:\\X\\un.exe"/S', /without a space/],
    ['"C:\\X\\un.exe" /S\n del', /control characters/],
  ])('refuses %j', (uninstallString, reason) => {
    expect(refusal({ uninstallString })).toMatch(reason);
  });

  it('refuses a product code that is not a GUID', () => {
    expect(refusal({ productCode: 'KAV21' })).toMatch(/not a GUID/);
  });
});
