/**
 * How the sender saw their machine, from their diagnostics file: the verdict is judged at the
 * moment of their scan and under the country rules they had chosen, so the helper sees what they
 * saw rather than the same machine judged today. The report inside says both; without a readable
 * report the capture's own time applies and the region resolves from the capture, as it did for them.
 */
import { STEP_TITLES } from '../plan/migration-steps';
import { readReport } from '../report/parse-report';
import type { DiagnosticsFile } from './diagnostics-file';

export interface AsTheySawIt {
  /** ISO instant to judge at. */
  readonly judgedAt: string;
  /** The country they had chosen, or null: resolved from the capture. */
  readonly region: string | null;
  /** The migration step they were on, in words. */
  readonly step: string | null;
  readonly supportCode: string | null;
}

export function asTheySawIt(file: DiagnosticsFile): AsTheySawIt {
  const report = readReport(file.report);
  const seen = report.ok ? report.value : null;
  const step = seen?.migration?.currentStep ?? null;
  return {
    judgedAt: seen?.scan.scannedAt ?? file.capture.capturedAt,
    region: seen?.region.source === 'override' ? seen.region.code : null,
    step: step ? STEP_TITLES[step] : null,
    supportCode: seen?.supportCode ?? null,
  };
}
