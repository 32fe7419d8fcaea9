/**
 * The guided migration as a state machine: the journey's state and an event in, the next state
 * out (or why the event cannot apply), with no I/O and no clock of its own. The handler
 * (electron/api/journey-handlers.ts) only loads the saved progress, calls this, saves what comes
 * back and carries out the effects it names; the plan the window shows is made from the state by
 * journeyPlan.
 *
 * The events are what the person did (JourneyChange below, which the Api carries), what an action's run
 * reported, a new scan, and the plan itself being looked at (settle: the saved step follows the
 * furthest step reached, and the first scan that passes Verify is when protection came back).
 *
 * What the person did arrives from the window, so every id it carries is checked against the plan
 * for the current state before anything changes (issue 12 §4, point 3): the step moved to must be
 * one the plan lets the person reach, the item ticked one the plan lists to keep, the product
 * "removed another way" one it lists to remove, the alternative one offered for this computer.
 * Anything else is refused with the reason in plain words, and the state stays as it was.
 */
import type { Alternative } from '../catalog/alternative-schema';
import { type AlternativeChoice, alternativesFor } from '../catalog/load-alternatives';
import type { ScanResult } from '../scan-result';
import { err, ok, type Result } from '../util/result';
import { buildPlan, type MigrationPlan } from './build-plan';
import {
  type JourneyProgress,
  type PlanAlternative,
  type RemovedProduct,
  STEP_TITLES,
  type StepId,
} from './migration-steps';
import { moveOrder } from './move-order';

/** Where a step stands in this system's order of the move (move-order.ts); -1 when it has none. */
const indexOn = (result: ScanResult | null, id: StepId): number =>
  moveOrder(result?.machine.platform ?? 'windows', result?.machine.isServer ?? null).steps.indexOf(id);

/** A step's place in a plan's own order. */
const indexIn = (plan: MigrationPlan, id: StepId): number => plan.steps.findIndex((s) => s.id === id);

import { type ChoiceList, rankChoices } from './rank-choices';

export interface JourneyState {
  /** What is saved (progress.json); null before the person starts and after Start over. */
  readonly progress: JourneyProgress | null;
  /**
   * A step the person went back to ("Back to Install" on Verify): it stays on screen until the
   * next scan, even when the plan counts it as done, or the link would lead nowhere.
   */
  readonly revisiting: StepId | null;
}

export const NO_JOURNEY: JourneyState = { progress: null, revisiting: null };

/** What the person did in the journey (the window sends these). */
export type JourneyChange =
  | { readonly kind: 'start' }
  | { readonly kind: 'move'; readonly stepId: StepId }
  | { readonly kind: 'tick'; readonly itemId: string; readonly ticked: boolean }
  | { readonly kind: 'choose'; readonly alternativeId: string }
  | { readonly kind: 'removed-another-way'; readonly detectionId: string }
  | { readonly kind: 'start-over' };

export type JourneyEvent =
  | JourneyChange
  /** A removal Handover ran has ended: removed or not, and whether it asked for a restart. */
  | {
      readonly kind: 'removal-finished';
      readonly detectionId: string;
      readonly removed: boolean;
      readonly restartNeeded: boolean;
    }
  /** Handover is registered to open once after the restart. */
  | { readonly kind: 'restart-registered' }
  /** A new scan finished: a step the person went back to is no longer held on screen. */
  | { readonly kind: 'scanned' }
  /** The plan for the latest scan was made: the saved step and protection times follow it. */
  | { readonly kind: 'settle'; readonly plan: MigrationPlan };

/** What the machine cannot do itself and asks its host to do, after saving the new state. */
export type JourneyEffect = 'forget-restart-registration';

export interface JourneyStep {
  readonly state: JourneyState;
  readonly effects: readonly JourneyEffect[];
}

export interface JourneyContext {
  /** The latest scan of this computer, or null before the first. */
  readonly result: ScanResult | null;
  readonly now: Date;
  /** The alternatives the Choose step offers on this computer (journeyChoices). */
  readonly choices: readonly AlternativeChoice[];
  /** Every alternative as the plan needs it (planAlternatives): the plan the person's ids are checked against. */
  readonly alternatives: readonly PlanAlternative[];
}

const step = (state: JourneyState, effects: readonly JourneyEffect[] = []): Result<JourneyStep> =>
  ok({ state, effects });

/** Since when the machine has been without current protection, as Start sees it. */
function unprotectedSince(result: ScanResult | null, now: string): string | undefined {
  if (!result || result.verdict.level === 'protected') return undefined;
  const deadline = result.verdict.deadline;
  return deadline && deadline.daysSince >= 0 ? deadline.at : now;
}

/** The state after an event, or why the event does not apply (in words for the person). */
export function nextJourney(
  state: JourneyState,
  event: JourneyEvent,
  context: JourneyContext,
): Result<JourneyStep> {
  const stamp = context.now.toISOString();
  const { progress } = state;
  switch (event.kind) {
    case 'start-over':
      return step(NO_JOURNEY, ['forget-restart-registration']);
    case 'start': {
      const since = unprotectedSince(context.result, stamp);
      return step({
        revisiting: null,
        progress: {
          stepId: 'keep-data',
          startedAt: stamp,
          updatedAt: stamp,
          choices: {},
          ticked: [],
          removed: [],
          ...(since ? { unprotectedSince: since } : {}),
        },
      });
    }
    case 'scanned':
      return step({ ...state, revisiting: null });
    case 'settle':
      return step(settled(state, event.plan, stamp));
  }
  if (!progress) {
    // An action's outcome arriving after Start over changes nothing.
    if (event.kind === 'removal-finished' || event.kind === 'restart-registered') return step(state);
    return err('Start the journey first');
  }
  const save = (next: Omit<JourneyProgress, 'updatedAt'>, revisiting = state.revisiting) =>
    step({ revisiting, progress: { ...next, updatedAt: stamp } });
  /** The plan on screen for this state: what the person's ids are checked against. */
  const shown = () =>
    context.result
      ? journeyPlan(state, { result: context.result, alternatives: context.alternatives, now: context.now })
      : null;
  switch (event.kind) {
    case 'move': {
      const refused = refusedMove(state, event.stepId, context);
      if (refused) return err(refused);
      return save(
        { ...progress, stepId: event.stepId },
        indexOn(context.result, event.stepId) < indexOn(context.result, progress.stepId)
          ? event.stepId
          : null,
      );
    }
    case 'tick': {
      const listed = shown()?.keepData.some((item) => item.id === event.itemId) ?? false;
      // An item no longer listed (its product is gone) may still be unticked.
      const untickingSaved = !event.ticked && progress.ticked.includes(event.itemId);
      if (!listed && !untickingSaved)
        return err(`"${event.itemId}" is not one of the things to keep on this computer`);
      return save({
        ...progress,
        ticked: event.ticked
          ? [...new Set([...progress.ticked, event.itemId])]
          : progress.ticked.filter((id) => id !== event.itemId),
      });
    }
    case 'choose':
      if (!context.choices.some((c) => c.alternative.id === event.alternativeId))
        return err(`"${event.alternativeId}" is not one of the choices for this computer`);
      // A choice made on a step the person went back to moves on: the plan shows where it leads.
      return save(
        { ...progress, choices: { ...progress.choices, alternativeId: event.alternativeId } },
        null,
      );
    case 'removed-another-way':
      if (!context.result?.detections.some((d) => d.id === event.detectionId))
        return err(`The latest scan did not find "${event.detectionId}" on this computer`);
      if (!shown()?.removals.some((r) => r.detectionId === event.detectionId))
        return err(`"${event.detectionId}" is not one of the products this move removes`);
      return save({
        ...progress,
        removed: [...progress.removed, removal(event.detectionId, 'other-way', stamp)],
      });
    case 'removal-finished':
      return save({
        ...progress,
        ...(event.restartNeeded ? { restartRequestedAt: stamp } : {}),
        removed: event.removed
          ? [...progress.removed, removal(event.detectionId, 'uninstaller', stamp)]
          : progress.removed,
      });
    case 'restart-registered':
      return save({ ...progress, restartRegistered: true });
  }
}

/**
 * Why the person cannot go to `target` from this state, or null when they can. They can go to a
 * step the plan has reached (done, or the one it is on: back, or forward again after going back),
 * and to the step after the one on screen when that step is finished by moving on (Keep your
 * data's Continue; Verify's Finish, once its checks pass). A skipped step is no step to go to.
 */
function refusedMove(state: JourneyState, target: StepId, context: JourneyContext): string | null {
  const title = STEP_TITLES[target];
  if (!context.result) return `Scan this computer first, then go to ${title}`;
  const input = { result: context.result, alternatives: context.alternatives, now: context.now };
  const shown = journeyPlan(state, input);
  const reached = journeyPlan({ ...state, revisiting: null }, input);
  const stepOf = (plan: MigrationPlan, id: StepId) => plan.steps.find((s) => s.id === id);
  const targetStep = stepOf(reached, target);
  if (!targetStep || targetStep.state === 'skipped')
    return `${title} is not a step of this move${targetStep?.skippedBecause ? `: ${targetStep.skippedBecause}` : ''}`;
  if (targetStep.onlyIf) return `${title} comes ${targetStep.onlyIf}`;
  if (target === shown.current || targetStep.state === 'done' || targetStep.state === 'current') return null;
  const current = stepOf(shown, shown.current);
  const next = shown.steps.find(
    (s) => indexIn(shown, s.id) > indexIn(shown, shown.current) && s.state !== 'skipped' && s.onlyIf === null,
  );
  const finishedByMoving =
    shown.current === 'keep-data' || (shown.current === 'verify' && current?.primaryAction === 'Finish');
  if (next?.id === target && finishedByMoving) return null;
  if (shown.current === 'verify' && next?.id === target)
    return `${title} comes once every check on Verify passes: ${current?.why ?? 'scan again first'}`;
  return `${title} comes later: finish ${STEP_TITLES[shown.current]} first`;
}

/**
 * The steps the person can go back to from this state, in the plan's order: those reached (done,
 * or the one they went back from) that a 'move' would be accepted for (refusedMove), less the one
 * on screen. The progress rail links exactly these, and
 * Back goes to the last of them before the current step.
 */
export function reachableSteps(state: JourneyState, context: JourneyContext): StepId[] {
  if (!context.result || !state.progress) return [];
  const input = { result: context.result, alternatives: context.alternatives, now: context.now };
  const plan = journeyPlan(state, input);
  // Steps already reached: done, or the one the person went back from. The step a Continue leads
  // to is not a link: it is the way on, not a way back.
  const reached = journeyPlan({ ...state, revisiting: null }, input).steps.filter(
    (s) => s.state === 'done' || s.state === 'current',
  );
  return reached
    .map((s) => s.id)
    .filter((id) => id !== plan.current && refusedMove(state, id, context) === null);
}

const removal = (detectionId: string, how: RemovedProduct['how'], at: string): RemovedProduct => ({
  detectionId,
  how,
  at,
});

/**
 * The saved step is the furthest one reached, so a reload resumes where the person is; the first
 * plan whose Verify checks pass is when the machine was protected again. Unchanged state is
 * returned as it was, so the host saves only when something moved.
 */
function settled(state: JourneyState, plan: MigrationPlan, stamp: string): JourneyState {
  const { progress } = state;
  if (!progress) return state;
  const furthest =
    indexIn(plan, plan.current) > indexIn(plan, progress.stepId) ? plan.current : progress.stepId;
  const verified = indexIn(plan, plan.current) >= indexIn(plan, 'verify') && plan.checks.every((c) => c.ok);
  const protectedAgainAt = progress.protectedAgainAt ?? (verified ? stamp : undefined);
  if (furthest === progress.stepId && protectedAgainAt === progress.protectedAgainAt) return state;
  return {
    ...state,
    progress: {
      ...progress,
      stepId: furthest,
      ...(protectedAgainAt ? { protectedAgainAt } : {}),
      updatedAt: stamp,
    },
  };
}

/** The plan the window shows for this state: built from the scan, with a revisited step on screen. */
export function journeyPlan(
  state: JourneyState,
  input: {
    readonly result: ScanResult;
    readonly alternatives: readonly PlanAlternative[];
    readonly now: Date;
  },
): MigrationPlan {
  const plan = buildPlan({ ...input, progress: state.progress });
  return state.revisiting ? showingEarlierStep(plan, state.revisiting) : plan;
}

/** The plan with an earlier step on screen: it is current, the steps after it upcoming again. */
export function showingEarlierStep(plan: MigrationPlan, stepId: StepId): MigrationPlan {
  if (indexIn(plan, stepId) < 0 || indexIn(plan, stepId) >= indexIn(plan, plan.current)) return plan;
  return {
    ...plan,
    current: stepId,
    steps: plan.steps.map((s) =>
      s.state === 'skipped' || indexIn(plan, s.id) < indexIn(plan, stepId)
        ? s
        : { ...s, state: s.id === stepId ? 'current' : 'upcoming' },
    ),
  };
}

/** The alternatives catalog's platform for this machine (Windows Server is a platform of its own). */
const platformOf = (machine: ScanResult['machine']) =>
  machine.platform === 'windows' && machine.isServer ? 'windows-server' : machine.platform;

/** What Choose offers this computer: alternatives for its system, for business if it runs business products. */
export function journeyChoices(
  result: ScanResult | null,
  alternatives: readonly Alternative[],
): readonly AlternativeChoice[] {
  if (!result) return [];
  const audience = result.detections.some((d) => d.business && d.status !== 'leftover') ? 'business' : 'home';
  return alternativesFor({ os: platformOf(result.machine), audience }, alternatives);
}

/** The Choose step's list for this computer: ranked, filtered by what it can run (rank-choices.ts). */
export function journeyChoiceList(
  result: ScanResult | null,
  alternatives: readonly Alternative[],
): ChoiceList | null {
  if (!result) return null;
  const { machine } = result;
  return rankChoices(journeyChoices(result, alternatives), {
    os: platformOf(machine),
    osName: machine.osName,
    osVersion: machine.osVersion,
    architecture: machine.architecture ?? null,
    installed: result.detections.filter((d) => d.status !== 'leftover').map((d) => d.id),
  });
}

/** Every alternative as the plan needs it, not only today's choices: a choice stays valid if the machine changes. */
export const planAlternatives = (alternatives: readonly Alternative[]): PlanAlternative[] =>
  alternatives.map((a) => ({
    id: a.id,
    name: a.name,
    builtIn: a.builtIn,
    productId: a.productId,
    downloadUrl: a.downloadUrl,
    packages: a.distributionPackages?.names ?? null,
  }));
