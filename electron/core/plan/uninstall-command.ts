/**
 * From a registered uninstall command (Programs and Features: UninstallString,
 * QuietUninstallString, the MSI product code) to a program and an argument array that
 * electron/actions runs with execFile, never through a shell. Pure: no file system, no
 * process.env (the caller passes the environment for the few variables it expands).
 *
 * The registry is where any installer, and any program the person runs, can write (an entry
 * under HKCU needs no administrator rights at all), so what may run is an ALLOWLIST, after the
 * command has been read exactly as Windows reads it:
 *
 * 1. Windows Installer: Windows' own msiexec (a bare name, or the one in %SystemRoot%\System32 or
 *    SysWOW64) told to remove a product by its code ('MsiExec.exe /X{GUID}', 'msiexec.exe /x {GUID}
 *    /qn' [detection.md §2.4, S37], and the '/I{GUID}' that Windows Installer registers for every
 *    product it installed). It runs as exactly '%SystemRoot%\System32\msiexec.exe /x {GUID}', by
 *    full path: remove, with the product's own interface (no /qn, /quiet, /passive), so the person
 *    sees what is being removed and Windows Installer asks for elevation itself. Of the other
 *    arguments only those that change nothing but how quietly it runs, whether it restarts and
 *    what it logs are left out (listed in `dropped`); any other (TRANSFORMS=, PATCH=, a package
 *    file, /a /f /j /p ...) refuses the command: it would make Windows Installer do something
 *    other than remove the product. KLLOGIN/KLPASSWD/KLUNINSTPASSWD (detection.md §2.5) are left
 *    out too: Handover never passes a password on a command line.
 * 2. The product's own uninstaller: an .exe inside the product's own install folder, under
 *    Program Files or Program Files (x86) (%ProgramFiles%, %ProgramFiles(x86)%, %ProgramW6432% of
 *    the app's environment), where only an administrator can put a file. The product's folder is
 *    the entry's InstallLocation when the entry is registered under HKLM (which, too, only an
 *    administrator can write), or a folder the catalog names for the product (its `path`
 *    signatures). It runs with the registered arguments.
 * Anything else is refused with the reason in words, and the person is shown the command as text
 * with the vendor's own route instead (api/action-handlers.ts): launchers and script hosts
 * (cmd.exe, PowerShell, rundll32, mshta, ...) wherever they are; system programs; programs in
 * a user's folders, on a network share or outside the product's folder; batch files; a command
 * that registers only a silent uninstall.
 *
 * Reading the command as Windows does:
 * - splitting follows CommandLineToArgvW: the program is the text up to the first space, or
 *   between the first pair of quotes (no escape processing in the program name); an unquoted
 *   program path with spaces ('C:\Program Files (x86)\X\setup.exe /x') ends at the first '.exe'
 *   followed by a space or the end (CreateProcess tries each space until a file exists; with no
 *   file system here, '.exe' is the end); arguments: whitespace separates them outside quotes;
 *   2n backslashes before a quote become n and the quote toggles quoting; 2n+1 backslashes before
 *   a quote become n and a literal quote; backslashes elsewhere are literal; '""' inside quotes
 *   is a literal quote;
 * - %VARIABLES% are expanded first (UninstallString is often REG_EXPAND_SZ), only the well-known
 *   folder variables, from the app's environment; any other (%ComSpec%, %TEMP%) is refused;
 * - the program's path is normalised (windows-path.ts: slashes, '..', case; device, network and
 *   8.3 short-name paths and names ending in a period or a space refused) before anything is
 *   compared.
 */
import { err, ok, type Result } from '../util/result';
import {
  checkedFolder,
  lookupEnv,
  system32Path,
  systemRoot,
  type WindowsEnvironment,
} from '../windows-folders';
import { isInside, normalizeWindowsPath, type WindowsPath } from './windows-path';

/** The fields of an InstalledProgramObservation (or a Detection's UninstallEntry) used here. */
export interface UninstallEntryFields {
  readonly uninstallString?: string | null;
  readonly quietUninstallString?: string | null;
  readonly productCode?: string | null;
  /** InstallLocation as registered: the product's folder, if the entry says. */
  readonly installLocation?: string | null;
  /** 'HKLM64', 'HKLM32', 'HKCU', 'installer': who could have written the entry. */
  readonly registry?: string | null;
}

export interface UninstallCommand {
  /** Absolute path of the program to start. */
  readonly program: string;
  readonly args: readonly string[];
  /** The command as the person is shown it, quoted as Windows would need it. */
  readonly display: string;
  readonly kind: 'msi' | 'exe';
  /** Which registered value it comes from. */
  readonly source: 'uninstallString' | 'quietUninstallString' | 'productCode';
  /** Arguments of the registered command left out (msiexec: /qn, REMOVE=ALL, ...). */
  readonly dropped: readonly string[];
}

export interface UninstallCommandOptions {
  /**
   * The app's environment, for %SystemRoot%, the Program Files folders and the other well-known
   * folder variables. Names are matched case-insensitively, as Windows does.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * The product's install folders as the catalog knows them: its Windows `path` signatures,
   * compiled anchored and case-insensitive (load-catalog.ts), tested against the uninstaller's
   * normalised full path.
   */
  readonly productPaths?: readonly RegExp[];
}

const GUID_TEXT = '\\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}';
const GUID = new RegExp(`^${GUID_TEXT}$`);
/**
 * '/x', '-X', '/uninstall' (then the GUID, or with it attached), and '/I{GUID}', which Windows
 * Installer registers as the UninstallString of the products it installs ("Modify" in Programs
 * and Features); '/i' with anything but a GUID is an install of a package and is refused.
 */
const MSI_ACTION = new RegExp(`^[/-](x|i|uninstall)(${GUID_TEXT})?$`, 'i');
/**
 * What may be left out of a registered msiexec command because it changes only how quietly it
 * runs, whether it restarts, and what it logs (Microsoft, "Command-Line Options",
 * https://learn.microsoft.com/en-us/windows/win32/msi/command-line-options, and "Standard Installer
 * Command-Line Options"); REMOVE=ALL is what /x does anyway; KL* are Kaspersky's uninstall login
 * and password (detection.md §2.5), never passed on.
 */
const MSI_DROPPABLE = [
  /^[/-]q([nbrf][+!-]*)?$/i,
  /^[/-](quiet|passive|norestart|promptrestart|forcerestart)$/i,
  /^REBOOT=(ReallySuppress|Suppress|Force)$/i,
  /^REBOOTPROMPT=S$/i,
  /^REMOVE=ALL$/i,
  /^(KLLOGIN|KLPASSWD|KLUNINSTPASSWD)=.*$/i,
];
/** '/l*v' and the like: logging, with the log file as the next argument. */
const MSI_LOG = /^[/-]l[iwearucmopvx+!*]*$/i;

/** Folder variables an uninstall string may use; anything else would be a shell's expansion. */
const WELL_KNOWN_VARIABLES = [
  'SystemRoot',
  'windir',
  'SystemDrive',
  'ProgramFiles',
  'ProgramFiles(x86)',
  'ProgramW6432',
  'CommonProgramFiles',
  'CommonProgramFiles(x86)',
  'CommonProgramW6432',
  'ProgramData',
  'ALLUSERSPROFILE',
  'LOCALAPPDATA',
  'APPDATA',
  'USERPROFILE',
].map((name) => name.toLowerCase());

/** The folders only an administrator can write to, where a product's own uninstaller may be. */
const PROGRAM_FILES_VARIABLES = ['ProgramFiles', 'ProgramFiles(x86)', 'ProgramW6432'];

/** Registry views only an administrator can write: an InstallLocation there can be trusted. */
const ADMIN_REGISTRIES = new Set(['hklm64', 'hklm32', 'installer']);

/**
 * Programs that run other programs or scripts: what they would run cannot be shown exactly. The
 * allowlist refuses them anyway (none is a product's own uninstaller); naming them says why, and
 * refuses one that a product ships in its own folder too.
 */
const LAUNCHERS: Readonly<Record<string, string>> = {
  'cmd.exe': 'the Windows command interpreter (cmd.exe)',
  'powershell.exe': 'Windows PowerShell',
  'powershell_ise.exe': 'Windows PowerShell',
  'pwsh.exe': 'PowerShell',
  'rundll32.exe': 'rundll32, which runs code inside a DLL',
  'wscript.exe': 'Windows Script Host',
  'cscript.exe': 'Windows Script Host',
  'mshta.exe': 'mshta, which runs HTML applications',
  'regsvr32.exe': 'regsvr32, which runs code inside a DLL',
  'conhost.exe': 'the console host',
  'explorer.exe': 'Explorer',
  'forfiles.exe': 'forfiles, which runs commands',
  'wmic.exe': 'WMIC, which runs commands',
  'bash.exe': 'a Unix shell',
  'sh.exe': 'a Unix shell',
  'wsl.exe': 'the Windows Subsystem for Linux',
  'python.exe': 'a Python interpreter',
  'pythonw.exe': 'a Python interpreter',
  'node.exe': 'Node.js',
  'java.exe': 'a Java runtime',
  'javaw.exe': 'a Java runtime',
  'msbuild.exe': 'MSBuild, which runs build scripts',
  'installutil.exe': 'InstallUtil, which runs code inside an assembly',
  'regasm.exe': 'RegAsm, which runs code inside an assembly',
  'msxsl.exe': 'msxsl, which runs scripts',
  'schtasks.exe': 'the Task Scheduler',
  'at.exe': 'the Task Scheduler',
};

const SHELL_METACHARACTERS = new Set(['|', '&', '<', '>', '^']);

const nonEmpty = (value: string | null | undefined): value is string =>
  typeof value === 'string' && value.trim().length > 0;

const same = (a: string | null | undefined, b: string | null | undefined): boolean =>
  (nonEmpty(a) ? a : null) === (nonEmpty(b) ? b : null);

const codeOf = (entry: UninstallEntryFields) =>
  nonEmpty(entry.productCode) ? entry.productCode.toUpperCase() : null;

/** Do the two describe the same registration (the same product code and registered strings)? */
const sameEntry = (a: UninstallEntryFields, b: UninstallEntryFields) =>
  a === b ||
  (codeOf(a) === codeOf(b) &&
    same(a.uninstallString, b.uninstallString) &&
    same(a.quietUninstallString, b.quietUninstallString));

/**
 * Is `entry` one of the entries the scan found: the same object, or the same product code and
 * the same registered strings (an entry that came back from the window through IPC is a copy).
 */
export function isDetectedEntry(
  entry: UninstallEntryFields,
  detectedEntries: readonly UninstallEntryFields[],
): boolean {
  return detectedEntries.some((detected) => sameEntry(detected, entry));
}

const lookup = lookupEnv;

/** Expands the well-known %VARIABLES%; any other %NAME% is refused, and so is a value that is not a plain path. */
function expandVariables(text: string, env: Readonly<Record<string, string | undefined>>): Result<string> {
  let problem: string | null = null;
  const expanded = text.replace(/%([^%\s"]+)%/g, (whole, name: string) => {
    if (problem) return whole;
    if (!WELL_KNOWN_VARIABLES.includes(name.toLowerCase())) {
      problem = `it uses the variable ${whole}, which only a command shell would expand`;
      return whole;
    }
    const value = lookup(env, name);
    if (!value) {
      problem = `it uses ${whole}, which is not set for Handover`;
      return whole;
    }
    if (/["%]/.test(value)) {
      problem = `${whole} is set to something that is not a plain folder`;
      return whole;
    }
    return value;
  });
  return problem ? err(problem) : ok(expanded);
}

interface Split {
  readonly program: string;
  readonly args: string[];
}

/** Arguments after the program name, per CommandLineToArgvW; refuses shell metacharacters. */
function splitArguments(text: string): Result<string[]> {
  const args: string[] = [];
  let current = '';
  let inArgument = false;
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\\') {
      let count = 0;
      while (text[i] === '\\') {
        count += 1;
        i += 1;
      }
      if (text[i] === '"') {
        current += '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 1) {
          current += '"';
          i += 1;
        }
        // An even count leaves the quote to the next round, which toggles quoting.
      } else {
        current += '\\'.repeat(count);
      }
      inArgument = true;
      continue;
    }
    if (c === '"') {
      if (quoted && text[i + 1] === '"') {
        current += '"';
        i += 2;
      } else {
        quoted = !quoted;
        i += 1;
      }
      inArgument = true;
      continue;
    }
    if (!quoted && (c === ' ' || c === '\t')) {
      if (inArgument) args.push(current);
      current = '';
      inArgument = false;
      i += 1;
      continue;
    }
    if (!quoted && SHELL_METACHARACTERS.has(c)) {
      return err(`it contains '${c}' outside quotes, which only a command shell understands`);
    }
    current += c;
    inArgument = true;
    i += 1;
  }
  if (quoted) return err('a quote is opened and never closed');
  if (inArgument) args.push(current);
  return ok(args);
}

/** Program and arguments of a Windows command line, as CommandLineToArgvW and CreateProcess read it. */
export function splitWindowsCommandLine(line: string): Result<Split> {
  const text = line.trim();
  if (text.length === 0) return err('the command is empty');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u0008\u000a-\u001f]/.test(text)) return err('it contains control characters');
  let program: string;
  let rest: string;
  if (text.startsWith('"')) {
    const close = text.indexOf('"', 1);
    if (close < 0) return err('the program name opens a quote and never closes it');
    program = text.slice(1, close);
    rest = text.slice(close + 1);
    if (rest.length > 0 && !/^[ \t]/.test(rest)) {
      return err('text follows the quoted program name without a space');
    }
  } else {
    // The first word, unless it has no extension and an '.exe' ends a longer name with spaces.
    const firstWord = text.search(/[ \t]|$/);
    const hasExtension = /\.[^\\.]+$/.test(text.slice(0, firstWord));
    const exe = hasExtension ? null : /^(.*?\.exe)(?=[ \t]|$)/i.exec(text);
    const end = exe ? (exe[1] as string).length : firstWord;
    program = text.slice(0, end);
    rest = text.slice(end);
    for (const c of program) {
      if (SHELL_METACHARACTERS.has(c))
        return err(`it contains '${c}' outside quotes, which only a command shell understands`);
    }
  }
  // Not trimmed: a quoted name ending in a space is refused by the path check, not quietly fixed.
  if (program.trim().length === 0) return err('it names no program');
  const args = splitArguments(rest);
  if (!args.ok) return args;
  return ok({ program, args: args.value });
}

const baseName = (path: string): string =>
  path.slice(Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/')) + 1).toLowerCase();

function isMsiexec(program: string): boolean {
  const name = baseName(program);
  return name === 'msiexec' || name === 'msiexec.exe';
}

/** The Windows folder (%SystemRoot%) as a normalised path, or why it is not known. */
function windowsFolder(env: WindowsEnvironment): Result<WindowsPath> {
  const root = systemRoot(env);
  if (!root.ok) return root;
  const folder = normalizeWindowsPath(root.value);
  return folder.ok ? folder : err('the Windows folder (%SystemRoot%) is not a plain folder path');
}

/** '%SystemRoot%\System32\msiexec.exe' with SystemRoot from the environment, checked (core/windows-folders.ts). */
function msiexecPath(env: WindowsEnvironment): Result<string> {
  return system32Path(env, 'msiexec.exe');
}

/**
 * msiexec named in the string must be Windows' own: a bare name, or one in the Windows folder's
 * System32 or SysWOW64 once the path is normalised. Any other folder holds some other program
 * of that name.
 */
function checkWindowsMsiexec(
  program: string,
  env: Readonly<Record<string, string | undefined>>,
): Result<true> {
  if (!/[\\/]/.test(program)) return ok(true);
  const path = normalizeWindowsPath(program);
  if (!path.ok) return path;
  const root = windowsFolder(env);
  if (!root.ok) return root;
  const folder = path.value.key.slice(0, path.value.key.lastIndexOf('\\'));
  if (folder === `${root.value.key}\\system32` || folder === `${root.value.key}\\syswow64`) return ok(true);
  return err(`it names a msiexec.exe outside the Windows folder (${program}), not Windows Installer`);
}

function quoteForDisplay(arg: string): string {
  if (arg.length > 0 && !/[ \t"]/.test(arg)) return arg;
  return `"${arg.replace(/"/g, '\\"')}"`;
}

function displayOf(program: string, args: readonly string[]): string {
  return [program, ...args].map(quoteForDisplay).join(' ');
}

/**
 * What a registered msiexec command asks for: the product it removes and what is left out, or why
 * it asks Windows Installer for more than removing a product.
 */
function readMsiArguments(
  args: readonly string[],
): Result<{ readonly productCode: string | null; readonly dropped: readonly string[] }> {
  let productCode: string | null = null;
  const dropped: string[] = [];
  const name = (code: string): Result<true> => {
    const upper = code.toUpperCase();
    if (productCode && productCode !== upper) return err('it names two different products');
    productCode = upper;
    return ok(true);
  };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const action = MSI_ACTION.exec(arg);
    if (action) {
      const attached = action[2];
      const next = args[i + 1];
      if (attached) {
        const named = name(attached);
        if (!named.ok) return named;
      } else if (next !== undefined && GUID.test(next)) {
        const named = name(next);
        if (!named.ok) return named;
        i += 1;
      } else {
        return err(`it gives Windows Installer ${arg} without a product code after it`);
      }
      continue;
    }
    if (GUID.test(arg)) return err(`it names the product ${arg} without saying what to do with it`);
    if (MSI_DROPPABLE.some((pattern) => pattern.test(arg))) {
      dropped.push(arg);
      continue;
    }
    if (MSI_LOG.test(arg)) {
      dropped.push(arg);
      if (args[i + 1] !== undefined) dropped.push(args[i + 1] as string);
      i += 1;
      continue;
    }
    return err(
      `it passes Windows Installer "${arg}", which is not part of removing a product, so Handover will not run it`,
    );
  }
  return ok({ productCode, dropped });
}

function msiCommand(
  productCode: string,
  source: UninstallCommand['source'],
  dropped: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Result<UninstallCommand> {
  const program = msiexecPath(env);
  if (!program.ok) return program;
  const args = ['/x', productCode];
  return ok({
    program: program.value,
    args,
    display: displayOf(program.value, args),
    kind: 'msi',
    source,
    dropped,
  });
}

/** Program Files and Program Files (x86) as the app's environment names them, normalised. */
function programFilesFolders(env: Readonly<Record<string, string | undefined>>): WindowsPath[] {
  const folders: WindowsPath[] = [];
  for (const name of PROGRAM_FILES_VARIABLES) {
    const checked = checkedFolder(lookup(env, name), name);
    const folder = checked.ok ? normalizeWindowsPath(checked.value) : null;
    if (folder?.ok && folder.value.segments.length > 0 && !folders.some((f) => f.key === folder.value.key))
      folders.push(folder.value);
  }
  return folders;
}

/** The entry's InstallLocation as a folder under Program Files, if the entry can be trusted to say. */
function registeredInstallFolder(
  entry: UninstallEntryFields,
  programFiles: readonly WindowsPath[],
  env: Readonly<Record<string, string | undefined>>,
): WindowsPath | null {
  if (!nonEmpty(entry.installLocation) || !ADMIN_REGISTRIES.has((entry.registry ?? '').toLowerCase()))
    return null;
  // Installers write it with or without quotes and a final backslash.
  const unquoted = entry.installLocation.trim().replace(/^"(.*)"$/, '$1');
  const expanded = expandVariables(unquoted, env);
  if (!expanded.ok) return null;
  const folder = normalizeWindowsPath(expanded.value);
  if (!folder.ok) return null;
  // Program Files itself is no product's own folder.
  return programFiles.some((root) => isInside(folder.value, root)) ? folder.value : null;
}

/** Is this program a product's own uninstaller by the allowlist, or why not. */
function checkProductUninstaller(
  program: WindowsPath,
  entry: UninstallEntryFields,
  options: { env: Readonly<Record<string, string | undefined>>; productPaths: readonly RegExp[] },
): Result<true> {
  const programFiles = programFilesFolders(options.env);
  if (programFiles.length === 0)
    return err('the Program Files folders are not known to Handover, so it cannot tell where the product is');
  const root = programFiles.find((folder) => isInside(program, folder));
  if (!root)
    return err(
      `it starts ${program.path}, which is not inside Program Files, where only an administrator can put a program`,
    );
  // At least the product's folder between Program Files and the program.
  if (program.segments.length - root.segments.length < 2)
    return err(`it starts ${program.path}, which is not inside a product's own folder`);
  const installFolder = registeredInstallFolder(entry, programFiles, options.env);
  if (installFolder && isInside(program, installFolder)) return ok(true);
  if (options.productPaths.some((pattern) => pattern.test(program.path))) return ok(true);
  return err(
    installFolder
      ? `it starts ${program.path}, which is outside the product's own folder (${installFolder.path})`
      : `it starts ${program.path}, and Handover cannot tell that this is the product's own folder`,
  );
}

function fromRegisteredString(
  raw: string,
  source: 'uninstallString' | 'quietUninstallString',
  entry: UninstallEntryFields,
  options: { env: Readonly<Record<string, string | undefined>>; productPaths: readonly RegExp[] },
): Result<UninstallCommand> {
  const { env } = options;
  const productCode = codeOf(entry);
  const expanded = expandVariables(raw.trim(), env);
  if (!expanded.ok) return expanded;
  const split = splitWindowsCommandLine(expanded.value);
  if (!split.ok) return split;
  const { program: named, args } = split.value;

  if (isMsiexec(named)) {
    const windows = checkWindowsMsiexec(named, env);
    if (!windows.ok) return windows;
    const read = readMsiArguments(args);
    if (!read.ok) return read;
    const code = read.value.productCode;
    if (code && productCode && code !== productCode) {
      return err(`it names product ${code} but the entry is registered as ${productCode}`);
    }
    const chosen = code ?? productCode;
    if (!chosen) return err('it runs Windows Installer without naming the product to remove');
    return msiCommand(chosen, source, read.value.dropped, env);
  }

  const name = baseName(named);
  const launcher = LAUNCHERS[name];
  if (launcher) {
    return err(
      `it starts ${launcher}, which would run something else in turn; Handover only starts an uninstaller it can show you exactly`,
    );
  }
  if (/\.(bat|cmd)$/i.test(name)) return err('it is a batch file, which needs the command interpreter');
  const program = normalizeWindowsPath(named);
  if (!program.ok) return program;
  if (!/\.exe$/i.test(program.value.path))
    return err(`it names ${named}, which is not a program file (.exe)`);
  const allowed = checkProductUninstaller(program.value, entry, options);
  if (!allowed.ok) return allowed;
  if (source === 'quietUninstallString') {
    return err(
      "only a silent uninstall is registered; Handover runs the product's own uninstaller where you can see it",
    );
  }
  const path = program.value.path;
  return ok({ program: path, args, display: displayOf(path, args), kind: 'exe', source, dropped: [] });
}

/**
 * The command that removes `entry`, which must be one of `detectedEntries` (the entries of the
 * detection in the current scan; what the scan registered is used, not the copy passed in).
 * Prefers the UninstallString (what Programs and Features runs); then the MSI product code; then
 * a QuietUninstallString that is a msiexec command (run with its interface).
 */
export function uninstallCommandFor(
  entry: UninstallEntryFields,
  detectedEntries: readonly UninstallEntryFields[],
  options: UninstallCommandOptions = {},
): Result<UninstallCommand> {
  const env = options.env ?? {};
  const detected = detectedEntries.find((candidate) => sameEntry(candidate, entry));
  if (!detected) {
    return err('this uninstall entry is not one the current scan found, so Handover will not run it');
  }
  const productCode = codeOf(detected);
  if (productCode && !GUID.test(productCode)) return err(`the product code ${productCode} is not a GUID`);
  const why = (reason: string) => `Handover cannot run this uninstall command: ${reason}.`;
  const checks = { env, productPaths: options.productPaths ?? [] };

  if (nonEmpty(detected.uninstallString)) {
    const command = fromRegisteredString(detected.uninstallString, 'uninstallString', detected, checks);
    return command.ok ? command : err(why(command.error));
  }
  if (productCode) {
    const command = msiCommand(productCode, 'productCode', [], env);
    return command.ok ? command : err(why(command.error));
  }
  if (nonEmpty(detected.quietUninstallString)) {
    const command = fromRegisteredString(
      detected.quietUninstallString,
      'quietUninstallString',
      detected,
      checks,
    );
    return command.ok ? command : err(why(command.error));
  }
  return err('Handover cannot run an uninstaller for this entry: it registers no uninstall command.');
}
