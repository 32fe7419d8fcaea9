/**
 * The report of a scan with its support code: one function, so the window's "Save report", the
 * diagnostics file and `handover report` make the same document from the same scan.
 */
import type { CompiledCatalog } from '../core/catalog/load-catalog';
import { buildReport } from '../core/report/build-report';
import type { Report } from '../core/report/report-schema';
import { supportCodeOf } from '../core/support-code/support-code-of';
import type { JourneyView, ScanResult } from './contract';

/** The report of a scan, with its support code: one function so the window and the CLI agree. */
export function reportOfScan(input: {
  readonly scan: ScanResult;
  readonly journey: JourneyView | null;
  readonly app: { readonly version: string; readonly host: string };
  readonly generatedAt: string;
  readonly catalog: Pick<CompiledCatalog, 'productsById'>;
}): Report {
  const progress = input.journey?.progress ?? null;
  return buildReport({
    scan: input.scan,
    journey: input.journey ? { plan: input.journey.plan, progress } : null,
    app: input.app,
    generatedAt: input.generatedAt,
    supportCode: supportCodeOf(input.scan, progress, input.catalog),
  });
}
