/**
 * What `handover scan --json` prints, and what `--drop-dir` writes for each machine: the scan
 * result (scan-result.ts) with what a script or a fleet summary needs beside it, in one
 * self-describing document (docs/scan-result.md):
 * - `format` 'handover.scan-result', so a file in a fleet folder says what it is;
 * - the tool and catalog versions, and the support code, so a row says who judged it with what;
 * - in a drop file, the capture it was judged from, so `handover fleet summarize` judges it again
 *   with today's catalog and clock instead of trusting a verdict that ages.
 */
import type { Capture } from './capture';
import type { ScanResult } from './scan-result';

export const SCAN_OUTPUT_FORMAT = 'handover.scan-result';

export interface ScanOutput extends ScanResult {
  readonly format: typeof SCAN_OUTPUT_FORMAT;
  readonly tool: { readonly name: 'handover'; readonly version: string };
  /** catalog-version.ts: a digest of the products and bans that judged it. */
  readonly catalog: { readonly version: string };
  readonly supportCode: string;
  /** Only in a drop file (`--drop-dir`): the capture judged. */
  readonly capture?: Capture;
}

export function scanOutputOf(
  result: ScanResult,
  facts: {
    readonly version: string;
    readonly catalogVersion: string;
    readonly supportCode: string;
    readonly capture?: Capture;
  },
): ScanOutput {
  return {
    format: SCAN_OUTPUT_FORMAT,
    ...result,
    tool: { name: 'handover', version: facts.version },
    catalog: { version: facts.catalogVersion },
    supportCode: facts.supportCode,
    ...(facts.capture ? { capture: facts.capture } : {}),
  };
}
