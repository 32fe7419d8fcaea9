/**
 * `kav4fs-control --get-stat Update` (Kaspersky Anti-Virus for Linux File Server). Real output
 * [S111]: 'Current AV databases date: 2014-05-27 03:54:00', 'Last AV databases update date: …',
 * 'Current AV databases state: UpToDate' (Checkmk also tests 'NotUpToDate'), 'Current AV databases
 * records: 8015301', then update counters.
 */
import { err, ok, type Result } from '../../util/result';
import { parseColonFields } from './colon-fields';
import { isoFromPrintedDateTime } from './printed-dates';

export interface Kav4fsUpdateStat {
  readonly signaturesDatePrinted: string | null;
  /** ISO 8601, read as UTC (printed without a zone). */
  readonly signaturesDate: string | null;
  readonly lastUpdatePrinted: string | null;
  readonly state: string | null;
  /** 'UpToDate' → true, any other printed state → false, none printed → null. */
  readonly upToDate: boolean | null;
  readonly records: number | null;
}

export function parseKav4fsUpdateStat(stdout: string): Result<Kav4fsUpdateStat> {
  const fields = parseColonFields(stdout);
  const date = fields.get('Current AV databases date') || null;
  const lastUpdate = fields.get('Last AV databases update date') || null;
  const state = fields.get('Current AV databases state') || null;
  const records = fields.get('Current AV databases records');
  if (date === null && state === null && lastUpdate === null)
    return err('the output has none of the "Current AV databases" lines kav4fs-control prints');
  return ok({
    signaturesDatePrinted: date,
    signaturesDate: date ? isoFromPrintedDateTime(date) : null,
    lastUpdatePrinted: lastUpdate,
    state,
    upToDate: state === null ? null : state === 'UpToDate',
    records: records && /^\d+$/.test(records) ? Number(records) : null,
  });
}
