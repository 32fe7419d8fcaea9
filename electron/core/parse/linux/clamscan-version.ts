/**
 * `clamscan --version`: 'ClamAV <engine>/<daily version>/<ctime of the daily build>', or
 * 'ClamAV <engine>' alone when clamscan found no readable daily.cvd/daily.cld (ClamAV's
 * common/misc.c print_version: printf("ClamAV %s/%u/%s", version, daily->version,
 * ctime(&daily->stime))). Real outputs: 'ClamAV 1.4.3/28046/Mon Jun 29 03:27:20 2026' (GLPI agent's
 * ClamAV test, ref 66114694598) and 'ClamAV 1.4.6' on this Debian 12 machine, whose
 * /var/lib/clamav is empty (toolchain.md §6). The ctime is local time without a zone: read as UTC.
 */
import { err, ok, type Result } from '../../util/result';
import type { VendorStatus } from '../unix/vendor-status';
import { isoFromCtime, NO_ZONE_READ_AS_UTC } from './printed-dates';

export function parseClamscanVersion(stdout: string): Result<VendorStatus> {
  const line =
    stdout
      .split(/\r?\n/)
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  const m = /^ClamAV (\d[^/\s]*)(?:\/(\d+)\/(.+))?$/.exec(line);
  if (!m) return err(`the first line is not "ClamAV <version>" (${line.slice(0, 80) || 'empty'})`);
  const [, engine = '', daily, built] = m;
  const decoded: Record<string, string> = { Engine: engine };
  const date = built ? isoFromCtime(built.trim()) : null;
  if (daily) {
    decoded['Daily database'] =
      `version ${daily}, built ${built?.trim()}${date ? ` = ${date}` : ''} (${NO_ZONE_READ_AS_UTC})`;
  } else {
    decoded['Daily database'] = 'none: clamscan found no readable daily.cvd or daily.cld';
  }
  return ok({
    version: engine,
    realtime: null,
    signaturesDate: date,
    signaturesUpToDate: null,
    ...(daily ? { signaturesVersion: `daily ${daily}` } : {}),
    decoded,
    summary: line,
  });
}
