/**
 * RFC 1123 dates, 'Wed, 15 Dec 2021 12:40:10 GMT': the form of SecurityCenter2's `timestamp`
 * property in real output [S4]. Always GMT, so the result is exact.
 */
import { type DateReading, readingFromDate, unreadable, utcFromFields } from './date-reading';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RFC1123 =
  /^(?:[A-Z][a-z]{2}, )?(\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (?:GMT|UTC|Z)$/;

export function readRfc1123Date(text: string): DateReading | null {
  const m = RFC1123.exec(text.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[2] ?? '');
  if (month < 0) return unreadable(`'${text.trim()}' has an unknown month`);
  const date = utcFromFields(Number(m[3]), month + 1, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  return date ? readingFromDate(date) : unreadable(`'${text.trim()}' is not a calendar date`);
}
