/**
 * docs/sample-report.html: the report of a real case (fixtures/detection/win-kes10-de-wsc,
 * Kaspersky Endpoint Security 10 on Windows, judged under US rules on 29 November 2026) in the
 * middle of a migration to Microsoft Defender, with its real support code. Kept in step with the
 * code like the schema file.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectDocFile, REPO, replayCase, reportOf } from '../../probes/replay/test-support/replayed-reports';
import { loadCatalog } from '../catalog/load-catalog';
import type { PlanProgress } from '../plan/migration-steps';
import { encodeSupportCode } from '../support-code/support-code';
import { supportFactsOf } from '../support-code/support-facts';
import { readReport } from './parse-report';
import { renderReportHtml } from './render-report-html';

const SAMPLE_CASE = 'win-kes10-de-wsc';
const PROGRESS: PlanProgress = {
  stepId: 'remove',
  choices: { alternativeId: 'microsoft-defender' },
  ticked: ['quarantine'],
  removed: [],
};

describe('the sample report', () => {
  it(`docs/sample-report.html is the page made from the real case ${SAMPLE_CASE}`, async () => {
    const scan = await replayCase(SAMPLE_CASE);
    const supportCode = encodeSupportCode(supportFactsOf(scan, PROGRESS, loadCatalog()));
    const report = reportOf(scan, PROGRESS, supportCode);
    expect(readReport(JSON.parse(JSON.stringify(report))).ok).toBe(true);
    expectDocFile(join(REPO, 'docs/sample-report.html'), renderReportHtml(report));
  });
});
