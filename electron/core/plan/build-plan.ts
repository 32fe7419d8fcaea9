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
import type { PlanAlternative, PlanProgress, StepId } from './migration-steps';
import { STEP_TITLES } from './migration-steps';
import { type Citation, type MoveOrder, moveOrder } from './move-order';
import { type ProductRemoval, productsToRemove, removalFor } from './removal-routes';
import { STEP_MINUTES_BASIS } from './step-minutes';
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
  /** Where the time comes from: a vendor's statement, or Handover's own estimate. */
  readonly minutesFrom: Citation | null;
  /**
   * A step that comes only if something happens first ("if Windows asks for one after the
   * removal"): shown as still to do until the step before it is done, and skipped only then.
   */
  readonly onlyIf: string | null;
  readonly primaryAction: string | null;
}

/**
 * What protects a Windows computer between the removal of the old antivirus and the new one
 * (move-order.ts): Microsoft Defender, as the latest scan shows it.
 */
export interface InterimProtection {
  readonly name: string;
  /** Real-time protection on (true), off (false) or not readable (null). */
  readonly realtime: boolean | null;
  readonly text: string;
}

/**
 * Where the chosen alternative stands on this scan: not there yet, there with real-time protection
 * off (or unreadable), protecting but with signatures older than Verify accepts, protecting, or
 * built into the system where no scan can read it (XProtect).
 */
export type ChosenState = 'not-found' | 'realtime-off' | 'signatures-stale' | 'protecting' | 'not-readable';

export interface MigrationPlan {
  /** False when the machine needs nothing: the journey ends at Check and says so. */
  readonly needed: boolean;
  /**
   * When nothing must change but a warning applies (Germany's BSI on Kaspersky, while it still
   * updates): why someone might move anyway. The journey can still be started.
   */
  readonly optional: string | null;
  /** The order of this move on this system, and why (move-order.ts). */
  readonly order: Pick<MoveOrder, 'installFirst' | 'why' | 'inBetween' | 'sources'>;
  /** The steps in this system's order (move-order.ts): the rail, the count and the numbers. */
  readonly steps: readonly PlanStep[];
  /** Minutes of the whole move (every step that is not skipped) and of what is left. */
  readonly minutes: { readonly total: number; readonly left: number };
  /** Windows, between the removal and the new product: what protects the computer meanwhile. */
  readonly interim: InterimProtection | null;
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

/**
 * Protected, nothing banned, but an official warning covers a product still installed (the
 * BSI's, in Germany): the person may still want to move, and the plan says why someone would.
 */
function optionalMove(result: ScanResult): string | null {
  if (result.verdict.actions[0]?.code === 'choose-region') return null;
  const warned = result.detections.find(
    (d) => d.status !== 'leftover' && d.ban === null && d.advisories.length > 0,
  );
  const advisory = warned?.advisories[0];
  if (!warned || !advisory) return null;
  return `You do not have to move: ${warned.name} still receives updates here. Some people move anyway, because of an official warning: ${advisory.summary} Handover can guide that move, and asks before it changes anything.`;
}

interface StepContent {
  readonly applies: boolean;
  readonly skippedBecause?: string;
  /** Shown as still to do, with this condition, while the step does not apply yet but may. */
  readonly onlyIf?: string;
  readonly done: boolean;
  readonly what: string;
  readonly why: string;
  readonly minutes: number;
  readonly primaryAction: string | null;
}

export function buildPlan(input: PlanInput): MigrationPlan {
  const { result, progress, now } = input;
  const platform = result.machine.platform;
  const order = moveOrder(platform, result.machine.isServer);
  const at = (id: StepId) => order.steps.indexOf(id);
  const movedPast = (id: StepId) => progress !== null && at(progress.stepId) > at(id);
  const reached = (id: StepId) => progress !== null && at(progress.stepId) >= at(id);
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
  const unreadable =
    chosen?.builtIn && chosen.productId === null && platform === 'macos' ? { name: chosen.name } : null;
  const checks = verifyChecks(result.detections, chosen?.productId ?? null, unreadable);
  const verified = checks.every((c) => c.ok);
  const chosenDetection = chosen
    ? (result.detections.find((d) => d.productId === chosen.productId && d.status !== 'leftover') ?? null)
    : null;
  const chosenState = chosen ? chosenStateOf(chosen, chosenDetection) : null;
  // A built-in protection no scan can read (XProtect) is in place by being part of the system.
  const chosenInstalled =
    chosenState === 'signatures-stale' || chosenState === 'protecting' || chosenState === 'not-readable';
  // The built-in choice is set up here, signatures included (the issue: "offer to update its
  // signatures now"); a downloaded product updates itself once installed, which Verify checks.
  // Where the new one comes first (move-order.ts), it is verified here, before the old one goes.
  const installDone =
    chosen?.builtIn || order.installFirst
      ? chosenState === 'protecting' || chosenState === 'not-readable'
      : chosenInstalled;
  const install = installContent(platform, chosen, chosenState, chosenDetection);
  // Once a journey has started it runs to Done, even when the machine is fine again midway.
  const needed = needsMigration(result) || progress !== null;
  const optional = needed ? null : optionalMove(result);
  const removalDone = toRemove.length === 0;
  const interim = interimProtection(order, result, removalDone && reached('remove'), installDone);
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
      primaryAction: needed || optional ? 'Start' : null,
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
      why: order.installFirst
        ? `${order.why} Choose it first.`
        : `${order.why} ${order.inBetween ?? ''}`.trim(),
      minutes: 3,
      primaryAction: 'Choose',
    },
    remove: {
      applies: toRemove.length > 0 || reached('remove'),
      skippedBecause: 'nothing needs removing',
      done: removalDone,
      what: `Remove ${toRemove.map((d) => d.name).join(', ') || 'the old products'}.`,
      why: order.installFirst
        ? chosenState === 'not-readable'
          ? `${chosen?.name ?? 'The built-in protection'} is part of the system and always on (the vendor's word: no scan can read it), so the old product can go now with no gap. While it stays, it runs without updates.`
          : `${chosen?.name ?? 'The new protection'} is in place and checked, so the old product can go now with no gap. While it stays, it runs without updates.`
        : `A banned product keeps running without updates and keeps another antivirus from taking over. ${order.inBetween ?? ''}`.trim(),
      minutes: 10 * Math.max(1, toRemove.length),
      primaryAction: toRemove.length > 0 ? 'Remove' : null,
    },
    restart: {
      applies: restartReasons.length > 0 || requestedAt !== undefined || progress?.restartRegistered === true,
      skippedBecause: 'Windows is not waiting for a restart',
      // Whether Windows asks for one is known only once the removal has run.
      ...(!removalDone || !reached('remove')
        ? { onlyIf: 'only if Windows asks for one after the removal' }
        : {}),
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
  for (const id of order.steps) {
    const step = content[id];
    let state: StepState;
    const waiting = !step.applies && step.onlyIf !== undefined;
    if (!needed) state = id === 'check' ? 'current' : 'upcoming';
    else if (waiting) state = 'upcoming';
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
      minutesFrom: STEP_MINUTES_BASIS[id] ?? null,
      onlyIf: waiting ? (step.onlyIf ?? null) : null,
      primaryAction: step.primaryAction,
    });
  }
  const counted = steps.filter((st) => st.state !== 'skipped');

  const unprotectedFor =
    progress?.unprotectedSince && progress.protectedAgainAt
      ? dayCount(wholeDaysBetween(new Date(progress.unprotectedSince), new Date(progress.protectedAgainAt)))
      : progress?.unprotectedSince
        ? dayCount(wholeDaysBetween(new Date(progress.unprotectedSince), now))
        : null;

  return {
    needed,
    optional,
    order: {
      installFirst: order.installFirst,
      why: order.why,
      inBetween: order.inBetween,
      sources: order.sources,
    },
    steps,
    minutes: {
      total: counted.reduce((sum, st) => sum + st.minutes, 0),
      left: counted.filter((st) => st.state !== 'done').reduce((sum, st) => sum + st.minutes, 0),
    },
    interim,
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

/**
 * Windows, once the old antivirus is removed and until the new one protects: Microsoft Defender
 * as this scan shows it (Microsoft: it turns itself back on when the other antivirus is gone;
 * not on Windows Server). null elsewhere and outside that window.
 */
function interimProtection(
  order: MoveOrder,
  result: ScanResult,
  removed: boolean,
  installDone: boolean,
): InterimProtection | null {
  if (order.installFirst || !removed || installDone) return null;
  const defender = result.detections.find(
    (d) => d.builtIn && d.kind === 'antivirus' && d.status !== 'leftover',
  );
  if (!defender)
    return {
      name: 'Microsoft Defender Antivirus',
      realtime: null,
      text: 'In the meantime: this scan does not show Microsoft Defender Antivirus, so nothing is known to protect this computer until the new antivirus is in place. Open Windows Security › Virus & threat protection to check it.',
    };
  const realtime = defender.realtime;
  return {
    name: defender.name,
    realtime,
    text:
      realtime === true
        ? `In the meantime: ${defender.name} turned itself back on and protects this computer (real-time protection is on).`
        : realtime === false
          ? `In the meantime: ${defender.name} has not turned back on. Turn it on now: Windows Security › Virus & threat protection › Manage settings › Real-time protection.`
          : `In the meantime: this scan could not read whether ${defender.name} protects this computer. Check it in Windows Security › Virus & threat protection.`,
  };
}

function chosenStateOf(chosen: PlanAlternative, detection: Detection | null): ChosenState {
  // No scan reads it (XProtect: macOS shows its state to no app), and it is part of the system.
  if (chosen.builtIn && chosen.productId === null) return 'not-readable';
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
  if (!chosen?.builtIn && chosen?.packages && platform === 'linux') {
    // Debian's packages and units, as observe/linux/clamav.ts reads them: freshclam keeps the
    // signatures current, and only clamonacc (clamav-clamonacc.service) scans files on access.
    const clamav = chosen.productId === 'clamav';
    return {
      what: `Install ${name} from your system's packages (${chosen.packages.join(', ')})${clamav ? ', let freshclam download its signatures, and start on-access scanning (clamav-clamonacc.service)' : ''}.`,
      why: clamav
        ? 'ClamAV checks files as they are opened only while clamonacc runs, and stays current only while freshclam updates it.'
        : 'Your system installs it and keeps it updated with its other packages.',
      minutes: 15,
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
      // No alternative is part of Linux itself (the catalog test holds it): never reached.
      return {
        what: `Set up ${name}.`,
        why: 'Handover scans again to see it.',
        minutes: 15,
        primaryAction: 'Scan again',
      };
    case 'macos':
      // alternatives.md ("macOS XProtect") and migration-facts.md §2: always on, updated by Apple
      // automatically and separately from macOS updates, checked daily by default.
      return {
        what: `${name} is part of macOS and always on: there is nothing to install or turn on.`,
        why: 'Apple updates its signatures automatically, separately from macOS updates; macOS checks for them every day. macOS shows XProtect’s state to no app, so Handover cannot confirm it on a scan: what it says here is Apple’s word, not a reading.',
        minutes: 1,
        primaryAction: null,
      };
  }
}
