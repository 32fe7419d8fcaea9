/**
 * For tests only (app code never imports this folder): real fixture folders replayed to a
 * ScanResult the way electron/core/replay-cases.test.ts does, at one shared clock, so ages agree
 * across tests (791 days since the US cutoff). Like the tests, it reads files.
 */
import { join, resolve } from 'node:path';
import { analyseCapture } from '../../../core/analyse';
import { loadCatalog } from '../../../core/catalog/load-catalog';
import type { ScanResult } from '../../../core/scan-result';
import { captureFromCaseDir } from '../case-capture';

export const FIXTURES = resolve(import.meta.dirname, '../../../../fixtures');
export const DETECTION_CASES = join(FIXTURES, 'detection');
export const JOURNEYS = join(FIXTURES, 'journeys');
export const NOW = new Date('2026-11-29T12:00:00Z');

/** A case folder replayed (timings fixed at 0: a replay measures nothing real). */
export async function replayFolder(dir: string, region: string | null = 'US'): Promise<ScanResult> {
  const capture = await captureFromCaseDir(dir);
  const result = analyseCapture(capture, loadCatalog(), { now: NOW, regionOverride: region, replayed: true });
  return { ...result, timings: { captureMs: 0, analyseMs: 0 } };
}

/** A folder of fixtures/detection by its id ("win-kes10-de-wsc"), or a path under fixtures/ with a slash. */
export const replayCase = (caseId: string, region: string | null = 'US'): Promise<ScanResult> =>
  replayFolder(caseId.includes('/') ? join(FIXTURES, caseId) : join(DETECTION_CASES, caseId), region);
