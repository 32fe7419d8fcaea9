/**
 * The exit codes of `handover scan` and `handover report`: one per verdict level, so a script
 * can act on each, and 2 for "could not run", as it always was. 1 keeps meaning "action needed"
 * for a machine that something protects today. The README and `handover --help` print EXIT_HELP.
 */
import type { ScanResult, VerdictLevel } from '../api/contract';

export const EXIT_CODES: Readonly<Record<VerdictLevel, number>> = {
  protected: 0,
  'at-risk': 1,
  unprotected: 3,
  'cannot-tell': 4,
};

/** Bad arguments; a file that is not a capture or diagnostics file, damaged, too large or newer. */
export const EXIT_COULD_NOT_RUN = 2;

export function exitCodeFor(result: ScanResult): number {
  return EXIT_CODES[result.verdict.level];
}

export const EXIT_HELP = `Exit codes (scan and report):
  0  protected: an antivirus is protecting this computer and nothing banned here is installed
  1  at risk: something protects now, but action is needed (a banned product, a cutoff ahead)
  2  could not run: bad arguments, or a file that is not a readable Handover capture
  3  not protected: no antivirus is protecting this computer
  4  cannot tell: facts that decide the answer are missing (an antivirus's state, or the
     country, while a product installed here is banned in some country); see the output`;

/**
 * `handover scan --line`, for an Intune remediation's detection script or an RMM job: Intune
 * runs the remediation only after exit code 1, and reads every other code, "including an empty
 * output", as "issue not found" (Microsoft Learn, Remediations). So 0 means protected and 1
 * everything else, a scan that could not run included: a failure never reads as "no issue".
 */
export const LINE_EXIT_HELP = `Exit codes of scan --line (Intune's rule: only 1 means "issue found"):
  0  protected
  1  anything else: at risk, not protected, cannot tell, or the scan could not run`;

export function lineExitCodeFor(result: ScanResult | null): number {
  return result?.verdict.level === 'protected' ? 0 : 1;
}

/** `handover fleet summarize`. */
export const FLEET_EXIT_HELP = `Exit codes of fleet summarize:
  0  every machine is protected and scanned within --stale-days, and every file was read
  1  some need action: a machine not protected, at risk, cannot tell or silent too long,
     or a file that could not be read (the output says which and why)
  2  could not run: bad arguments, or the folder cannot be read`;
