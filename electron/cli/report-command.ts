/**
 * `handover report`: the scan's report as JSON or as the self-contained page (docs/report.md).
 * Loaded only when that command runs, so `handover scan` does not pay for the report's schema.
 */
import type { ScanResult } from '../api/contract';
import { reportOfScan } from '../api/report-of-scan';
import { loadCatalog } from '../core/catalog/load-catalog';
import { renderReportHtml } from '../core/report/render-report-html';

export function renderReport(
  scan: ScanResult,
  options: { readonly format: 'json' | 'html'; readonly version: string; readonly at: Date },
): { readonly headline: string; readonly content: string } {
  const report = reportOfScan({
    scan,
    journey: null,
    app: { version: options.version, host: 'cli' },
    generatedAt: options.at.toISOString(),
    catalog: loadCatalog(),
  });
  return {
    headline: report.verdict.headline,
    content: options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderReportHtml(report),
  };
}
