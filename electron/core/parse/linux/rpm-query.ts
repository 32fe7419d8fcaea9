/**
 * `rpm -qa --qf '%{NAME}\t%{VERSION}-%{RELEASE}\t%{VENDOR}\n'`. rpm prints '(none)' for a tag the
 * package does not set (rpm queryformat). KESL also ships as an rpm on RHEL-family systems [S99].
 */
import { err, ok, type Result } from '../../util/result';

export interface RpmPackage {
  readonly name: string;
  /** VERSION-RELEASE. */
  readonly version: string;
  readonly vendor: string | null;
  readonly line: string;
}

export function parseRpmQuery(stdout: string): Result<readonly RpmPackage[]> {
  const packages: RpmPackage[] = [];
  let unreadable = 0;
  for (const line of stdout.split('\n')) {
    const clean = line.replace(/\r$/, '');
    if (clean.trim() === '') continue;
    const fields = clean.split('\t');
    const [name = '', version = '', vendor = ''] = fields;
    if (fields.length < 2 || !name || /\s/.test(name)) {
      unreadable += 1;
      continue;
    }
    packages.push({
      name,
      version,
      vendor: vendor && vendor !== '(none)' ? vendor.trim() : null,
      line: clean,
    });
  }
  if (packages.length === 0 && unreadable > 0)
    return err(`none of its ${unreadable} lines is a "name<TAB>version-release<TAB>vendor" line`);
  return ok(packages);
}
