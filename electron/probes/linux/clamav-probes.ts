/**
 * ClamAV: the header of each signature database, freshclam's update log, and `clamscan --version`.
 * Only the first 512 bytes of a database are read: that is the whole header [S112].
 *
 * freshclam writes its log where freshclam.conf's UpdateLogFile says: Debian and Ubuntu set
 * /var/log/clamav/freshclam.log (this machine's clamav-freshclam package), ClamAV's own sample
 * configuration suggests /var/log/freshclam.log (etc/freshclam.conf.sample). Under systemd the
 * daemon's output also goes to the journal (clamav-freshclam.service runs `freshclam -d
 * --foreground=true`), the only record on systems that set no log file; the journal is read only
 * where ClamAV's database folder exists, so a machine without ClamAV starts no journalctl.
 */

import { mapLimited } from '../../core/util/map-limited';
import { runProgram, SYSTEM_PROGRAMS } from '../host/programs';
import { joinPath, listDirectory, readFile } from '../host/read-steps';
import type { Probe } from '../probe-context';

export const CLAMAV_DB_DIR = '/var/lib/clamav';
export const FRESHCLAM_LOGS = ['/var/log/clamav/freshclam.log', '/var/log/freshclam.log'] as const;
export const FRESHCLAM_TAIL_BYTES = 64 * 1024;
export const CLAMAV_HEADER_BYTES = 512;
/** journalctl's default short format: syslog-like lines, each with freshclam's own message. */
export const FRESHCLAM_JOURNAL_ARGS = [
  '--unit=clamav-freshclam.service',
  '--lines=300',
  '--no-pager',
  '--quiet',
] as const;
/** clamscan prints 'ClamAV <engine>/<daily version>/<daily build time>' (common/misc.c print_version). */
export const CLAMSCAN = ['/usr/bin/clamscan', '/usr/local/bin/clamscan'] as const;
const MAX_DATABASES = 32;

export function clamavDbProbe(): Probe {
  return {
    id: 'linux.clamav-db',
    async run(context) {
      const listing = await listDirectory(context, 'linux.clamav-db', CLAMAV_DB_DIR);
      if (listing.outcome !== 'ok') return [listing];
      const databases = listing.entries
        .filter((name) => /\.(cvd|cld|cud)$/i.test(name))
        .slice(0, MAX_DATABASES);
      const headers = await mapLimited(databases, 4, (name) =>
        readFile(context, 'linux.clamav-db', joinPath(CLAMAV_DB_DIR, name), {
          maxBytes: CLAMAV_HEADER_BYTES,
        }),
      );
      return [listing, ...headers];
    },
  };
}

export function freshclamLogProbe(): Probe {
  return {
    id: 'linux.freshclam-log',
    async run(context) {
      const records = [];
      for (const path of FRESHCLAM_LOGS) {
        const record = await readFile(context, 'linux.freshclam-log', path, {
          maxBytes: FRESHCLAM_TAIL_BYTES,
          from: 'end',
        });
        records.push(record);
        if (record.outcome !== 'missing') break;
      }
      const databaseFolder = await context.files.listDirectory(CLAMAV_DB_DIR).catch(() => null);
      if (!databaseFolder?.ok) return records;
      const journal = await runProgram(
        context,
        'linux.freshclam-log',
        SYSTEM_PROGRAMS.linux.journalctl,
        FRESHCLAM_JOURNAL_ARGS,
        10_000,
      );
      return [...records, ...journal];
    },
  };
}

export function clamscanVersionProbe(): Probe {
  return {
    id: 'linux.clamscan',
    run: (context) => runProgram(context, 'linux.clamscan', CLAMSCAN, ['--version'], 15_000),
  };
}
