/**
 * WithSecure Client Security for Mac, `/usr/local/bin/wsav --version`. Its lines, as GLPI agent's
 * MacOS/AntiVirus/WithSecure.pm documents them from a real Mac: 'WithSecure™ ClientSecurity
 * version 16.02' and 'Database version: 2026-02-05_02' (the database version starts with its date).
 * No full real transcript was public: the parser reads only these two lines.
 */

import { err, ok, type Result } from '../../util/result';
import { utcFromFields } from '../dates/date-reading';
import type { VendorStatus } from '../unix/vendor-status';

export function parseWsavVersion(stdout: string): Result<VendorStatus> {
  const version = /ClientSecurity\s+version\s+(\d+(?:\.\d+)*)/i.exec(stdout)?.[1];
  const database = /^Database\s+version:\s*(\S+)/im.exec(stdout)?.[1];
  if (!version && !database)
    return err('the output has no "ClientSecurity version" or "Database version" line');
  const d = database ? /^(\d{4})-(\d{2})-(\d{2})/.exec(database) : null;
  const date = d ? utcFromFields(Number(d[1]), Number(d[2]), Number(d[3])) : null;
  const decoded: Record<string, string> = {};
  if (database)
    decoded['Database version'] = date ? `${database} (dated ${date.toISOString().slice(0, 10)})` : database;
  decoded['Real-time protection'] = 'wsav --version does not say; the wsavd process does';
  return ok({
    ...(version ? { version } : {}),
    realtime: null,
    signaturesDate: date ? date.toISOString() : null,
    signaturesUpToDate: null,
    ...(database ? { signaturesVersion: database } : {}),
    decoded,
    summary: [
      version ? `ClientSecurity version ${version}` : null,
      database ? `Database version: ${database}` : null,
    ]
      .filter(Boolean)
      .join('; '),
  });
}
