import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  detectionCaseIds,
  GENERATED_AT,
  JOURNEYS,
  journeyStages,
  planFor,
  replayCase,
  replayFolder,
  reportOf,
} from '../../probes/replay/test-support/replayed-reports';
import type { PlanProgress } from '../plan/migration-steps';
import { progressAt } from '../test-support/plan-inputs';
import { buildReport } from './build-report';
import { reportSchema } from './report-schema';

/** Mid-journey on the KES case: Defender chosen, quarantine ticked, at Remove. */
const atRemove = progressAt('remove', {
  choices: { alternativeId: 'microsoft-defender' },
  ticked: ['quarantine'],
});

describe.each(detectionCaseIds())('the report of real case %s', (caseId) => {
  it('carries the scan whole and passes the schema, with and without a journey', async () => {
    const scan = await replayCase(caseId);
    for (const report of [reportOf(scan), reportOf(scan, progressAt('choose'), 'HND-TEST')]) {
      const parsed = reportSchema.safeParse(report);
      expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
      expect(report.verdict.headline).toBe(scan.verdict.headline);
      expect(report.detections.map((d) => [d.id, d.evidence.length])).toEqual(
        scan.detections.map((d) => [d.id, d.evidence.length]),
      );
      expect(report.sources.map((s) => [s.id, s.status])).toEqual(scan.sources.map((s) => [s.id, s.status]));
    }
  });
});

describe.each(journeyStages())('the report of journey stage %s', (stage) => {
  it('passes the schema mid-journey', async () => {
    const scan = await replayFolder(join(JOURNEYS, stage));
    const report = reportOf(
      scan,
      progressAt('remove', { removed: [{ detectionId: 'x', how: 'other-way' }] }),
    );
    const parsed = reportSchema.safeParse(report);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    expect(report.migration?.started).toBe(true);
    expect(report.migration?.removed).toEqual([{ detectionId: 'x', how: 'other-way' }]);
  });
});

describe('buildReport', () => {
  it('Kaspersky Endpoint Security mid-journey: evidence decoded, labelled, and the migration as it stands', async () => {
    const report = reportOf(await replayCase('win-kes10-de-wsc'), atRemove, 'HND-7KQ2-M9XD');
    expect(report).toMatchObject({
      format: 'handover.report',
      formatVersion: 2,
      generatedAt: GENERATED_AT,
      app: { version: '0.1.0', host: 'cli' },
      supportCode: 'HND-7KQ2-M9XD',
      scan: {
        scannedAt: '2026-11-29T12:00:00.000Z',
        replayed: true,
        timings: { captureMs: 0, analyseMs: 0 },
      },
      region: { code: 'US', source: 'override', explanation: 'set by you' },
      verdict: { level: 'unprotected', deadline: { banId: 'us-bis-icts-2024', daysSince: 791 } },
    });
    const kes = report.detections[0];
    expect(kes?.ban?.updatesEnded).toBe(true);
    expect(kes?.evidence[0]).toMatchObject({
      source: 'windows.wsc.antivirus',
      sourceLabel: 'Windows Security Center',
    });
    expect(kes?.evidence[0]?.decoded.slice(0, 2)).toEqual([
      { name: 'productState', value: '0x041000' },
      { name: 'engine', value: 'on' },
    ]);
    const migration = report.migration;
    expect(migration).toMatchObject({
      started: true,
      needed: true,
      currentStep: 'remove',
      chosen: { id: 'microsoft-defender', builtIn: true },
      keepData: [{ id: 'quarantine', ticked: true }],
      removals: [
        { name: 'Kaspersky Endpoint Security for Windows', routes: [{ kind: 'settings-apps', via: null }] },
      ],
    });
    // Before the removal, whether Windows asks for a restart is not known yet: still to do.
    expect(migration?.steps.find((s) => s.id === 'restart')).toMatchObject({
      state: 'upcoming',
      skippedBecause: null,
    });
    expect(migration?.checks.map((c) => [c.id, c.ok])).toEqual([
      ['no-banned-product', false],
      ['realtime-on', false],
      ['signatures-fresh', false],
    ]);
  });

  it('a removal route names what it runs: the registered uninstall command, or the package', async () => {
    const routesOf = async (stage: string) => {
      const scan = await replayFolder(join(JOURNEYS, stage));
      return reportOf(scan, progressAt('remove')).migration?.removals.flatMap((r) => r.routes);
    };
    expect(await routesOf('windows-kes-managed/1-before')).toContainEqual({
      kind: 'registered-uninstaller',
      via: 'msiexec.exe /x {7A4192A1-84C4-4E90-A31B-B4847CA8E23A} /qn',
    });
    expect(await routesOf('linux-kesl/1-before')).toContainEqual({ kind: 'package-manager', via: 'kesl' });
  });

  it('takes only the fields the schema lists: nothing else from the progress or the scan leaves', async () => {
    const scan = await replayCase('win-kes10-de-wsc');
    const secret = 'hunter2-SECRET-PASSWORD';
    // The progress store's object holds more than PlanProgress; imagine it held something private.
    const progress = {
      ...atRemove,
      startedAt: '2026-11-28T10:00:00.000Z',
      conversion: { entries: [{ name: 'bank', password: secret }] },
    } as PlanProgress;
    const leakyScan = { ...scan, machine: { ...scan.machine, secret } };
    const report = buildReport({
      scan: leakyScan,
      journey: { plan: planFor(scan, progress), progress },
      app: { version: '0.1.0', host: 'cli' },
      generatedAt: GENERATED_AT,
      supportCode: null,
    });
    expect(JSON.stringify(report)).not.toContain(secret);
    expect(JSON.stringify(report)).not.toContain('startedAt');
    expect(reportSchema.safeParse(report).success).toBe(true);
  });

  it('no migration: no journey, no plan, or a protected machine with no journey started', async () => {
    const kes = await replayCase('win-kes10-de-wsc');
    const base = { app: { version: '0.1.0', host: 'cli' }, generatedAt: GENERATED_AT, supportCode: null };
    expect(buildReport({ ...base, scan: kes, journey: null }).migration).toBeNull();
    expect(buildReport({ ...base, scan: kes, journey: { plan: null, progress: null } }).migration).toBeNull();
    const protectedScan = await replayCase('win10-bitdefender-defender-off-thm');
    expect(protectedScan.verdict.level).toBe('protected');
    expect(reportOf(protectedScan).migration).toBeNull();
  });

  it('a migration that is needed but not started is reported as such, starting at Check', async () => {
    const migration = reportOf(await replayCase('win-kes10-de-wsc')).migration;
    expect(migration).toMatchObject({ started: false, needed: true, currentStep: 'check', chosen: null });
    expect(migration?.keepData).toEqual([expect.objectContaining({ id: 'quarantine', ticked: false })]);
  });

  it('an unread source keeps its reason; a measured one keeps its duration', async () => {
    const server = reportOf(await replayCase('winserver2019-invalid-namespace-powershell'));
    const unreadable = server.sources.filter((s) => s.status === 'unreadable');
    expect(unreadable.length).toBeGreaterThan(0);
    for (const s of unreadable) expect(s.reason).toMatch(/\S/);
    const linux = reportOf(await replayCase('linux-kesl10sp1-file-monitoring-stopped'));
    expect(linux.sources.find((s) => s.id === 'linux.kesl')).toMatchObject({ status: 'read', durationMs: 0 });
    expect(server.sources.every((s) => s.durationMs === null || typeof s.durationMs === 'number')).toBe(true);
  });
});
