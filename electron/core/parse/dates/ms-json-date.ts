/**
 * '\/Date(1587038339000)\/': how Windows PowerShell 5.1's ConvertTo-Json writes a DateTime
 * (milliseconds since 1970 UTC; PowerShell 7 writes ISO 8601 instead) — PowerShell/PowerShell
 * PR #11126 shows both. After JSON.parse the escaped slashes are plain '/Date(…)/', so both
 * spellings are accepted. An optional '+hhmm' suffix (the .NET DataContract form) only says
 * which zone the value was displayed in; the milliseconds are UTC either way.
 */
import { type DateReading, readingFromDate } from './date-reading';

const MS_JSON_DATE = /^\\?\/Date\((-?\d+)(?:[+-]\d{4})?\)\\?\/$/;

export function readMsJsonDate(text: string): DateReading | null {
  const m = MS_JSON_DATE.exec(text.trim());
  if (!m) return null;
  return readingFromDate(new Date(Number(m[1])));
}
