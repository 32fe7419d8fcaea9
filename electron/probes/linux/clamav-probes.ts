/**
 * ClamAV: the header of each signature database and the tail of freshclam's log.
 * Only the first 512 bytes of a database are read: that is the whole header [S112].
 */

import { joinPath, listDirectory, mapLimited, readFile } from '../host/read-steps';
import type { Probe } from '../probe-context';

export const CLAMAV_DB_DIR = '/var/lib/clamav';
export const FRESHCLAM_LOG = '/var/log/clamav/freshclam.log';
export const CLAMAV_HEADER_BYTES = 512;
export const FRESHCLAM_TAIL_BYTES = 64 * 1024;
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
      return [
        await readFile(context, 'linux.freshclam-log', FRESHCLAM_LOG, {
          maxBytes: FRESHCLAM_TAIL_BYTES,
          from: 'end',
        }),
      ];
    },
  };
}
