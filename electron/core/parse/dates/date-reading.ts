/**
 * What reading one date value gives: a date, the "never" sentinel, or a reason it could not be
 * read. Shared by every Windows parser (and usable by others), so "never" and "ambiguous" are
 * told apart everywhere instead of both becoming null.
 */

export type DateReading =
  /**
   * `iso` is always a UTC ISO 8601 instant. `zone: 'local-read-as-utc'` marks a wall-clock time
   * printed without a zone: it is read as UTC so a replayed capture gives the same answer on any
   * machine (the same convention as parse/linux/printed-dates.ts), and evidence says so.
   */
  | { readonly kind: 'date'; readonly iso: string; readonly zone: 'utc' | 'local-read-as-utc' }
  /** A "never happened" sentinel: year 1601 (FILETIME 0) or a product's own marker. */
  | { readonly kind: 'never' }
  | { readonly kind: 'unreadable'; readonly reason: string };

/** Shown in evidence.decoded next to a date that was printed without a time zone. */
export const LOCAL_READ_AS_UTC_NOTE =
  'printed without a time zone (the machine’s local time); read as UTC, so it may be off by up to 14 hours';

/**
 * Year 1601 is the FILETIME epoch: Windows prints FILETIME 0 as 1 January 1601 in local time
 * (e.g. '01.01.1601 6:00:00' in UTC+6 [S85]). No real event happened then, so it means "never".
 */
export const NEVER_YEAR = 1601;

export const never: DateReading = { kind: 'never' };

export function unreadable(reason: string): DateReading {
  return { kind: 'unreadable', reason };
}

/** A Date (already UTC) as a reading, mapping year 1601 to "never". */
export function readingFromDate(date: Date, zone: 'utc' | 'local-read-as-utc' = 'utc'): DateReading {
  if (Number.isNaN(date.getTime())) return unreadable('not a valid date');
  if (date.getUTCFullYear() <= NEVER_YEAR) return never;
  return { kind: 'date', iso: date.toISOString(), zone };
}

/** Builds a UTC date from fields, or null when a field rolls over (31 February, 25:00). */
export function utcFromFields(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): Date | null {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  const valid =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return valid ? date : null;
}

/** The ISO string of a reading, or null for "never" and unreadable values. */
export function isoOrNull(reading: DateReading): string | null {
  return reading.kind === 'date' ? reading.iso : null;
}

/** A short word for evidence.decoded: the ISO date, 'never', or 'unreadable (why)'. */
export function describeReading(reading: DateReading): string {
  switch (reading.kind) {
    case 'date':
      return reading.zone === 'utc' ? reading.iso : `${reading.iso} (${LOCAL_READ_AS_UTC_NOTE})`;
    case 'never':
      return 'never';
    case 'unreadable':
      return `unreadable (${reading.reason})`;
  }
}
