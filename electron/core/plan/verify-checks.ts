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
  /**
   * 'scan': read from this scan. 'vendor': not readable on this system, and taken from the
   * vendor's documentation instead (XProtect: macOS shows its state to no app); shown as such,
   * never as a reading.
   */
  readonly basis: 'scan' | 'vendor';
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

/**
 * A built-in protection no scan can read (macOS's XProtect): the checks that would need a
 * reading rest on Apple's documentation instead, said so in the text (alternatives.md, "macOS
 * XProtect": always on, signatures updated by Apple automatically and checked daily).
 */
export interface UnreadableBuiltIn {
  readonly name: string;
}

export function verifyChecks(
  detections: readonly Detection[],
  chosenProductId: string | null,
  unreadable: UnreadableBuiltIn | null = null,
): VerifyCheck[] {
  const banned = detections.filter((d) => mustBeRemoved(d, chosenProductId));
  const antivirus = detections.filter((d) => d.kind === 'antivirus' && d.status !== 'leftover' && !d.ban);
  const withRealtime = antivirus.filter((d) => d.realtime === true);
  const fresh = withRealtime.filter(hasFreshSignatures);
  const names = (ds: readonly Detection[]) => ds.map((d) => d.name).join(', ');
  const scan = 'scan' as const;
  return [
    banned.length === 0
      ? {
          id: 'no-banned-product',
          ok: true,
          basis: scan,
          text: 'No banned product is installed.',
          fixStep: null,
        }
      : {
          id: 'no-banned-product',
          ok: false,
          basis: scan,
          text: `Still installed: ${names(banned)}.`,
          fixStep: 'remove',
        },
    withRealtime.length > 0
      ? {
          id: 'realtime-on',
          ok: true,
          basis: scan,
          text: `${names(withRealtime)}: real-time protection is on.`,
          fixStep: null,
        }
      : unreadable
        ? {
            id: 'realtime-on',
            ok: true,
            basis: 'vendor',
            text: `${unreadable.name}: always on as part of macOS, in Apple's words. macOS shows its state to no app, so Handover could not read it on this scan.`,
            fixStep: null,
          }
        : {
            id: 'realtime-on',
            ok: false,
            basis: scan,
            text: 'No antivirus has real-time protection on.',
            fixStep: 'install',
          },
    fresh.length > 0
      ? {
          id: 'signatures-fresh',
          ok: true,
          basis: scan,
          text: `${names(fresh)}: virus signatures are current (no older than ${VERIFY_MAX_SIGNATURE_AGE_DAYS} days).`,
          fixStep: null,
        }
      : unreadable && withRealtime.length === 0
        ? {
            id: 'signatures-fresh',
            ok: true,
            basis: 'vendor',
            text: `${unreadable.name}: Apple updates its signatures automatically, separately from macOS updates, and macOS checks for them every day. Handover could not read their date.`,
            fixStep: null,
          }
        : {
            id: 'signatures-fresh',
            ok: false,
            basis: scan,
            text: `No antivirus with real-time protection has signatures from the last ${VERIFY_MAX_SIGNATURE_AGE_DAYS} days: update it, then scan again.`,
            fixStep: 'install',
          },
  ];
}
