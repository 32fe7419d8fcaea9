import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Detection, ScanResult } from '../../api/contract';
import { captureFromCaseDir } from '../../probes/replay/case-capture';
import { analyseCapture } from '../analyse';
import { loadCatalog } from '../catalog/load-catalog';
import { buildPlan } from './build-plan';
import type { PlanAlternative, PlanProgress } from './migration-steps';

const CASES = resolve(import.meta.dirname, '../../../fixtures/detection');
const NOW = new Date('2026-11-29T12:00:00Z');

async function scanOf(caseId: string, region = 'US'): Promise<ScanResult> {
  const capture = await captureFromCaseDir(join(CASES, caseId));
  const result = analyseCapture(capture, loadCatalog(), { now: NOW, regionOverride: region, replayed: true });
  return { ...result, timings: { captureMs: 0, analyseMs: 0 } };
}

const defender: PlanAlternative = {
  id: 'microsoft-defender',
  name: 'Microsoft Defender Antivirus',
  builtIn: true,
  productId: 'microsoft-defender-antivirus',
  downloadUrl: null,
};

const progressAt = (stepId: PlanProgress['stepId'], extra: Partial<PlanProgress> = {}): PlanProgress => ({
  stepId,
  choices: {},
  ticked: [],
  removed: [],
  ...extra,
});

const states = (plan: ReturnType<typeof buildPlan>) =>
  Object.fromEntries(plan.steps.map((s) => [s.id, s.state]));

describe('buildPlan', () => {
  it('a protected machine needs nothing: the journey ends at Check and says so', async () => {
    const plan = buildPlan({
      result: await scanOf('win10-bitdefender-defender-off-thm'),
      progress: null,
      alternatives: [defender],
      now: NOW,
    });
    expect(plan.needed).toBe(false);
    expect(plan.current).toBe('check');
    expect(plan.steps[0]).toMatchObject({
      primaryAction: null,
      why: 'Nothing needs to change on this computer.',
    });
  });

  it('Kaspersky Endpoint Security past the US cutoff: starts at Check with the days since updates stopped', async () => {
    const plan = buildPlan({
      result: await scanOf('win-kes10-de-wsc'),
      progress: null,
      alternatives: [defender],
      now: NOW,
    });
    expect(plan.needed).toBe(true);
    expect(plan.current).toBe('check');
    expect(plan.steps[0]?.why).toBe(
      'Updates stopped on 29 September 2024, 791 days ago: every day since, new threats go unrecognised.',
    );
    expect(plan.removals.map((r) => r.name)).toEqual(['Kaspersky Endpoint Security for Windows']);
    // A business product: no My Kaspersky auto-renewal, but its quarantine matters.
    expect(plan.keepData.map((i) => i.id)).toEqual(['quarantine']);
  });

  it('a step that does not apply is skipped with a one-line reason', async () => {
    const plan = buildPlan({
      result: await scanOf('linux-kesl10sp1-file-monitoring-stopped'),
      progress: progressAt('choose'),
      alternatives: [defender],
      now: NOW,
    });
    const restart = plan.steps.find((s) => s.id === 'restart');
    expect(restart).toMatchObject({ state: 'skipped', skippedBecause: 'not needed on this system' });
    expect(states(plan)).toMatchObject({ check: 'done', 'keep-data': 'done', choose: 'current' });
  });

  it('after choosing Defender and removing Kaspersky, Install is current until Defender protects', async () => {
    const before = await scanOf('win-kes10-de-wsc');
    const after: ScanResult = { ...before, detections: [] };
    const plan = buildPlan({
      result: after,
      progress: progressAt('remove', { choices: { alternativeId: 'microsoft-defender' } }),
      alternatives: [defender],
      now: NOW,
    });
    expect(states(plan)).toMatchObject({ choose: 'done', remove: 'done', install: 'current' });
    expect(plan.steps.find((s) => s.id === 'install')?.what).toBe(
      'Turn Microsoft Defender Antivirus back on and update its signatures.',
    );
  });

  it('a restart an uninstaller asked for is done once Windows has started since', async () => {
    const base = await scanOf('win-kes10-de-wsc');
    const removed: ScanResult = { ...base, detections: [] };
    const progress = progressAt('restart', {
      choices: { alternativeId: 'microsoft-defender' },
      restartRequestedAt: '2026-11-29T10:00:00.000Z',
    });
    const before = buildPlan({
      result: { ...removed, machine: { ...removed.machine, bootedAt: '2026-11-28T08:00:00.000Z' } },
      progress,
      alternatives: [defender],
      now: NOW,
    });
    expect(before.current).toBe('restart');
    expect(before.restartReasons).toEqual(['an uninstaller asked for one']);
    const after = buildPlan({
      result: { ...removed, machine: { ...removed.machine, bootedAt: '2026-11-29T10:05:00.000Z' } },
      progress,
      alternatives: [defender],
      now: NOW,
    });
    expect(after.steps.find((s) => s.id === 'restart')?.state).toBe('done');
    expect(after.current).toBe('install');
  });

  it('Verify names exactly what is missing and the step that fixes it, then Done', async () => {
    const base = await scanOf('win10-bitdefender-defender-off-thm');
    const defenderDetection = base.detections.find((d) => d.builtIn) as Detection;
    const stale: Detection = {
      ...defenderDetection,
      realtime: true,
      protecting: true,
      signatures: { ...defenderDetection.signatures, ageDays: 5, upToDate: true },
    };
    const progress = progressAt('verify', { choices: { alternativeId: 'microsoft-defender' } });
    const staleCheck = buildPlan({
      result: { ...base, detections: [stale] },
      progress,
      alternatives: [defender],
      now: NOW,
    });
    expect(staleCheck.checks.find((c) => !c.ok)).toMatchObject({
      id: 'signatures-fresh',
      fixStep: 'install',
    });

    const fresh: Detection = { ...stale, signatures: { ...stale.signatures, ageDays: 0 } };
    const done = buildPlan({
      result: { ...base, detections: [fresh] },
      progress,
      alternatives: [defender],
      now: NOW,
    });
    expect(done.checks.every((c) => c.ok)).toBe(true);
    expect(done.current).toBe('done');
  });
});
