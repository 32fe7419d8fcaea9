/**
 * From a registered uninstall command (Programs and Features: UninstallString,
 * QuietUninstallString, the MSI product code) to a program and an argument array that
 * electron/actions runs with execFile, never through a shell. Pure: no file system, no
 * process.env (the caller passes the environment for the few variables it expands).
 *
 * Splitting follows CommandLineToArgvW:
 * - the program is the text up to the first space, or between the first pair of quotes (no
 *   escape processing in the program name);
 * - an unquoted program path with spaces ('C:\Program Files (x86)\X\setup.exe /x') is what
 *   CreateProcess resolves by trying each space as the end of the name until a file exists; with
 *   no file system here, the name ends at the first '.exe' followed by a space or the end;
 * - arguments: whitespace separates them outside quotes; 2n backslashes before a quote become n
 *   and the quote toggles quoting; 2n+1 backslashes before a quote become n and a literal quote;
 *   backslashes elsewhere are literal; '""' inside quotes is a literal quote.
 *
 * Windows Installer entries ('MsiExec.exe /I{GUID}', 'MsiExec.exe /X{GUID}',
 * 'msiexec.exe /x {GUID} /qn' [detection.md §2.4, S37], '... REMOVE=ALL') become exactly
 * '%SystemRoot%\System32\msiexec.exe /x {GUID}': remove, with the product's own interface (no
 * /qn, /quiet, /passive), so the person sees what is being removed and Windows Installer asks
 * for elevation itself. Every other argument is dropped, including any KLLOGIN/KLPASSWD
 * (detection.md §2.5): Handover never passes a password on a command line.
 *
 * Refused, with a reason: an entry that is not one the current scan found; strings that would
 * need a shell (| & < > ^ outside quotes, %VARIABLES% other than well-known folders); script
 * hosts and launchers (cmd.exe, PowerShell, rundll32, wscript, mshta ...); batch files;
 * relative or network paths; an exe entry that registers only a silent uninstall.
 */
import { err, ok, type Result } from '../util/result';
import { lookupEnv, system32Path, systemRoot, type WindowsEnvironment } from '../windows-folders';

/** The fields of an InstalledProgramObservation (or a Detection's UninstallEntry) used here. */
export interface UninstallEntryFields {
  readonly uninstallString?: string | null;
  readonly quietUninstallString?: string | null;
  readonly productCode?: string | null;
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
   * The process environment, for %SystemRoot% and the well-known folder variables. Names are
   * matched case-insensitively, as Windows does.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const GUID_TEXT = '\\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}';
const GUID = new RegExp(`^${GUID_TEXT}$`);
/** '/x', '-X', '/I{GUID}', '/uninstall', '/package' (followed by the GUID or with it attached). */
const MSI_ACTION = new RegExp(`^[/-](x|i|uninstall|package)(${GUID_TEXT})?$`, 'i');

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

/** Programs that run other programs or scripts: what they would run cannot be shown exactly. */
const LAUNCHERS: Readonly<Record<string, string>> = {
  'cmd.exe': 'the Windows command interpreter (cmd.exe)',
  'powershell.exe': 'Windows PowerShell',
  'pwsh.exe': 'PowerShell',
  'rundll32.exe': 'rundll32, which runs code inside a DLL',
  'wscript.exe': 'Windows Script Host',
  'cscript.exe': 'Windows Script Host',
  'mshta.exe': 'mshta, which runs HTML applications',
  'regsvr32.exe': 'regsvr32',
  'conhost.exe': 'the console host',
  'explorer.exe': 'Explorer',
};

const SHELL_METACHARACTERS = new Set(['|', '&', '<', '>', '^']);

const nonEmpty = (value: string | null | undefined): value is string =>
  typeof value === 'string' && value.trim().length > 0;

const same = (a: string | null | undefined, b: string | null | undefined): boolean =>
  (nonEmpty(a) ? a : null) === (nonEmpty(b) ? b : null);

/**
 * Is `entry` one of the entries the scan found: the same object, or the same product code and
 * the same registered strings (an entry that came back from the window through IPC is a copy).
 */
export function isDetectedEntry(
  entry: UninstallEntryFields,
  detectedEntries: readonly UninstallEntryFields[],
): boolean {
  return detectedEntries.some(
    (detected) =>
      detected === entry ||
      ((nonEmpty(detected.productCode) ? detected.productCode.toUpperCase() : null) ===
        (nonEmpty(entry.productCode) ? entry.productCode.toUpperCase() : null) &&
        same(detected.uninstallString, entry.uninstallString) &&
        same(detected.quietUninstallString, entry.quietUninstallString)),
  );
}

const lookup = lookupEnv;

/** Expands the well-known %VARIABLES%; any other %NAME% is refused. */
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
  program = program.trim();
  if (program.length === 0) return err('it names no program');
  const args = splitArguments(rest);
  if (!args.ok) return args;
  return ok({ program, args: args.value });
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('\\') + 1).toLowerCase();

function isMsiexec(program: string): boolean {
  const name = baseName(program.replace(/\//g, '\\'));
  return name === 'msiexec' || name === 'msiexec.exe';
}

/** '%SystemRoot%\System32\msiexec.exe' with SystemRoot from the environment, checked (core/windows-folders.ts). */
function msiexecPath(env: WindowsEnvironment): Result<string> {
  return system32Path(env, 'msiexec.exe');
}

/**
 * msiexec named in the string must be Windows' own: a bare name, or one in the Windows folder's
 * System32 or SysWOW64. Any other folder would be some other program of that name.
 */
function isWindowsMsiexec(program: string, env: Readonly<Record<string, string | undefined>>): boolean {
  if (!program.includes('\\') && !program.includes('/')) return true;
  const checked = systemRoot(env);
  const root = checked.ok ? checked.value.toLowerCase() : '';
  const folder = program.slice(0, program.lastIndexOf('\\')).toLowerCase();
  return root !== '' && (folder === `${root}\\system32` || folder === `${root}\\syswow64`);
}

function quoteForDisplay(arg: string): string {
  if (arg.length > 0 && !/[ \t"]/.test(arg)) return arg;
  return `"${arg.replace(/"/g, '\\"')}"`;
}

function displayOf(program: string, args: readonly string[]): string {
  return [program, ...args].map(quoteForDisplay).join(' ');
}

/** The product code a msiexec argument list names (after /x, /i, /uninstall or /package). */
function msiProductCode(args: readonly string[]): string | null {
  for (let i = 0; i < args.length; i += 1) {
    const match = MSI_ACTION.exec(args[i] as string);
    if (!match) continue;
    if (match[2]) return match[2].toUpperCase();
    const next = args[i + 1];
    if (next && GUID.test(next)) return next.toUpperCase();
  }
  return null;
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

function fromRegisteredString(
  raw: string,
  source: 'uninstallString' | 'quietUninstallString',
  productCode: string | null,
  env: Readonly<Record<string, string | undefined>>,
): Result<UninstallCommand> {
  const expanded = expandVariables(raw.trim(), env);
  if (!expanded.ok) return expanded;
  const split = splitWindowsCommandLine(expanded.value);
  if (!split.ok) return split;
  const { program, args } = split.value;

  if (isMsiexec(program)) {
    if (!isWindowsMsiexec(program, env)) {
      return err(`it names a msiexec.exe outside the Windows folder (${program}), not Windows Installer`);
    }
    const named = msiProductCode(args);
    if (named && productCode && named !== productCode) {
      return err(`it names product ${named} but the entry is registered as ${productCode}`);
    }
    const code = named ?? productCode;
    if (!code) return err('it runs Windows Installer without naming the product to remove');
    const dropped = args.filter((arg) => !GUID.test(arg) && !MSI_ACTION.test(arg));
    return msiCommand(code, source, dropped, env);
  }

  const name = baseName(program);
  const launcher = LAUNCHERS[name];
  if (launcher) {
    return err(
      `it starts ${launcher}, which would run something else in turn; Handover only starts an uninstaller it can show you exactly. Use Settings › Apps instead`,
    );
  }
  if (/\.(bat|cmd)$/i.test(name)) return err('it is a batch file, which needs the command interpreter');
  if (!/\.exe$/i.test(name)) return err(`it names ${program}, which is not a program file (.exe)`);
  if (program.startsWith('\\\\')) return err(`the uninstaller is on a network share (${program})`);
  if (!/^[A-Za-z]:\\/.test(program)) return err(`the uninstaller is not named by its full path (${program})`);
  if (program.split('\\').some((part) => part === '..'))
    return err(`its path climbs out of a folder (${program})`);
  if (source === 'quietUninstallString') {
    return err(
      "only a silent uninstall is registered; Handover runs the product's own uninstaller where you can see it. Use Settings › Apps instead",
    );
  }
  return ok({ program, args, display: displayOf(program, args), kind: 'exe', source, dropped: [] });
}

/**
 * The command that removes `entry`, which must be one of `detectedEntries` (the entries of the
 * detection in the current scan). Prefers the UninstallString (what Programs and Features runs);
 * then the MSI product code; then a QuietUninstallString that is a msiexec command (run with its
 * interface).
 */
export function uninstallCommandFor(
  entry: UninstallEntryFields,
  detectedEntries: readonly UninstallEntryFields[],
  options: UninstallCommandOptions = {},
): Result<UninstallCommand> {
  const env = options.env ?? {};
  if (!isDetectedEntry(entry, detectedEntries)) {
    return err('this uninstall entry is not one the current scan found, so Handover will not run it');
  }
  const productCode = nonEmpty(entry.productCode) ? entry.productCode.trim().toUpperCase() : null;
  if (productCode && !GUID.test(productCode)) return err(`the product code ${productCode} is not a GUID`);
  const why = (reason: string) => `Handover cannot run this uninstall command: ${reason}.`;

  if (nonEmpty(entry.uninstallString)) {
    const command = fromRegisteredString(entry.uninstallString, 'uninstallString', productCode, env);
    return command.ok ? command : err(why(command.error));
  }
  if (productCode) {
    const command = msiCommand(productCode, 'productCode', [], env);
    return command.ok ? command : err(why(command.error));
  }
  if (nonEmpty(entry.quietUninstallString)) {
    const command = fromRegisteredString(entry.quietUninstallString, 'quietUninstallString', null, env);
    return command.ok ? command : err(why(command.error));
  }
  return err('Handover cannot run an uninstaller for this entry: it registers no uninstall command.');
}
