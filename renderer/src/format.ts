/**
 * Words and dates for the screen. Dates are formatted with Intl in the user's locale; day
 * counts always come from the data (the handlers count them with the injected clock), never
 * from this machine's clock, so the screen and the report agree.
 */
import type { DetectionStatus, ProbeProgress, SourceReport, VerdictLevel } from '../../electron/api/contract';

/** The sentences around these phrases are English, so relative phrases are too. */
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const count = new Intl.NumberFormat('en');

/** A date in the user's locale ("29 September 2024" in en-GB), or null for a missing/bad value. */
export function formatDate(iso: string | null | undefined, locale?: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date);
}

export function formatDateTime(iso: string | null | undefined, locale?: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** daysSince from the data: 791 → "791 days ago", -3 → "in 3 days", 0 → "today". */
export function daysAgo(daysSince: number): string {
  return relative.format(-daysSince, 'day');
}

/** Age of a database: 0 → "from today", 1 → "1 day old", 3020 → "3,020 days old". */
export function ageInDays(days: number): string {
  if (days <= 0) return 'from today';
  return `${count.format(days)} ${days === 1 ? 'day' : 'days'} old`;
}

export const LEVEL_WORDS: Record<VerdictLevel, string> = {
  protected: 'Protected',
  'at-risk': 'At risk',
  unprotected: 'Not protected',
  'cannot-tell': 'Cannot tell',
};

export const STATUS_WORDS: Record<DetectionStatus, string> = {
  installed: 'Installed',
  running: 'Installed and running',
  leftover: 'Left behind (parts of a removed program)',
};

export function onOffUnknown(value: boolean | null): string {
  if (value === null) return 'Not known';
  return value ? 'On' : 'Off';
}

export function yesNoUnknown(value: boolean | null): string {
  if (value === null) return 'Not known';
  return value ? 'Yes' : 'No';
}

export const PROBE_STATE_WORDS: Record<ProbeProgress['state'], string> = {
  pending: 'Waiting',
  running: 'Checking…',
  done: 'Done',
  failed: 'Could not finish',
};

export const SOURCE_STATUS_WORDS: Record<SourceReport['status'], string> = {
  read: 'Read',
  unreadable: 'Could not read',
  'not-present': 'Not on this computer',
};
