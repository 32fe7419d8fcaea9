/**
 * The guided migration's part of the handler table: the plan for the latest scan and the saved
 * progress, and the person's changes. The journey's rules are the core's state machine
 * (electron/core/plan/journey.ts): this loads the saved progress, hands it each event, saves what
 * comes back and carries out the effects it names. The actions that change the machine
 * (action-handlers.ts) and the password export (password-export-handler.ts) are composed in.
 */
import {
  type JourneyEvent,
  type JourneyState,
  journeyChoiceList,
  journeyChoices,
  journeyPlan,
  NO_JOURNEY,
  nextJourney,
  planAlternatives,
  reachableSteps,
} from '../core/plan/journey';
import { needsDownload, type PreflightReport, preflightReport } from '../core/plan/preflight';
import { technicianNotes } from '../core/plan/technician-notes';
import { Refusal } from '../core/util/person-message';
import { createActionHandlers } from './action-handlers';
import type { JOURNEY_METHODS } from './channels';
import type { Api, JourneyView, ScanResult } from './contract';
import type { MigrationDeps } from './journey-deps';
import { done } from './outcome';
import { createPasswordExportHandler } from './password-export-handler';

export type JourneyApi = Pick<Api, (typeof JOURNEY_METHODS)[number]>;

/** The journey of a machine that has none here (a diagnostics file is shown): nothing to show or do. */
export const NO_JOURNEY_VIEW: JourneyView = {
  plan: null,
  progress: null,
  reachable: [],
  alternatives: [],
  choices: null,
  notice: null,
  technicianNotes: null,
  preflight: null,
};

export function createJourneyHandlers(options: {
  readonly deps: MigrationDeps;
  readonly now: () => Date;
  readonly latestResult: () => ScanResult | null;
}): JourneyApi {
  const { deps, now } = options;
  /** The journey as last loaded or saved, and the notice of a progress file that was set aside. */
  let loaded: { state: JourneyState; notice: string | null } | null = null;
  /** The scan the journey last saw: a new one is the 'scanned' event. */
  let seen: ScanResult | null = null;
  /** The last pre-flight (issue 12 §3); it counts only for the alternative it was made for. */
  let preflight: PreflightReport | null = null;
  const preflightFor = (alternativeId: string | undefined) =>
    preflight && preflight.alternativeId === alternativeId ? preflight : null;

  async function load(): Promise<{ state: JourneyState; notice: string | null }> {
    if (loaded) return loaded;
    const read = await deps.store.load();
    if (!read.ok)
      loaded = { state: NO_JOURNEY, notice: `Your saved progress could not be read: ${read.error}` };
    else
      loaded = {
        state: { progress: read.value.progress, revisiting: null },
        notice: read.value.setAside
          ? `Your saved progress could not be read (${read.value.setAsideReason ?? 'it was damaged'}), so it was set aside as ${read.value.setAside} and nothing was lost. You can start again.`
          : null,
      };
    return loaded;
  }

  /** One event: the state machine decides; this saves what changed and does the effects. */
  async function apply(event: JourneyEvent): Promise<void> {
    const { state, notice } = await load();
    const result = options.latestResult();
    const next = nextJourney(state, event, {
      result,
      now: now(),
      choices: journeyChoices(result, deps.alternatives),
      alternatives: planAlternatives(deps.alternatives),
    });
    if (!next.ok) throw new Refusal(next.error);
    const after = next.value.state;
    if (after.progress !== state.progress) {
      if (after.progress === null) await deps.store.clear();
      else {
        const saved = await deps.store.save(after.progress);
        if (!saved.ok) throw new Refusal(`Your progress could not be saved: ${saved.error}`);
      }
    }
    loaded = { state: after, notice };
    for (const effect of next.value.effects) {
      if (effect === 'forget-restart-registration') await deps.restartResume.unregister();
    }
  }

  /** The plan for the saved state and the latest scan (what the window shows), or null before a scan. */
  async function currentPlan() {
    const result = options.latestResult();
    if (!result) return null;
    const { state } = await load();
    return journeyPlan(state, { result, alternatives: planAlternatives(deps.alternatives), now: now() });
  }

  async function view(): Promise<JourneyView> {
    const result = options.latestResult();
    if (result !== seen) {
      seen = result;
      await apply({ kind: 'scanned' });
    }
    const alternatives = planAlternatives(deps.alternatives);
    const planOf = (state: JourneyState) =>
      result ? journeyPlan(state, { result, alternatives, now: now() }) : null;
    const first = planOf((await load()).state);
    if (first) await apply({ kind: 'settle', plan: first });
    const { state, notice } = await load();
    const plan = planOf(state);
    return {
      plan,
      progress: state.progress,
      reachable: reachableSteps(state, {
        result,
        now: now(),
        choices: journeyChoices(result, deps.alternatives),
        alternatives,
      }),
      alternatives: journeyChoices(result, deps.alternatives),
      choices: journeyChoiceList(result, deps.alternatives),
      notice,
      technicianNotes: plan ? technicianNotes(plan) : null,
      preflight: preflightFor(plan?.chosen?.id),
    };
  }

  /** Reads the machine for the chosen alternative and keeps the report until the next check. */
  async function checkPreflight(): Promise<void> {
    const result = options.latestResult();
    if (!result) throw new Refusal('Scan this computer first, then check it before the move.');
    const chosen = (await currentPlan())?.chosen;
    const alternative = deps.alternatives.find((a) => a.id === chosen?.id);
    if (!alternative) throw new Refusal('Choose what protects this computer next first.');
    const requirements = alternative.requirements ?? [];
    const checkUrl = alternative.downloadUrl ?? `https://${alternative.vendor.domains[0]}/`;
    const facts = await deps.preflight.read(needsDownload(result, requirements) ? checkUrl : null);
    preflight = preflightReport(facts, result, {
      id: alternative.id,
      name: alternative.name,
      requirements,
      systems: alternative.systems,
      builtIn: alternative.builtIn,
      checkUrl,
    });
  }

  return {
    getJourney: async () => done(await view()),
    async changeJourney(change) {
      await apply(change);
      return done(await view());
    },
    async checkPreflight() {
      await checkPreflight();
      return done(await view());
    },
    ...createActionHandlers({
      deps,
      latestResult: options.latestResult,
      currentPlan,
      choices: () => journeyChoices(options.latestResult(), deps.alternatives),
      record: apply,
      // Before the first change, the pre-flight's block stands (the window shows why and the fix).
      blockedBy: async () => preflightFor((await currentPlan())?.chosen?.id)?.blockedBy ?? null,
    }),
    ...createPasswordExportHandler(deps.files),
  };
}

/** How the handler table gets its journey part: from the host, which alone can build one. */
export type JourneyFactory = (context: {
  readonly now: () => Date;
  readonly latestResult: () => ScanResult | null;
}) => JourneyApi;

/** The journey for a host's migration dependencies (built from the latest-scan getter). */
export function migrationJourney(
  migration: (latestScan: () => ScanResult | null) => MigrationDeps,
): JourneyFactory {
  return ({ now, latestResult }) =>
    createJourneyHandlers({ deps: migration(latestResult), now, latestResult });
}
