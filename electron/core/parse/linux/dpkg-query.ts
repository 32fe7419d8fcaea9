/**
 * `dpkg-query -W -f '${Package}\t${Version}\t${db:Status-Abbrev}\t${Maintainer}\n'`.
 * db:Status-Abbrev is three characters: desired action, package status, error flag
 * ('ii ' installed, 'rc ' removed with config files left, 'iU ' unpacked) (dpkg-query(1)).
 * KESL ships as kesl_<version>_amd64.deb, Network Agent as klnagent64, kav4fs as kav4fs [S99][S100].
 */
import { err, ok, type Result } from '../../util/result';

export interface DpkgPackage {
  readonly name: string;
  readonly version: string;
  /** The three status characters as printed, e.g. 'ii '. */
  readonly statusAbbrev: string;
  /** Files of the package are on disk: status unpacked, half-configured, installed, triggers. */
  readonly installed: boolean;
  readonly maintainer: string;
  readonly line: string;
}

/** Package status letters whose files are on disk (n = not installed, c = config files only). */
const ON_DISK = new Set(['i', 'U', 'F', 'W', 't', 'H']);

export function parseDpkgQuery(stdout: string): Result<readonly DpkgPackage[]> {
  const packages: DpkgPackage[] = [];
  let unreadable = 0;
  for (const line of stdout.split('\n')) {
    const clean = line.replace(/\r$/, '');
    if (clean.trim() === '') continue;
    const [name = '', version = '', statusAbbrev = '', ...rest] = clean.split('\t');
    if (!name || !/^[a-z0-9][a-z0-9+.-]*(:[a-z0-9-]+)?$/.test(name) || statusAbbrev.length < 2) {
      unreadable += 1;
      continue;
    }
    packages.push({
      name,
      version,
      statusAbbrev,
      installed: ON_DISK.has(statusAbbrev[1] ?? ''),
      maintainer: rest.join('\t').trim(),
      line: clean,
    });
  }
  if (packages.length === 0 && unreadable > 0)
    return err(`none of its ${unreadable} lines is a "package<TAB>version<TAB>status" line`);
  return ok(packages);
}
