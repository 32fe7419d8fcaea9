/**
 * CIM DATETIME, 'yyyymmddHHMMSS.mmmmmm+UUU' where UUU is the offset from UTC in minutes: how
 * wmic and raw WMI print dates, e.g. Defender's AntivirusSignatureLastUpdated
 * '20250311015218.000000+000' on a real Server [S11] (format: Microsoft Learn, "CIM_DATETIME").
 * Fields the provider does not know are filled with '*'; such values are unreadable, not guessed.
 */
import { type DateReading, readingFromDate, unreadable, utcFromFields } from './date-reading';

const CIM_DATETIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\.(\d{6})([+-])(\d{3})$/;

export function readCimDatetime(text: string): DateReading | null {
  const trimmed = text.trim();
  const m = CIM_DATETIME.exec(trimmed);
  if (!m) {
    return /^[\d*]{14}\.[\d*]{6}[+-][\d*]{3}$/.test(trimmed)
      ? unreadable(`CIM date '${trimmed}' has unknown fields`)
      : null;
  }
  const [, y, mo, d, h, mi, s, micro, sign, offset] = m;
  const local = utcFromFields(
    Number(y),
    Number(mo),
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Math.floor(Number(micro) / 1000),
  );
  if (!local) return unreadable(`CIM date '${trimmed}' is not a calendar date`);
  // The printed time is local to the offset: UTC = local - offset.
  const offsetMinutes = (sign === '-' ? -1 : 1) * Number(offset);
  return readingFromDate(new Date(local.getTime() - offsetMinutes * 60_000));
}
