/**
 * The Verify step's checks on a fresh scan (issue "Guided migration"): nothing the move takes off
 * (removal-routes.ts, mustBeRemoved) still installed, an antivirus with real-time protection on, and signatures no older than 3 days.
 * Each failed check names the step that fixes it.
 */
import type { Detection } from '../scan-result';
import type { StepId } from './migration-steps';
import { mustBeRemoved } from './removal-routes';

/** Stricter than the scan's 7-day freshness rule: a newly set up antivirus updates at once. */
export const VERIFY_MAX_SIGNATURE_AGE_DAYS = 3;

export interface VerifyCheck {
  readonly id: 'no-banned-product' | 'realtime-on' | 'signatures-fresh';
  readonly ok: boolean;
  readonly text: string;
  /** The step that fixes it, when it fails. */
  readonly fixStep: StepId | null;
}

/** Signatures Verify accepts: judged current, and no older than 3 days (or current by the product's own word when it shows no date). */
export function hasFreshSignatures(d: Detection): boolean {
  return (
    d.signatures.upToDate === true &&
    (d.signatures.ageDays === null
      ? d.signatures.reportedUpToDate === true
      : d.signatures.ageDays <= VERIFY_MAX_SIGNATURE_AGE_DAYS)
  );
}

export function verifyChecks(
  detections: readonly Detection[],
  chosenProductId: string | null,
): VerifyCheck[] {
  const banned = detections.filter((d) => mustBeRemoved(d, chosenProductId));
  const antivirus = detections.filter((d) => d.kind === 'antivirus' && d.status !== 'leftover' && !d.ban);
  const withRealtime = antivirus.filter((d) => d.realtime === true);
  const fresh = withRealtime.filter(hasFreshSignatures);
  const names = (ds: readonly Detection[]) => ds.map((d) => d.name).join(', ');
  return [
    banned.length === 0
      ? { id: 'no-banned-product', ok: true, text: 'No banned product is installed.', fixStep: null }
      : { id: 'no-banned-product', ok: false, text: `Still installed: ${names(banned)}.`, fixStep: 'remove' },
    withRealtime.length > 0
      ? {
          id: 'realtime-on',
          ok: true,
          text: `${names(withRealtime)}: real-time protection is on.`,
          fixStep: null,
        }
      : {
          id: 'realtime-on',
          ok: false,
          text: 'No antivirus has real-time protection on.',
          fixStep: 'install',
        },
    fresh.length > 0
      ? {
          id: 'signatures-fresh',
          ok: true,
          text: `${names(fresh)}: virus signatures are current (no older than ${VERIFY_MAX_SIGNATURE_AGE_DAYS} days).`,
          fixStep: null,
        }
      : {
          id: 'signatures-fresh',
          ok: false,
          text: `No antivirus with real-time protection has signatures from the last ${VERIFY_MAX_SIGNATURE_AGE_DAYS} days: update it, then scan again.`,
          fixStep: 'install',
        },
  ];
}
