/**
 * The coarse values a support code carries instead of exact ones: a version's major number and
 * a virus database's age band. Coarse on purpose: a technician needs "version 21, database over
 * two years old", and exact values would not fit in eight symbols.
 */
import { VERIFY_MAX_SIGNATURE_AGE_DAYS } from '../plan/verify-checks';
import { STALE_AFTER_DAYS } from '../policy/signature-freshness';

/** Majors from this number up share one band ("62 or later": year-numbered versions land here). */
export const VERSION_BAND_TOP = 62;

/**
 * The version band: the first number in the version string, capped at VERSION_BAND_TOP; null
 * when there is no version or it has no number. "21.3.10.391" → 21, "10 SP1" → 10,
 * "4.18.24090.11" → 4, "2023.2.1" → 62.
 */
export function versionBandOf(version: string | null): number | null {
  const major = version?.match(/\d+/)?.[0];
  if (major === undefined) return null;
  return Math.min(Number.parseInt(major, 10), VERSION_BAND_TOP);
}

/**
 * Database age bands, youngest first. The first two edges are Handover's own rules: the Verify
 * step wants signatures no older than 3 days, the scan calls them out of date after 7. The rest
 * tell "missed some updates" from "stopped updating a long time ago" (a banned product cut off in
 * September 2024 is in the last band by October 2026).
 */
export const DATABASE_AGE_BANDS = [
  {
    id: 'days-0-3',
    maxDays: VERIFY_MAX_SIGNATURE_AGE_DAYS,
    label: `${VERIFY_MAX_SIGNATURE_AGE_DAYS} days old or less`,
  },
  {
    id: 'days-4-7',
    maxDays: STALE_AFTER_DAYS,
    label: `${VERIFY_MAX_SIGNATURE_AGE_DAYS + 1} to ${STALE_AFTER_DAYS} days old`,
  },
  { id: 'days-8-30', maxDays: 30, label: `${STALE_AFTER_DAYS + 1} to 30 days old` },
  { id: 'days-31-90', maxDays: 90, label: '1 to 3 months old' },
  { id: 'days-91-365', maxDays: 365, label: '3 months to 1 year old' },
  { id: 'days-366-730', maxDays: 730, label: '1 to 2 years old' },
  { id: 'over-730-days', maxDays: Number.POSITIVE_INFINITY, label: 'more than 2 years old' },
] as const;

export type DatabaseAgeBand = (typeof DATABASE_AGE_BANDS)[number]['id'] | 'unknown';

/**
 * The band of a database age in whole days; 'unknown' when no source showed the date. A negative
 * age (the database dated after the scan: a clock set wrong) counts as fresh, as the scan's own
 * freshness rule does.
 */
export function databaseAgeBandOf(ageDays: number | null): DatabaseAgeBand {
  if (ageDays === null) return 'unknown';
  return DATABASE_AGE_BANDS.find((band) => ageDays <= band.maxDays)?.id ?? 'unknown';
}
