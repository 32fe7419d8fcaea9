/**
 * Whether a product's signatures count as current.
 *
 * Handover's rule, not a vendor's: signatures older than STALE_AFTER_DAYS are out of date.
 * Vendors publish signature updates several times a day, so a week without one means updates
 * are not arriving. The migration's Verify step is stricter (3 days, issue "Guided migration").
 */
import type { BanStatus } from '../scan-result';
import { wholeDaysBetween } from './days';

export const STALE_AFTER_DAYS = 7;

export interface FreshnessInput {
  readonly signaturesDate: string | null;
  readonly reportedUpToDate: boolean | null;
  readonly ban: BanStatus | null;
}

export interface Freshness {
  readonly upToDate: boolean | null;
  readonly ageDays: number | null;
}

export function judgeSignatures(input: FreshnessInput, now: Date): Freshness {
  const date = input.signaturesDate ? new Date(input.signaturesDate) : null;
  const ageDays = date && !Number.isNaN(date.getTime()) ? wholeDaysBetween(date, now) : null;
  // A banned product past its cutoff gets no updates at all: never up to date, whatever its own
  // flag says (products keep reporting "up to date" against a server that no longer answers).
  if (input.ban?.updatesEnded) return { upToDate: false, ageDays };
  if (input.reportedUpToDate === false) return { upToDate: false, ageDays };
  if (ageDays !== null) return { upToDate: ageDays <= STALE_AFTER_DAYS, ageDays };
  return { upToDate: input.reportedUpToDate, ageDays };
}
