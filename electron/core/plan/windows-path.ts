/**
 * A Windows path as Windows would read it, worked out from the text alone (no file system): the
 * one form Handover compares, so that two spellings of one file are one path and a spelling that
 * Windows would read differently from how it looks is refused rather than guessed at.
 *
 * What Win32 does to a path before it opens it (Microsoft, "Naming Files, Paths, and Namespaces",
 * https://learn.microsoft.com/en-us/windows/win32/fileio/naming-a-file, and "File path formats on
 * Windows systems", https://learn.microsoft.com/en-us/dotnet/standard/io/file-path-formats):
 * - '/' is a separator like '\', and runs of separators count as one;
 * - '.' segments are dropped and '..' removes the segment before it;
 * - trailing periods and spaces are removed from a name;
 * - names are compared without regard to case;
 * - '\\?\' and '\\.\' paths skip all of that (device and raw paths); '\\server\share' is a
 *   network path; 'C:name' is relative to the current folder of drive C.
 *
 * Refused, with the reason in words, because the text alone cannot say which file Windows
 * would open: device, raw and network paths; paths that are not a full path from a drive; a name
 * ending in a period or a space (Windows would open another name than the one shown); a name with
 * ':' (an alternate data stream), a wildcard or a character Windows does not allow in names;
 * an 8.3 short name ('PROGRA~1'). Short names are made by the file system when a folder is created
 * and depend on what else the folder held then (Microsoft, "Naming Files…", "Short vs. Long
 * Names"; and fsutil 8dot3name, where they can be turned off per volume): PROGRA~1 is often, but
 * not always, "Program Files". Only the disk knows, so Handover does not guess.
 */
import { err, ok, type Result } from '../util/result';

export interface WindowsPath {
  /** 'C:\Program Files\Vendor\uninstall.exe': backslashes, no '.' or '..', the case as written. */
  readonly path: string;
  /** The same, lower-cased: what two paths are compared by. */
  readonly key: string;
  /** The segments after the drive ('Program Files', 'Vendor', 'uninstall.exe'). */
  readonly segments: readonly string[];
}

/** An 8.3 alias: up to six characters, '~', a number, and up to three characters of extension. */
const SHORT_NAME = /^[^~.]{1,6}~\d{1,6}(\.[^.]{0,3})?$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
const NOT_IN_A_NAME = /[<>:"|?*\u0000-\u001f]/;

/** The path in the one form Handover compares, or why Windows might open another file than it names. */
export function normalizeWindowsPath(text: string): Result<WindowsPath> {
  const slashes = text.replace(/\//g, '\\');
  if (/^\\\\[?.]\\/.test(slashes) || slashes.startsWith('\\??\\'))
    return err(`${text} is a device path, which Windows opens without its usual checks`);
  if (slashes.startsWith('\\\\')) return err(`${text} is on a network share`);
  const drive = /^([A-Za-z]):\\/.exec(slashes);
  if (!drive) return err(`${text} is not a full path from a drive letter`);
  const segments: string[] = [];
  for (const segment of slashes.slice(3).split(/\\+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return err(`${text} climbs above the top of its drive`);
      segments.pop();
      continue;
    }
    if (/[. ]$/.test(segment))
      return err(`in ${text}, the name "${segment}" ends in a period or a space, which Windows drops`);
    if (NOT_IN_A_NAME.test(segment))
      return err(`in ${text}, the name "${segment}" has a character Windows does not allow in a file name`);
    if (SHORT_NAME.test(segment))
      return err(
        `${text} names "${segment}" by its short 8.3 name, which only the disk can turn into the real folder name`,
      );
    segments.push(segment);
  }
  const path = `${(drive[1] as string).toUpperCase()}:\\${segments.join('\\')}`;
  return ok({ path, key: path.toLowerCase(), segments });
}

/** Is `inner` strictly inside the folder `outer` (not the folder itself)? */
export function isInside(inner: WindowsPath, outer: WindowsPath): boolean {
  return inner.key.startsWith(outer.key.endsWith('\\') ? outer.key : `${outer.key}\\`);
}
