/**
 * Windows' own folders, from the environment Handover runs in, checked before any program is
 * started from them (issue 10 point 7: programs by full path, never by a name PATH resolves).
 * Pure: the caller passes the environment. Names are matched case-insensitively, as Windows does.
 *
 * A folder is accepted only as a plain local path: a drive letter, a backslash, and no quote,
 * '%', wildcard, '..' or control character. Anything else (unset, relative, a share, a variable
 * to expand) is refused with a reason, so a tampered environment cannot point Handover at some
 * other program.
 */
import { err, ok, type Result } from './util/result';

export type WindowsEnvironment = Readonly<Record<string, string | undefined>>;

/** The value of an environment variable, whatever the case of its name. */
export function lookupEnv(env: WindowsEnvironment, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(env)) {
    if (key.toLowerCase() === wanted && value) return value;
  }
  return undefined;
}

const SEGMENT = '[^"%*?<>|\\\\]+';
const LOCAL_FOLDER = new RegExp(`^[A-Za-z]:\\\\(?:${SEGMENT}(?:\\\\${SEGMENT})*)?\\\\?$`);
const hasControlCharacter = (text: string) => [...text].some((c) => c.charCodeAt(0) < 0x20);

/** A checked local folder, without a trailing backslash. */
export function checkedFolder(value: string | undefined, what: string): Result<string> {
  if (!value) return err(`${what} is not known to Handover`);
  if (!LOCAL_FOLDER.test(value) || hasControlCharacter(value) || /(^|\\)\.\.(\\|$)/.test(value)) {
    return err(`${what} is ${JSON.stringify(value)}, which is not a local folder`);
  }
  return ok(value.replace(/\\+$/, ''));
}

/** %SystemRoot% (or %windir%, which Windows sets to the same folder). */
export function systemRoot(env: WindowsEnvironment): Result<string> {
  return checkedFolder(
    lookupEnv(env, 'SystemRoot') ?? lookupEnv(env, 'windir'),
    'the Windows folder (%SystemRoot%)',
  );
}

/**
 * A program under %SystemRoot%\System32. `sysnative` takes the 64-bit System32 from a 32-bit
 * process on 64-bit Windows, where System32 itself is redirected to SysWOW64 (Microsoft Learn,
 * "File System Redirector").
 */
export function system32Path(
  env: WindowsEnvironment,
  relative: string,
  options: { readonly sysnative?: boolean } = {},
): Result<string> {
  const root = systemRoot(env);
  if (!root.ok) return root;
  return ok(`${root.value}\\${options.sysnative ? 'Sysnative' : 'System32'}\\${relative}`);
}

/**
 * The 64-bit Program Files folder: %ProgramW6432% where WOW64 sets it (a 32-bit process sees
 * %ProgramFiles% as "Program Files (x86)"), else %ProgramFiles%.
 */
export function programFiles(env: WindowsEnvironment): Result<string> {
  return checkedFolder(
    lookupEnv(env, 'ProgramW6432') ?? lookupEnv(env, 'ProgramFiles'),
    'the Program Files folder',
  );
}
