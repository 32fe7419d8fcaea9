import { describe, expect, it } from 'vitest';
import { NOW, replayCase as scanOf } from '../../probes/replay/test-support/replayed-scans';
import type { AlternativeChoice } from '../catalog/load-alternatives';
import { loadAlternatives } from '../catalog/load-alternatives';
import type { ScanResult } from '../scan-result';
import { detectionWith } from '../test-support/plan-inputs';
import type { Result } from '../util/result';
import type { MigrationPlan } from './build-plan';
import {
  type JourneyContext,
  type JourneyEvent,
  type JourneyState,
  type JourneyStep,
  journeyChoices,
  journeyPlan,
  NO_JOURNEY,
  nextJourney,
  planAlternatives,
  reachableSteps,
} from './journey';
import { type JourneyProgress, STEP_TITLES, type StepId } from './migration-steps';

const ALTERNATIVES = loadAlternatives();
const STAMP = NOW.toISOString();

function contextFor(result: ScanResult | null): JourneyContext {
  return {
    result,
    now: NOW,
    choices: journeyChoices(result, ALTERNATIVES),
    alternatives: planAlternatives(ALTERNATIVES),
  };
}

function value(step: Result<JourneyStep>): JourneyStep {
  if (!step.ok) throw new Error(`expected the event to apply, got: ${step.error}`);
  return step.value;
}

/** The state after each event in turn, from no journey. */
function stateAfter(result: ScanResult | null, ...events: JourneyEvent[]): JourneyState {
  return events.reduce(
    (state, event) => value(nextJourney(state, event, contextFor(result))).state,
    NO_JOURNEY,
  );
}

const planOf = (state: JourneyState, result: ScanResult): MigrationPlan =>
  journeyPlan(state, { result, alternatives: planAlternatives(ALTERNATIVES), now: NOW });

const states = (plan: MigrationPlan) => Object.fromEntries(plan.steps.map((s) => [s.id, s.state]));

const started = (progress: Partial<JourneyProgress>): JourneyState => ({
  revisiting: null,
  progress: {
    stepId: 'keep-data',
    startedAt: '2026-11-28T09:00:00.000Z',
    updatedAt: '2026-11-28T09:00:00.000Z',
    choices: {},
    ticked: [],
    removed: [],
    ...progress,
  },
});

describe('nextJourney: what the person does', () => {
  it('Start begins at Keep your data and remembers since when the machine has been unprotected', async () => {
    const kes = await scanOf('win-kes10-de-wsc');
    expect(stateAfter(kes, { kind: 'start' })).toEqual({
      revisiting: null,
      progress: {
        stepId: 'keep-data',
        startedAt: STAMP,
        updatedAt: STAMP,
        choices: {},
        ticked: [],
        removed: [],
        // Past the US cutoff: unprotected since updates stopped (midnight in Washington, bans.md).
        unprotectedSince: '2024-09-29T04:00:00.000Z',
      },
    });
  });

  it('Start on a machine that is protected records no unprotected time; one at risk without a cutoff, from now', async () => {
    const protectedScan = await scanOf('win10-bitdefender-defender-off-thm');
    expect(stateAfter(protectedScan, { kind: 'start' }).progress?.unprotectedSince).toBeUndefined();
    const atRisk = await scanOf('win7-mse-signatures-out-of-date');
    expect(atRisk.verdict.level).not.toBe('protected');
    expect(stateAfter(atRisk, { kind: 'start' }).progress?.unprotectedSince).toBe(STAMP);
  });

  it('Start over forgets the journey and asks the host to forget the restart registration', async () => {
    const kes = await scanOf('win-kes10-de-wsc');
    const step = value(
      nextJourney(started({ restartRegistered: true }), { kind: 'start-over' }, contextFor(kes)),
    );
    expect(step).toEqual({ state: NO_JOURNEY, effects: ['forget-restart-registration'] });
  });

  it('moving forward saves the step; moving back holds the earlier step on screen until the next scan', async () => {
    const kes = await scanOf('win-kes10-de-wsc');
    const forward = stateAfter(kes, { kind: 'start' }, { kind: 'move', stepId: 'choose' });
    expect(forward).toMatchObject({ progress: { stepId: 'choose' }, revisiting: null });
    const back = stateAfter(
      kes,
      { kind: 'start' },
      { kind: 'move', stepId: 'choose' },
      { kind: 'choose', alternativeId: 'microsoft-defender-for-business' },
      { kind: 'move', stepId: 'keep-data' },
    );
    expect(back).toMatchObject({ progress: { stepId: 'keep-data' }, revisiting: 'keep-data' });
    // From the step gone back to, forward again to where the person was.
    const again = value(nextJourney(back, { kind: 'move', stepId: 'choose' }, contextFor(kes))).state;
    expect(again).toMatchObject({ progress: { stepId: 'choose' }, revisiting: null });
    expect(value(nextJourney(back, { kind: 'scanned' }, contextFor(kes))).state.revisiting).toBeNull();
  });

  it('ticks and unticks a keep-data item, never listing it twice', async () => {
    const kes = await scanOf('win-kes10-de-wsc');
    const tick = { kind: 'tick', itemId: 'quarantine', ticked: true } as const;
    expect(stateAfter(kes, { kind: 'start' }, tick, tick).progress?.ticked).toEqual(['quarantine']);
    expect(stateAfter(kes, { kind: 'start' }, tick, { ...tick, ticked: false }).progress?.ticked).toEqual([]);
  });

  it('Choose takes only an alternative offered for this computer', async () => {
    const kes = await scanOf('win-kes10-de-wsc');
    const offered = journeyChoices(kes, ALTERNATIVES).map((c: AlternativeChoice) => c.alternative.id);
    expect(offered).toContain('microsoft-defender');
    const chosen = stateAfter(
      kes,
      { kind: 'start' },
      { kind: 'choose', alternativeId: 'microsoft-defender' },
    );
    expect(chosen.progress?.choices).toEqual({ alternativeId: 'microsoft-defender' });
    const linuxOnly = ALTERNATIVES.find((a) => !a.platforms.includes('windows'));
    expect(linuxOnly).toBeDefined();
    const refused = nextJourney(
      chosen,
      { kind: 'choose', alternativeId: linuxOnly?.id ?? '' },
      contextFor(kes),
    );
    expect(refused).toEqual({
      ok: false,
      error: `"${linuxOnly?.id}" is not one of the choices for this computer`,
    });
    expect(
      nextJourney(chosen, { kind: 'choose', alternativeId: 'no-such-product' }, contextFor(kes)).ok,
    ).toBe(false);
  });

  it('"Removed another way" is taken only for a product the latest scan found', async () => {
    const kes = await scanOf('win-kes10-de-wsc');
    const id = kes.detections[0]?.id ?? '';
    const state = stateAfter(kes, { kind: 'start' }, { kind: 'removed-another-way', detectionId: id });
    expect(state.progress?.removed).toEqual([{ detectionId: id, how: 'other-way', at: STAMP }]);
    expect(
      nextJourney(state, { kind: 'removed-another-way', detectionId: 'ghost' }, contextFor(kes)),
    ).toEqual({ ok: false, error: 'The latest scan did not find "ghost" on this computer' });
  });

  it('the rail links the steps reached, never the one a Continue leads to; a step gone back from stays a link', async () => {
    const kes = await scanOf('win-kes10-de-wsc');
    const atKeepData = stateAfter(kes, { kind: 'start' });
    expect(reachableSteps(atKeepData, contextFor(kes))).toEqual(['check']);
    const atRemove = started({ stepId: 'remove', choices: { alternativeId: 'microsoft-defender' } });
    expect(reachableSteps(atRemove, contextFor(kes))).toEqual(['check', 'keep-data', 'choose']);
    const backAtChoose: JourneyState = { ...atRemove, revisiting: 'choose' };
    expect(reachableSteps(backAtChoose, contextFor(kes))).toEqual(['check', 'keep-data', 'remove']);
    expect(reachableSteps({ progress: null, revisiting: null }, contextFor(kes))).toEqual([]);
  });

  it('refuses a step the plan does not let the person reach, and changes nothing (point 3 of issue 12 §4)', async () => {
    const kes = await scanOf('win-kes10-de-wsc');
    const atKeepData = stateAfter(kes, { kind: 'start' });
    const move = (state: JourneyState, stepId: StepId, result: ScanResult | null = kes) =>
      nextJourney(state, { kind: 'move', stepId }, contextFor(result));
    // Straight to a later step, past Choose, Remove and the rest.
    for (const stepId of ['remove', 'install', 'verify', 'done'] as const)
      expect(move(atKeepData, stepId)).toEqual({
        ok: false,
        error: `${STEP_TITLES[stepId]} comes later: finish Keep your data first`,
      });
    // A step that comes only if the removal asks for it.
    expect(move(atKeepData, 'restart')).toEqual({
      ok: false,
      error: 'Restart comes only if Windows asks for one after the removal',
    });
    // A step this computer does not need: nothing was removed that asked for a restart.
    const removedNoRestart = started({ stepId: 'install', choices: { alternativeId: 'microsoft-defender' } });
    expect(move(removedNoRestart, 'restart', { ...kes, detections: [] })).toEqual({
      ok: false,
      error: 'Restart is not a step of this move: Windows is not waiting for a restart',
    });
    // Finish only once Verify's checks pass: Kaspersky is still there.
    const atVerify = started({ stepId: 'verify', choices: { alternativeId: 'microsoft-defender' } });
    expect(planOf(atVerify, kes).current).toBe('remove');
    expect(move(atVerify, 'done')).toEqual({ ok: false, error: 'Done comes later: finish Remove first' });
    expect(move(atKeepData, 'choose', null)).toEqual({
      ok: false,
      error: 'Scan this computer first, then go to Choose',
    });
  });

  it('takes Finish only once every check on Verify passes', async () => {
    const kes = await scanOf('win-kes10-de-wsc');
    const defenderOff = detectionWith('microsoft-defender-antivirus', {
      name: 'Microsoft Defender Antivirus',
      realtime: false,
      protecting: false,
    });
    const onVerify: ScanResult = { ...kes, detections: [defenderOff] };
    const state = started({ stepId: 'verify', choices: { alternativeId: 'microsoft-defender' } });
    const plan = planOf(state, onVerify);
    expect(plan.current).toBe('install');
    const defenderOn = detectionWith('microsoft-defender-antivirus', {
      name: 'Microsoft Defender Antivirus',
      realtime: true,
      signatures: {
        date: STAMP,
        dateFrom: null,
        version: null,
        ageDays: 0,
        upToDate: true,
        reportedUpToDate: true,
      },
      protecting: true,
    });
    const fixed: ScanResult = { ...kes, detections: [defenderOn] };
    expect(planOf(state, fixed).current).toBe('verify');
    expect(
      value(nextJourney(state, { kind: 'move', stepId: 'done' }, contextFor(fixed))).state.progress,
    ).toMatchObject({
      stepId: 'done',
    });
    expect(nextJourney(state, { kind: 'move', stepId: 'done' }, contextFor(onVerify)).ok).toBe(false);
  });

  it('ticks only an item the plan lists to keep; one no longer listed can still be unticked', async () => {
    const kes = await scanOf('win-kes10-de-wsc');
    const state = stateAfter(kes, { kind: 'start' });
    expect(planOf(state, kes).keepData.map((i) => i.id)).toEqual(['quarantine']);
    for (const itemId of ['password-manager-export', 'made-up', '__proto__']) {
      expect(nextJourney(state, { kind: 'tick', itemId, ticked: true }, contextFor(kes))).toEqual({
        ok: false,
        error: `"${itemId}" is not one of the things to keep on this computer`,
      });
    }
    const savedElsewhere = started({ ticked: ['password-manager-export'] });
    const unticked = value(
      nextJourney(
        savedElsewhere,
        { kind: 'tick', itemId: 'password-manager-export', ticked: false },
        contextFor(kes),
      ),
    ).state;
    expect(unticked.progress?.ticked).toEqual([]);
  });

  it('"Removed another way" is taken only for a product the plan removes', async () => {
    const kes = await scanOf('win-kes10-de-wsc');
    const defender = detectionWith('microsoft-defender-antivirus', { name: 'Microsoft Defender Antivirus' });
    const both: ScanResult = { ...kes, detections: [...kes.detections, defender] };
    const state = stateAfter(both, { kind: 'start' });
    expect(
      nextJourney(
        state,
        { kind: 'removed-another-way', detectionId: 'microsoft-defender-antivirus' },
        contextFor(both),
      ),
    ).toEqual({
      ok: false,
      error: '"microsoft-defender-antivirus" is not one of the products this move removes',
    });
  });

  it('every change but Start and Start over needs a started journey', async () => {
    const kes = await scanOf('win-kes10-de-wsc');
    for (const event of [
      { kind: 'move', stepId: 'remove' },
      { kind: 'tick', itemId: 'quarantine', ticked: true },
      { kind: 'choose', alternativeId: 'microsoft-defender' },
      { kind: 'removed-another-way', detectionId: 'x' },
    ] as const) {
      expect(nextJourney(NO_JOURNEY, event, contextFor(kes))).toEqual({
        ok: false,
        error: 'Start the journey first',
      });
    }
  });
});

describe('nextJourney: what the actions report', () => {
  it('a removal that worked is recorded with when; one that asked for a restart records that too', async () => {
    const kes = await scanOf('win-kes10-de-wsc');
    const state = value(
      nextJourney(
        started({ stepId: 'remove' }),
        { kind: 'removal-finished', detectionId: 'kes', removed: true, restartNeeded: true },
        contextFor(kes),
      ),
    ).state;
    expect(state.progress).toMatchObject({
      removed: [{ detectionId: 'kes', how: 'uninstaller', at: STAMP }],
      restartRequestedAt: STAMP,
      updatedAt: STAMP,
    });
  });

  it('a removal that failed records nothing removed', async () => {
    const kes = await scanOf('win-kes10-de-wsc');
    const state = value(
      nextJourney(
        started({ stepId: 'remove' }),
        { kind: 'removal-finished', detectionId: 'kes', removed: false, restartNeeded: false },
        contextFor(kes),
      ),
    ).state;
    expect(state.progress?.removed).toEqual([]);
    expect(state.progress?.restartRequestedAt).toBeUndefined();
  });

  it('the restart registration is remembered; an outcome arriving after Start over changes nothing', async () => {
    const kes = await scanOf('win-kes10-de-wsc');
    const registered = value(nextJourney(started({}), { kind: 'restart-registered' }, contextFor(kes))).state;
    expect(registered.progress?.restartRegistered).toBe(true);
    const late = nextJourney(NO_JOURNEY, { kind: 'restart-registered' }, contextFor(kes));
    expect(late).toEqual({ ok: true, value: { state: NO_JOURNEY, effects: [] } });
  });
});

describe('nextJourney: settling on the plan', () => {
  it('the saved step follows the furthest step the plan reached, so a reload resumes there', async () => {
    const kes = await scanOf('win-kes10-de-wsc');
    const gone: ScanResult = { ...kes, detections: [] };
    const state = started({ stepId: 'remove', choices: { alternativeId: 'microsoft-defender' } });
    const plan = planOf(state, gone);
    expect(plan.current).toBe('install');
    const settled = value(nextJourney(state, { kind: 'settle', plan }, contextFor(gone))).state;
    expect(settled.progress).toMatchObject({ stepId: 'install', updatedAt: STAMP });
  });

  it('nothing to settle leaves the very same state, so the host saves nothing', async () => {
    const kes = await scanOf('win-kes10-de-wsc');
    const state = started({ stepId: 'keep-data' });
    const plan = planOf(state, kes);
    expect(plan.current).toBe('keep-data');
    expect(value(nextJourney(state, { kind: 'settle', plan }, contextFor(kes))).state).toBe(state);
  });

  it('the first plan that passes Verify records when the machine was protected again, once', async () => {
    const defender = detectionWith('microsoft-defender-antivirus', {
      name: 'Microsoft Defender Antivirus',
      realtime: true,
      signatures: {
        date: STAMP,
        dateFrom: null,
        version: null,
        ageDays: 0,
        upToDate: true,
        reportedUpToDate: true,
      },
      protecting: true,
    });
    const kes = await scanOf('win-kes10-de-wsc');
    const fixed: ScanResult = { ...kes, detections: [defender] };
    const state = started({ stepId: 'verify', choices: { alternativeId: 'microsoft-defender' } });
    const plan = planOf(state, fixed);
    expect(plan.checks.every((c) => c.ok)).toBe(true);
    const settled = value(nextJourney(state, { kind: 'settle', plan }, contextFor(fixed))).state;
    expect(settled.progress?.protectedAgainAt).toBe(STAMP);
    const later = value(
      nextJourney(
        settled,
        { kind: 'settle', plan },
        { ...contextFor(fixed), now: new Date('2026-12-01T00:00:00Z') },
      ),
    ).state;
    expect(later.progress?.protectedAgainAt).toBe(STAMP);
  });
});

describe('journeyPlan: the steps each state shows', () => {
  it('a step the person went back to is current again, the ones after it upcoming', async () => {
    const kes = await scanOf('win-kes10-de-wsc');
    const gone: ScanResult = { ...kes, detections: [] };
    const state: JourneyState = {
      ...started({ stepId: 'install', choices: { alternativeId: 'microsoft-defender' } }),
      revisiting: 'choose',
    };
    const plan = planOf(state, gone);
    expect(plan.current).toBe('choose');
    expect(states(plan)).toMatchObject({ check: 'done', choose: 'current', install: 'upcoming' });
  });

  it('skips Keep your data when there is nothing to keep and Remove when nothing is left; Restart is a Windows step, skipped only once reached', async () => {
    const linux = await scanOf('linux-kesl10sp1-file-monitoring-stopped');
    // Keep your data applies once the person has passed it, so this journey is at its start.
    const onLinux = planOf(started({ stepId: 'keep-data' }), { ...linux, detections: [] });
    expect(onLinux.steps.filter((s) => s.state === 'skipped').map((s) => [s.id, s.skippedBecause])).toEqual([
      ['keep-data', 'no Kaspersky data to keep was found'],
      ['remove', 'nothing needs removing'],
    ]);
    // No Restart on Linux: nothing there waits for one to finish a removal.
    expect(onLinux.steps.map((s) => s.id)).toEqual([
      'check',
      'keep-data',
      'choose',
      'install',
      'remove',
      'verify',
      'done',
    ]);
    const kes = await scanOf('win-kes10-de-wsc');
    const onWindows = planOf(started({ stepId: 'choose' }), kes);
    // Before the removal, whether Windows asks for a restart is not known: still to do, with why.
    expect(onWindows.steps.find((s) => s.id === 'restart')).toMatchObject({
      state: 'upcoming',
      skippedBecause: null,
      onlyIf: 'only if Windows asks for one after the removal',
    });
    const afterRemoval = planOf(
      started({ stepId: 'install', choices: { alternativeId: 'microsoft-defender' } }),
      { ...kes, detections: [] },
    );
    expect(afterRemoval.steps.find((s) => s.id === 'restart')).toMatchObject({
      state: 'skipped',
      skippedBecause: 'Windows is not waiting for a restart',
      onlyIf: null,
    });
    // Check, Choose, Install, Verify and Done always apply.
    for (const plan of [onLinux, onWindows]) {
      for (const id of ['check', 'choose', 'install', 'verify', 'done'])
        expect(plan.steps.find((s) => s.id === id)?.state).not.toBe('skipped');
    }
  });

  it('resumes after a restart: the saved journey and a scan after the boot carry on at Install', async () => {
    const kes = await scanOf('win-kes10-de-wsc');
    const removed: ScanResult = { ...kes, detections: [] };
    // What progress.json holds after the uninstaller asked for a restart and Handover registered itself.
    const saved = started({
      stepId: 'restart',
      choices: { alternativeId: 'microsoft-defender' },
      removed: [
        { detectionId: 'kaspersky-endpoint-security', how: 'uninstaller', at: '2026-11-29T10:00:00.000Z' },
      ],
      restartRequestedAt: '2026-11-29T10:00:00.000Z',
      restartRegistered: true,
    });
    const beforeBoot = { ...removed, machine: { ...removed.machine, bootedAt: '2026-11-28T08:00:00.000Z' } };
    expect(planOf(saved, beforeBoot).current).toBe('restart');
    // The app opens again after the restart: a new process reads the same saved progress.
    const reopened: JourneyState = { progress: saved.progress, revisiting: null };
    const afterBoot = { ...removed, machine: { ...removed.machine, bootedAt: '2026-11-29T10:05:00.000Z' } };
    const plan = planOf(reopened, afterBoot);
    expect(states(plan)).toMatchObject({ remove: 'done', restart: 'done', install: 'current' });
    const settled = value(nextJourney(reopened, { kind: 'settle', plan }, contextFor(afterBoot))).state;
    expect(settled.progress?.stepId).toBe('install');
  });
});
