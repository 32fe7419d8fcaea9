/**
 * Dates in a report: in words for the person, with the ISO value beside for the technician.
 * Always UTC, and said so: a report is read on other computers, in other time zones, and core
 * has no clock or zone of its own.
 */

import { MONTH_NAMES as MONTHS } from '../util/month-names';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * ISO 8601 as Handover writes it: a date, or a date and time with its offset. A time without an
 * offset would be read in this computer's zone, and Date() accepts looser text than ISO, so
 * anything else is shown as it is.
 */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

/** "29 November 2026, 12:00 UTC", or null when the text is not an ISO 8601 date. */
export function dateInWords(iso: string): string | null {
  if (!ISO_8601.test(iso)) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return `${day}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** "29 November 2026, 12:00 UTC (2026-11-29T12:00:00.000Z)"; the text as it is when not a date. */
export function dateWithIso(iso: string): string {
  const words = dateInWords(iso);
  return words ? `${words} (${iso})` : iso;
}
