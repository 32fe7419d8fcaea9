/**
 * Kaspersky Network Agent's 'DD-MM-YYYY HH-MM-SS' (AVState Protection_BasesDate,
 * Protection_LastFscan, …), which is UTC [S70]; Checkmk converts it from UTC to local time [S69][S71].
 */
import { type DateReading, readingFromDate, unreadable, utcFromFields } from './date-reading';

const NAGENT_DATE = /^(\d{2})-(\d{2})-(\d{4}) (\d{2})-(\d{2})-(\d{2})$/;

export function readNagentDate(text: string): DateReading | null {
  const m = NAGENT_DATE.exec(text.trim());
  if (!m) return null;
  const date = utcFromFields(
    Number(m[3]),
    Number(m[2]),
    Number(m[1]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6]),
  );
  return date ? readingFromDate(date) : unreadable(`'${text.trim()}' is not a calendar date`);
}
