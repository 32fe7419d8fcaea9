/**
 * Dates as Windows printed them in the user's culture (Format-List output, copied into captures
 * and fixtures): '01.01.1601 6:00:00' (ru-RU [S85]), '3/11/2025 1:52:18 AM' (en-US). They carry
 * no zone, so they are read as UTC and marked 'local-read-as-utc'.
 *
 * Day and month order depends on the culture. Without one, only values that cannot be misread
 * are accepted: year first, a dotted date (the dot is a day-first convention: de, ru, pl, …), or
 * a field above 12. '3/11/2025' with no culture is ambiguous (en-US: 11 March, en-GB/en-AU:
 * 3 November) and returns unreadable rather than a guess.
 */
import { type DateReading, readingFromDate, unreadable, utcFromFields } from './date-reading';

/**
 * Cultures whose .NET short date pattern puts the month first (M/d/yyyy). Every other culture
 * that prints the year last puts the day first.
 */
const MONTH_FIRST_CULTURES = new Set(['en-us', 'es-us', 'en-ph']);

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](.+))?$/;
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?: (.+))?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?$/;

function parseTime(text: string | undefined): { hour: number; minute: number; second: number } | null {
  if (text === undefined) return { hour: 0, minute: 0, second: 0 };
  const m = TIME.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const meridiem = m[4]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  return { hour, minute: Number(m[2]), second: Number(m[3] ?? 0) };
}

function build(
  year: number,
  month: number,
  day: number,
  time: string | undefined,
  text: string,
): DateReading {
  const t = parseTime(time);
  if (!t) return unreadable(`'${text}' has a time that could not be read`);
  const date = utcFromFields(year, month, day, t.hour, t.minute, t.second);
  return date ? readingFromDate(date, 'local-read-as-utc') : unreadable(`'${text}' is not a calendar date`);
}

/**
 * Reads a culture-formatted date. `culture` is the machine's (Get-Culture).Name when known.
 * Returns null when the text does not look like a date at all.
 */
export function readLocaleDateTime(text: string, culture?: string): DateReading | null {
  const trimmed = text.trim();
  const ymd = YEAR_FIRST.exec(trimmed);
  if (ymd) return build(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), ymd[4], trimmed);

  const dmy = YEAR_LAST.exec(trimmed);
  if (!dmy) return null;
  const first = Number(dmy[1]);
  const second = Number(dmy[3]);
  const year = Number(dmy[4]);
  const separator = dmy[2];
  let dayFirst: boolean;
  if (first > 12 && second <= 12) dayFirst = true;
  else if (second > 12 && first <= 12) dayFirst = false;
  else if (separator === '.') dayFirst = true;
  else if (culture) dayFirst = !MONTH_FIRST_CULTURES.has(culture.toLowerCase());
  else if (first === second) dayFirst = true;
  else return unreadable(`'${trimmed}' could be day-first or month-first and the culture is unknown`);
  return dayFirst ? build(year, second, first, dmy[5], trimmed) : build(year, first, second, dmy[5], trimmed);
}
