/**
 * Dr.Web for Linux, `drweb-ctl baseinfo` and `drweb-ctl --version`. Real output of a Dr.Web 11.1
 * scanner in a malware-analysis service (ref 22354508618): 'Core engine version: 7.00.41.07240',
 * 'Virus database timestamp: 2019-Oct-13 22:55:51', 'Virus records: 8212364', 'Last successful
 * update: 2019-Oct-14 00:56:00', 'Next scheduled update: …'; `--version`: 'drweb-ctl
 * 11.1.2.1907091642'. Times carry no zone: read as UTC. Dr.Web translates its output to the
 * locale; only the English labels are read (GLPI agent runs it with LANG=C for the same reason).
 */

import { err, ok, type Result } from '../../util/result';
import { utcFromFields } from '../dates/date-reading';
import {
  labelledLines,
  monthNumber,
  outputOf,
  type StatusOutput,
  type VendorStatus,
} from '../unix/vendor-status';
import { NO_ZONE_READ_AS_UTC } from './printed-dates';

/** '2019-Oct-13 22:55:51' → ISO 8601, read as UTC. */
export function isoFromDrwebTime(text: string): string | null {
  const m = /^(\d{4})-([A-Za-z]{3})-(\d{1,2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const month = monthNumber(m[2] ?? '');
  const date = month
    ? utcFromFields(Number(m[1]), month, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]))
    : null;
  return date ? date.toISOString() : null;
}

export function parseDrwebCtl(outputs: readonly StatusOutput[]): Result<VendorStatus> {
  const fields = labelledLines(outputOf(outputs, ['baseinfo']) ?? '');
  const version = /^drweb-ctl\s+(\d+(?:\.\d+)+)/m.exec(outputOf(outputs, ['--version']) ?? '')?.[1];
  const timestamp = fields.get('Virus database timestamp');
  const lastUpdate = fields.get('Last successful update');
  if (!timestamp && !lastUpdate && !version)
    return err(
      'the output has none of the lines drweb-ctl prints (Virus database timestamp, Last successful update)',
    );
  const date = timestamp ? isoFromDrwebTime(timestamp) : null;
  const decoded: Record<string, string> = {};
  if (timestamp)
    decoded['Virus database timestamp'] = `${timestamp}${date ? ` = ${date}` : ''} (${NO_ZONE_READ_AS_UTC})`;
  if (lastUpdate) decoded['Last successful update'] = lastUpdate;
  const records = fields.get('Virus records');
  if (records) decoded['Virus records'] = records;
  decoded['Real-time protection'] = 'drweb-ctl baseinfo does not say whether SpIDer Guard runs';
  return ok({
    ...(version ? { version } : {}),
    realtime: null,
    signaturesDate: date,
    signaturesUpToDate: null,
    decoded,
    summary: [
      timestamp ? `Virus database timestamp: ${timestamp}` : null,
      lastUpdate ? `Last successful update: ${lastUpdate}` : null,
    ]
      .filter(Boolean)
      .join('; '),
  });
}
