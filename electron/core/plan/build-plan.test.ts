import { describe, expect, it } from 'vitest';
import { NOW, replayCase as scanOf } from '../../probes/replay/test-support/replayed-scans';
import type { Detection, ScanResult } from '../scan-result';
import { DEFENDER_CHOICE as defender, progressAt } from '../test-support/plan-inputs';
import { buildPlan } from './build-plan';

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
    const kesl = await scanOf('linux-kesl10sp1-file-monitoring-stopped');
    const plan = buildPlan({
      result: { ...kesl, detections: [] },
      progress: progressAt('keep-data'),
      alternatives: [defender],
      now: NOW,
    });
    expect(plan.steps.find((s) => s.id === 'keep-data')).toMatchObject({
      state: 'skipped',
      skippedBecause: 'no Kaspersky data to keep was found',
    });
    // Linux has no Restart step at all: nothing there waits for one to finish a removal.
    expect(plan.steps.find((s) => s.id === 'restart')).toBeUndefined();
    expect(states(plan)).toMatchObject({ check: 'done', 'keep-data': 'skipped', choose: 'current' });
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

  it('Install sets up the built-in choice with current signatures; Verify shows what passed, and the person finishes', async () => {
    const base = await scanOf('win10-bitdefender-defender-off-thm');
    const defenderDetection = base.detections.find((d) => d.builtIn) as Detection;
    const stale: Detection = {
      ...defenderDetection,
      realtime: true,
      protecting: true,
      signatures: { ...defenderDetection.signatures, ageDays: 5, upToDate: true },
    };
    const atInstall = progressAt('install', { choices: { alternativeId: 'microsoft-defender' } });
    const staleCheck = buildPlan({
      result: { ...base, detections: [stale] },
      progress: atInstall,
      alternatives: [defender],
      now: NOW,
    });
    expect(staleCheck.checks.find((c) => !c.ok)).toMatchObject({
      id: 'signatures-fresh',
      fixStep: 'install',
    });
    // Defender is on but 5 days behind: Install stays, offering the update.
    expect(staleCheck.chosenState).toBe('signatures-stale');
    expect(staleCheck.current).toBe('install');
    expect(staleCheck.steps.find((s) => s.id === 'install')).toMatchObject({
      what: "Update Microsoft Defender Antivirus's virus signatures: the newest it has are 5 days old.",
      primaryAction: 'Update its signatures now',
    });

    const fresh: Detection = { ...stale, signatures: { ...stale.signatures, ageDays: 0 } };
    const verified = buildPlan({
      result: { ...base, detections: [fresh] },
      progress: atInstall,
      alternatives: [defender],
      now: NOW,
    });
    expect(verified.checks.every((c) => c.ok)).toBe(true);
    expect(verified.current).toBe('verify');
    expect(verified.steps.find((s) => s.id === 'verify')?.primaryAction).toBe('Finish');

    const finished = buildPlan({
      result: { ...base, detections: [fresh] },
      progress: progressAt('done', { choices: { alternativeId: 'microsoft-defender' } }),
      alternatives: [defender],
      now: NOW,
    });
    expect(finished.current).toBe('done');
  });

  it('Verify does not finish while a check fails, whatever step was saved', async () => {
    const base = await scanOf('win10-bitdefender-defender-off-thm');
    const defenderDetection = base.detections.find((d) => d.builtIn) as Detection;
    const off: Detection = { ...defenderDetection, realtime: false, protecting: false };
    const plan = buildPlan({
      result: { ...base, detections: [off] },
      progress: progressAt('done', { choices: { alternativeId: 'microsoft-defender' } }),
      alternatives: [defender],
      now: NOW,
    });
    expect(plan.chosenState).toBe('realtime-off');
    expect(plan.current).toBe('install');
    expect(plan.checks.find((c) => c.id === 'realtime-on')).toMatchObject({ ok: false, fixStep: 'install' });
  });
});
