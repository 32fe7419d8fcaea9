/**
 * Unix time in seconds, as Kaspersky stores LastSuccessfulUpdate (a DWORD; GLPI converts it with
 * localtime(hex2dec(...)) and treats 0xFFFFFFFF as "never" [S22]). A DWORD read by .NET is a
 * signed Int32, so 0xFFFFFFFF can arrive as -1; both mean never, as does 0.
 */
import { type DateReading, never, readingFromDate, unreadable } from './date-reading';

export function readUnixSecondsDword(value: number): DateReading {
  if (!Number.isInteger(value)) return unreadable(`${value} is not a whole number of seconds`);
  if (value === 0xffffffff || value === -1 || value === 0) return never;
  if (value < 0 || value > 0xffffffff) return unreadable(`${value} is not a DWORD`);
  return readingFromDate(new Date(value * 1000));
}
