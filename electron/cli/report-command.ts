/**
 * `handover report`: the scan's report as JSON or as the self-contained page (docs/report.md).
 * Loaded only when that command runs, so `handover scan` does not pay for the report's schema.
 */
import type { ScanResult } from '../api/contract';
import { reportOfScan } from '../api/report-of-scan';
import { loadCatalog } from '../core/catalog/load-catalog';
import { renderReportHtml } from '../core/report/render-report-html';
import { writeFileAtomic } from '../files/atomic-write';

export async function writeReport(
  scan: ScanResult,
  options: {
    readonly format: 'json' | 'html';
    readonly out: string;
    readonly version: string;
    readonly at: Date;
  },
): Promise<string> {
  const report = reportOfScan({
    scan,
    journey: null,
    app: { version: options.version, host: 'cli' },
    generatedAt: options.at.toISOString(),
    catalog: loadCatalog(),
  });
  await writeFileAtomic(
    options.out,
    options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderReportHtml(report),
  );
  return report.verdict.headline;
}
