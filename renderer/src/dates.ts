/**
 * Every date the window shows is formatted here, and only here (dates.test.ts fails on any other
 * file that formats one): one style, the person's locale (Intl with no locale given: the
 * window's, which Electron takes from the system), and a relative age next to a date wherever
 * the data gives one ("29 September 2024 (791 days ago)").
 *
 * Day counts always come from the data (the handlers count them with the injected clock), never
 * from this machine's clock, so the screen and the report agree.
 */

/** The sentences around these phrases are English, so relative phrases are too. */
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

const valid = (iso: string | null | undefined): Date | null => {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** A date in the person's locale ("29 September 2024" in en-GB), or null for a missing or bad value. */
export function formatDate(iso: string | null | undefined, locale?: string): string | null {
  const date = valid(iso);
  return date ? new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date) : null;
}

/** A date and time in the person's locale and time zone. */
export function formatDateTime(iso: string | null | undefined, locale?: string): string | null {
  const date = valid(iso);
  return date
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date)
    : null;
}

/** daysSince from the data: 791 → "791 days ago", -3 → "in 3 days", 0 → "today". */
export function daysAgo(daysSince: number): string {
  return relative.format(-daysSince, 'day');
}

/** A date with its age from the data: "29 September 2024 (791 days ago)"; the display text when the date is bad. */
export function dateWithAge(
  iso: string | null | undefined,
  daysSince: number,
  fallback: string,
  locale?: string,
): string {
  return `${formatDate(iso, locale) ?? fallback} (${daysAgo(daysSince)})`;
}

/** An age after a date when the data gives one: " (2 days ago)"; nothing when it does not. */
export function ageSuffix(daysSince: number | null | undefined): string {
  return daysSince === null || daysSince === undefined ? '' : ` (${daysAgo(daysSince)})`;
}

/** Whole days from one stamp of the data to another (both from the handlers' clock), or null. */
export function daysBetween(from: string | null | undefined, to: string | null | undefined): number | null {
  const a = valid(from);
  const b = valid(to);
  return a && b ? Math.floor((b.getTime() - a.getTime()) / 86_400_000) : null;
}

/**
 * A catalog date as its source gives it, in the person's locale: "2024" → "2024", "2024-03" →
 * "March 2024", "2024-03-05" → "5 March 2024" (en-GB). In UTC, so a calendar date never moves to
 * the day before in a zone west of Greenwich.
 */
export function calendarDate(value: string, locale?: string): string {
  const [year, month, day] = value.split('-').map(Number);
  if (!year || !month || month < 1 || month > 12) return value.split('-')[0] ?? value;
  const date = new Date(Date.UTC(year, month - 1, day || 1));
  return new Intl.DateTimeFormat(locale, {
    ...(day ? { day: 'numeric' } : {}),
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
