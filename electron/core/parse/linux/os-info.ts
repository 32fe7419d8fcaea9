/**
 * The operating system's own description of itself, as the host.os probe stores it:
 * - Linux: the os-release file (/etc/os-release, else /usr/lib/os-release), os-release(5):
 *   newline-separated KEY=value lines, values optionally in double or single quotes (double-quoted
 *   values may escape $ " ` \ with a backslash), '#' comment lines and blank lines ignored.
 * - macOS: the output of `sw_vers` with no arguments, sw_vers(1): "Key:<tabs>value" lines,
 *   ProductName, ProductVersion, BuildVersion (and ProductVersionExtra on macOS 13 and later
 *   when a Rapid Security Response is installed).
 */
import { err, ok, type Result } from '../../util/result';

/** The os-release fields the verdict and the screen use. */
export interface OsRelease {
  /** NAME: 'Debian GNU/Linux'. */
  readonly name?: string;
  /** VERSION: '12 (bookworm)'. */
  readonly version?: string;
  /** VERSION_ID: '12'. */
  readonly versionId?: string;
  /** PRETTY_NAME: 'Debian GNU/Linux 12 (bookworm)'. */
  readonly prettyName?: string;
  /** ID: 'debian'. */
  readonly id?: string;
}

const OS_RELEASE_KEYS: ReadonlyMap<string, keyof OsRelease> = new Map([
  ['NAME', 'name'],
  ['VERSION', 'version'],
  ['VERSION_ID', 'versionId'],
  ['PRETTY_NAME', 'prettyName'],
  ['ID', 'id'],
]);

/** A value as the shell would read it: "..." with backslash escapes, '...' literally, else as is. */
function unquote(raw: string): string {
  const value = raw.trim();
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
    return value.slice(1, -1).replace(/\\([$"`\\])/g, '$1');
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1);
  return value;
}

export function parseOsRelease(text: string): Result<OsRelease> {
  const release: { -readonly [K in keyof OsRelease]: string } = {};
  for (const line of text.split('\n')) {
    const clean = line.replace(/\r$/, '').trim();
    if (clean === '' || clean.startsWith('#')) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(clean);
    if (!match) continue;
    const field = OS_RELEASE_KEYS.get(match[1] as string);
    if (!field) continue;
    const value = unquote(match[2] as string).trim();
    if (value !== '') release[field] = value;
  }
  if (!release.name && !release.prettyName && !release.id)
    return err('it names no operating system (no NAME, PRETTY_NAME or ID line)');
  return ok(release);
}

/** sw_vers' facts. */
export interface SwVers {
  /** 'macOS' (11 and later), 'Mac OS X' (10.15 and earlier). */
  readonly productName?: string;
  /** '14.4.1'. */
  readonly productVersion?: string;
  /** '(a)': a Rapid Security Response on top of productVersion. */
  readonly productVersionExtra?: string;
  /** '23E224'. */
  readonly buildVersion?: string;
}

const SW_VERS_KEYS: ReadonlyMap<string, keyof SwVers> = new Map([
  ['ProductName', 'productName'],
  ['ProductVersion', 'productVersion'],
  ['ProductVersionExtra', 'productVersionExtra'],
  ['BuildVersion', 'buildVersion'],
]);

export function parseSwVers(text: string): Result<SwVers> {
  const facts: { -readonly [K in keyof SwVers]: string } = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z]+):\s*(.*?)\s*$/.exec(line.replace(/\r$/, ''));
    if (!match) continue;
    const field = SW_VERS_KEYS.get(match[1] as string);
    if (field && match[2]) facts[field] = match[2];
  }
  if (!facts.productName && !facts.productVersion) return err('it has no ProductName or ProductVersion line');
  return ok(facts);
}
