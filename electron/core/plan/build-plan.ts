/**
 * The guided migration as a pure function of the current scan, the saved progress, the
 * alternatives and the time: which steps apply (a step that does not apply is skipped with a
 * one-line reason), which are done, which one is current, and each step's content, made from
 * what this machine shows rather than fixed text. Nothing here is stored: the machine changes
 * between scans, so the plan is rebuilt after every scan and every change of progress.
 */

import { dayCount, wholeDaysBetween } from '../policy/days';
import type { Detection, ScanResult } from '../scan-result';
import { type KeepDataItem, keepDataItems } from './keep-data-items';
import {
  type PlanAlternative,
  type PlanProgress,
  STEP_IDS,
  STEP_TITLES,
  type StepId,
  stepIndex,
} from './migration-steps';
import { type ProductRemoval, productsToRemove, removalFor } from './removal-routes';
import {
  hasFreshSignatures,
  VERIFY_MAX_SIGNATURE_AGE_DAYS,
  type VerifyCheck,
  verifyChecks,
} from './verify-checks';

export type StepState = 'done' | 'current' | 'upcoming' | 'skipped';

export interface PlanStep {
  readonly id: StepId;
  readonly title: string;
  readonly state: StepState;
  /** One line, when skipped: "no Password Manager found". */
  readonly skippedBecause: string | null;
  readonly what: string;
  readonly why: string;
  /** Roughly how long it takes, in minutes. */
  readonly minutes: number;
  readonly primaryAction: string | null;
}

/**
 * Where the chosen alternative stands on this scan: not there yet, there with real-time protection
 * off (or unreadable), protecting but with signatures older than Verify accepts, or protecting.
 */
export type ChosenState = 'not-found' | 'realtime-off' | 'signatures-stale' | 'protecting';

export interface MigrationPlan {
  /** False when the machine needs nothing: the journey ends at Check and says so. */
  readonly needed: boolean;
  readonly steps: readonly PlanStep[];
  readonly current: StepId;
  readonly keepData: readonly KeepDataItem[];
  readonly removals: readonly ProductRemoval[];
  readonly chosen: PlanAlternative | null;
  readonly chosenState: ChosenState | null;
  readonly restartReasons: readonly string[];
  readonly checks: readonly VerifyCheck[];
  /** For Done: how long the machine was without current protection. */
  readonly unprotectedFor: string | null;
}

export interface PlanInput {
  readonly result: ScanResult;
  readonly progress: PlanProgress | null;
  readonly alternatives: readonly PlanAlternative[];
  readonly now: Date;
}

const isBannedActive = (d: Detection) => d.status !== 'leftover' && d.ban !== null;

/** The pending-restart markers in words (parse/windows/pending-restart.ts names them). */
const RESTART_MARKER_WORDS: Readonly<Record<string, string>> = {
  'component-based-servicing': 'Windows updates are waiting to finish',
  'windows-update': 'Windows Update is waiting to finish',
  'computer-rename': 'the computer is waiting to take its new name',
  'configuration-manager': 'Configuration Manager is waiting for a restart',
};

/**
 * A move is needed when the machine is not protected or a banned product is on it. Not while the
 * country is unknown and decides (the verdict's first action is to choose it): whether the
 * product must go depends on that answer, so the person is asked for it first.
 */
function needsMigration(result: ScanResult): boolean {
  if (result.verdict.actions[0]?.code === 'choose-region') return false;
  return result.verdict.level !== 'protected' || result.detections.some(isBannedActive);
}

interface StepContent {
  readonly applies: boolean;
  readonly skippedBecause?: string;
  readonly done: boolean;
  readonly what: string;
  readonly why: string;
  readonly minutes: number;
  readonly primaryAction: string | null;
}

export function buildPlan(input: PlanInput): MigrationPlan {
  const { result, progress, now } = input;
  const platform = result.machine.platform;
  const movedPast = (id: StepId) => progress !== null && stepIndex(progress.stepId) > stepIndex(id);
  const reached = (id: StepId) => progress !== null && stepIndex(progress.stepId) >= stepIndex(id);
  const chosen = input.alternatives.find((a) => a.id === progress?.choices.alternativeId) ?? null;
  const removedAnotherWay = new Set(
    progress?.removed.filter((r) => r.how === 'other-way').map((r) => r.detectionId),
  );
  const toRemove = productsToRemove(result.detections, chosen?.productId ?? null, removedAnotherWay);
  const removals = toRemove.map((d) => removalFor(d, platform));
  const keepData = keepDataItems(result.detections);
  const requestedAt = progress?.restartRequestedAt;
  const bootedAt = result.machine.bootedAt;
  const restartedSince = requestedAt !== undefined && bootedAt !== null && bootedAt > requestedAt;
  const restartReasons = [
    ...(result.machine.pendingRestart ?? []).map((marker) => RESTART_MARKER_WORDS[marker] ?? marker),
    ...(requestedAt && !restartedSince ? ['an uninstaller asked for one'] : []),
  ];
  const checks = verifyChecks(result.detections, chosen?.productId ?? null);
  const verified = checks.every((c) => c.ok);
  const chosenDetection = chosen
    ? (result.detections.find((d) => d.productId === chosen.productId && d.status !== 'leftover') ?? null)
    : null;
  const chosenState = chosen ? chosenStateOf(chosenDetection) : null;
  const chosenInstalled = chosenState === 'signatures-stale' || chosenState === 'protecting';
  // The built-in choice is set up here, signatures included (the issue: "offer to update its
  // signatures now"); a downloaded product updates itself once installed, which Verify checks.
  const installDone = chosen?.builtIn ? chosenState === 'protecting' : chosenInstalled;
  const install = installContent(platform, chosen, chosenState, chosenDetection);
  // Once a journey has started it runs to Done, even when the machine is fine again midway.
  const needed = needsMigration(result) || progress !== null;
  const deadline = result.verdict.deadline;

  const content: Record<StepId, StepContent> = {
    check: {
      applies: true,
      done: movedPast('check'),
      what: result.verdict.headline,
      why: deadline
        ? deadline.daysSince >= 0
          ? `Updates stopped on ${deadline.display}, ${dayCount(deadline.daysSince)} ago: every day since, new threats go unrecognised.`
          : `Updates stop in ${dayCount(-deadline.daysSince)}, on ${deadline.display}: move before then to keep protection without a gap.`
        : (result.verdict.actions[0]?.text ??
          (needed
            ? 'This computer is not protected as it should be.'
            : 'Nothing needs to change on this computer.')),
      minutes: 1,
      primaryAction: needed ? 'Start' : null,
    },
    'keep-data': {
      applies: keepData.length > 0 || movedPast('keep-data'),
      skippedBecause: 'no Kaspersky data to keep was found',
      done: movedPast('keep-data'),
      what: `Before anything is removed, save what only it holds (${keepData.length} ${keepData.length === 1 ? 'thing' : 'things'} below).`,
      why: 'Once a product is removed, what only it held is gone.',
      minutes: 5 + 5 * keepData.filter((i) => i.handoverHelps).length,
      primaryAction: 'Continue',
    },
    choose: {
      applies: true,
      done: chosen !== null,
      what: 'Choose what protects this computer next.',
      why: 'Removing the old antivirus before a new one is ready would leave this computer unprotected.',
      minutes: 3,
      primaryAction: 'Choose',
    },
    remove: {
      applies: toRemove.length > 0 || reached('remove'),
      skippedBecause: 'nothing needs removing',
      done: toRemove.length === 0,
      what: `Remove ${toRemove.map((d) => d.name).join(', ') || 'the old products'}.`,
      why: 'A banned product keeps running without updates and blocks another antivirus from taking over.',
      minutes: 10 * Math.max(1, toRemove.length),
      primaryAction: toRemove.length > 0 ? 'Remove' : null,
    },
    restart: {
      applies:
        platform === 'windows' &&
        (restartReasons.length > 0 || requestedAt !== undefined || progress?.restartRegistered === true),
      skippedBecause:
        platform === 'windows' ? 'Windows is not waiting for a restart' : 'not needed on this system',
      done: restartReasons.length === 0,
      what: 'Restart the computer to finish removing the old product.',
      why: `Windows is waiting for a restart: ${restartReasons.join('; ')}. Handover opens again afterwards and carries on here.`,
      minutes: 5,
      primaryAction: 'Restart now',
    },
    install: { applies: true, done: installDone, ...install },
    verify: {
      applies: true,
      // Passing checks are shown once, and the person finishes: the moment they see it works.
      done: verified && chosenInstalled && movedPast('verify'),
      what:
        verified && chosenInstalled
          ? 'A fresh scan shows the new protection works.'
          : 'A fresh scan confirms the new protection works.',
      why:
        checks
          .filter((c) => !c.ok)
          .map((c) => c.text)
          .join(' ') || 'Everything checks out.',
      minutes: 2,
      primaryAction: verified && chosenInstalled ? 'Finish' : 'Scan again',
    },
    done: {
      applies: true,
      done: false,
      what: 'This computer is protected again.',
      why: 'Keep the new antivirus updating automatically.',
      minutes: 0,
      primaryAction: null,
    },
  };

  let current: StepId = 'check';
  const steps: PlanStep[] = [];
  let currentFound = !needed;
  for (const id of STEP_IDS) {
    const step = content[id];
    let state: StepState;
    if (!needed) state = id === 'check' ? 'current' : 'upcoming';
    else if (!step.applies) state = 'skipped';
    else if (step.done && !currentFound) state = 'done';
    else if (!currentFound) {
      state = 'current';
      current = id;
      currentFound = true;
    } else state = 'upcoming';
    steps.push({
      id,
      title: STEP_TITLES[id],
      state,
      skippedBecause: state === 'skipped' ? (step.skippedBecause ?? null) : null,
      what: step.what,
      why: step.why,
      minutes: step.minutes,
      primaryAction: step.primaryAction,
    });
  }

  const unprotectedFor =
    progress?.unprotectedSince && progress.protectedAgainAt
      ? dayCount(wholeDaysBetween(new Date(progress.unprotectedSince), new Date(progress.protectedAgainAt)))
      : progress?.unprotectedSince
        ? dayCount(wholeDaysBetween(new Date(progress.unprotectedSince), now))
        : null;

  return {
    needed,
    steps,
    current,
    keepData,
    removals,
    chosen,
    chosenState,
    restartReasons,
    checks,
    unprotectedFor,
  };
}

function chosenStateOf(detection: Detection | null): ChosenState {
  if (!detection) return 'not-found';
  if (detection.realtime !== true) return 'realtime-off';
  return hasFreshSignatures(detection) ? 'protecting' : 'signatures-stale';
}

/** What Install asks on this system, for the chosen alternative in the state this scan shows. */
function installContent(
  platform: ScanResult['machine']['platform'],
  chosen: PlanAlternative | null,
  state: ChosenState | null,
  detection: Detection | null,
): Pick<StepContent, 'what' | 'why' | 'minutes' | 'primaryAction'> {
  const name = chosen?.name ?? 'the antivirus you chose';
  const age = detection?.signatures.ageDays;
  const staleWhat = `Update ${name}'s virus signatures${age !== null && age !== undefined ? `: the newest it has are ${dayCount(age)} old` : ''}.`;
  if (!chosen?.builtIn && state === 'signatures-stale') {
    return {
      what: staleWhat,
      why: `Signatures older than ${VERIFY_MAX_SIGNATURE_AGE_DAYS} days miss the newest threats. Open ${name} and use its update command, then scan again.`,
      minutes: 5,
      primaryAction: 'Scan again',
    };
  }
  if (!chosen?.builtIn) {
    return {
      what: `Install ${name} from its official download page.`,
      why: "Handover opens only the vendor's official page, and waits until the new product shows up in a scan.",
      minutes: 15,
      primaryAction: 'Open the download page',
    };
  }
  if (state === 'signatures-stale') {
    return {
      what: staleWhat,
      why: `Signatures older than ${VERIFY_MAX_SIGNATURE_AGE_DAYS} days miss the newest threats; an update takes a minute or two.`,
      minutes: 3,
      primaryAction: 'Update its signatures now',
    };
  }
  // Sources: research/alternatives.md (the built-in option per system).
  switch (platform) {
    case 'windows':
      return {
        what: `Turn ${name} back on and update its signatures.`,
        why: 'It turns itself off while another antivirus is installed, and usually back on after that one is removed.',
        minutes: 5,
        primaryAction: 'Check it is on',
      };
    case 'linux':
      // Debian's packages and units, as observe/linux/clamav.ts reads them: freshclam keeps the
      // signatures current, and only clamonacc (clamav-clamonacc.service) scans files on access.
      return {
        what: `Install ${name} (the clamav, clamav-freshclam and clamav-daemon packages), let freshclam download its signatures, and start on-access scanning (clamav-clamonacc.service).`,
        why: 'ClamAV checks files as they are opened only while clamonacc runs, and stays current only while freshclam updates it.',
        minutes: 15,
        primaryAction: 'Check it is on',
      };
    case 'macos':
      // alternatives.md ("macOS XProtect") and migration-facts.md §2: always on, updated by Apple
      // automatically and separately from macOS updates, checked daily by default.
      return {
        what: `${name} is part of macOS and always on: there is nothing to install or turn on.`,
        why: 'Apple updates its signatures automatically, separately from macOS updates; macOS checks for them every day. Handover cannot read XProtect’s state yet, so it cannot confirm it for you here.',
        minutes: 1,
        primaryAction: 'Check it is on',
      };
  }
}
