/**
 * Test support for the report tests only (app code never imports it): real cases replayed the way
 * electron/core/replay-cases.test.ts does, plans with the real alternatives catalog, and the
 * check that keeps a generated docs file in step with the code. Like the tests, it reads files.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect } from 'vitest';
import { loadAlternatives } from '../../../core/catalog/load-alternatives';
import { buildPlan, type MigrationPlan } from '../../../core/plan/build-plan';
import { planAlternatives } from '../../../core/plan/journey';
import type { PlanAlternative, PlanProgress } from '../../../core/plan/migration-steps';
import { buildReport } from '../../../core/report/build-report';
import type { Report } from '../../../core/report/report-schema';
import type { ScanResult } from '../../../core/scan-result';
import { DETECTION_CASES, JOURNEYS, NOW, replayCase, replayFolder } from './replayed-scans';

export const REPO = resolve(import.meta.dirname, '../../../..');
export { DETECTION_CASES, JOURNEYS, NOW, replayCase, replayFolder };
export const GENERATED_AT = '2026-11-29T12:05:00.000Z';

const alternatives: PlanAlternative[] = planAlternatives(loadAlternatives());

const subfolders = (dir: string) =>
  readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();

export const detectionCaseIds = (): string[] => subfolders(DETECTION_CASES);

/** Every stage folder of every journey, as paths relative to fixtures/journeys. */
export const journeyStages = (): string[] =>
  subfolders(JOURNEYS).flatMap((journey) =>
    subfolders(join(JOURNEYS, journey)).map((stage) => `${journey}/${stage}`),
  );

export function planFor(scan: ScanResult, progress: PlanProgress | null): MigrationPlan {
  return buildPlan({ result: scan, progress, alternatives, now: NOW });
}

/** A report as the app would make it, with a journey when progress is given. */
export function reportOf(
  scan: ScanResult,
  progress: PlanProgress | null = null,
  supportCode: string | null = null,
): Report {
  return buildReport({
    scan,
    journey: { plan: planFor(scan, progress), progress },
    app: { version: '0.1.0', host: 'cli' },
    generatedAt: GENERATED_AT,
    supportCode,
  });
}

/**
 * A generated docs file must match what the code makes now. With UPDATE_DOCS=1 it is written
 * instead. `sameAs` decides what "match" means (the schema file is compared as JSON, because
 * Biome reformats it); `thenRun` is a step to take after writing, named in the failure.
 */
export function expectDocFile(
  path: string,
  generated: string,
  options: { sameAs?: (onDisk: string, generated: string) => boolean; thenRun?: string } = {},
): void {
  const sameAs = options.sameAs ?? ((a, b) => a === b);
  const name = relative(REPO, path);
  if (process.env.UPDATE_DOCS === '1') {
    writeFileSync(path, generated);
    return;
  }
  const onDisk = existsSync(path) ? readFileSync(path, 'utf8') : null;
  const then = options.thenRun ? `, then ${options.thenRun}` : '';
  expect(
    onDisk !== null && sameAs(onDisk, generated),
    `${name} is ${onDisk === null ? 'missing' : 'out of date'}: run UPDATE_DOCS=1 npx vitest run electron/core/report to write it${then}, and commit the change`,
  ).toBe(true);
}
