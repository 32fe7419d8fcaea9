/**
 * The Choose step's list, short and grounded: which alternatives can run on this machine, the
 * best fit first (preselected in the window) with the two facts that made it the best fit, at most
 * a few others, the rest folded, and what to do where none is stated to run here (issue 12 §2).
 * Pure: the choices for this OS and audience (journeyChoices) and the machine's facts in.
 *
 * THE RANKING RULE, from the catalog's evidence and nothing else (no vendor preference):
 *   0. an alternative whose sources say it does not run on this OS version or processor is left
 *      out of the list (and named, with why, under "Not for this computer");
 *   1. one stated to run on this machine's version before one whose sources state no version;
 *   2. built in (already on the machine) before one to install;
 *   3. a confirmed free version before none: the person has not said they will pay;
 *   4. more confirmed independent test results for this OS before fewer;
 *   5. then by name, then id (stable).
 * Shown open: the first SHOWN of those ranked that have an official page (a download or product
 * page on the vendor's domain that the research read), so every alternative on screen has a link
 * that opens; the rest are folded.
 */
import { confirmedIn, freeTierConfirmed, officialLink, testConfirmed } from '../catalog/alternative-evidence';
import type {
  AlternativeNote,
  AlternativePlatform,
  Architecture,
  TestResult,
} from '../catalog/alternative-schema';
import type { AlternativeChoice } from '../catalog/load-alternatives';
import { type SystemFacts, systemFit, versionNumbers } from './system-support';

/** How many alternatives are shown open (the best fit and the others); the rest are folded. */
export const SHOWN = 4;

/** What the ranking knows of the machine (from the scan). */
export interface MachineFit extends SystemFacts {
  /** Detection catalog product ids the scan found installed (not leftovers). */
  readonly installed: readonly string[];
}

export type Support =
  /** A source states it runs on this version (and processor, where the source names processors). */
  | { readonly state: 'runs'; readonly label: string; readonly confirmed: boolean }
  /**
   * No source states which versions it runs on (`stated` empty), or the machine's version is not
   * known (`stated`: what the sources do say for this platform, "Windows 10 and 11").
   */
  | { readonly state: 'not-stated'; readonly stated: readonly string[] }
  /** A source states it needs a newer version or another processor. */
  | { readonly state: 'unsupported'; readonly why: string };

export interface RankedChoice extends AlternativeChoice {
  readonly support: Support;
  /** The official page to open, or null (then it is never shown open). */
  readonly link: { readonly url: string; readonly kind: 'download' | 'product' } | null;
  /** Up to two facts in plain words: what put it where it is (shown for the best fit). */
  readonly reasons: readonly string[];
  readonly costConfirmed: boolean;
  readonly testsShown: readonly { readonly test: TestResult; readonly confirmed: boolean }[];
  readonly notesShown: readonly { readonly note: AlternativeNote; readonly confirmed: boolean }[];
}

export interface ChoiceList {
  /** The best fit, preselected; null when nothing is stated to run here and nothing has a page. */
  readonly best: RankedChoice | null;
  /** At most SHOWN - 1 others, in rank order. */
  readonly others: readonly RankedChoice[];
  /** The rest that may run here, folded, in rank order. */
  readonly folded: readonly RankedChoice[];
  /** Those whose sources say they do not run on this machine, with why. */
  readonly notForThisMachine: readonly RankedChoice[];
  /** Set when none is stated to run on this machine: what the person can do. */
  readonly noneStated: string | null;
}

const PLATFORM_WORDS: Readonly<Record<AlternativePlatform, string>> = {
  windows: 'Windows',
  'windows-server': 'Windows Server',
  macos: 'macOS',
  linux: 'Linux',
};

const ARCHITECTURE_WORDS: Readonly<Record<Architecture, string>> = {
  x64: '64-bit (x64)',
  x86: '32-bit (x86)',
  arm64: 'ARM',
};

/** What the sources say about running on this machine (system-support.ts, shared with the pre-flight). */
export function supportOn(choice: AlternativeChoice, machine: MachineFit): Support {
  const fit = systemFit(choice.alternative.systems, machine);
  switch (fit.state) {
    case 'runs':
      return {
        state: 'runs',
        label: fit.entry.label,
        confirmed: confirmedIn(choice.alternative, fit.entry.sources),
      };
    case 'not-stated':
      return { state: 'not-stated', stated: fit.stated.map((s) => s.label) };
    case 'unsupported':
      return {
        state: 'unsupported',
        why:
          fit.why === 'version'
            ? `Its sources name ${fit.oldest.label} as the oldest it runs on`
            : `Not made for ${ARCHITECTURE_WORDS[fit.architecture]} processors`,
      };
  }
}

function reasonsFor(choice: RankedChoice, machine: MachineFit): string[] {
  const a = choice.alternative;
  const os = PLATFORM_WORDS[machine.os];
  const confirmedTests = choice.testsShown.filter((t) => t.confirmed).length;
  const candidates = [
    a.builtIn &&
    (choice.support.state === 'runs' || (a.productId !== null && machine.installed.includes(a.productId)))
      ? `Already on this computer: part of ${os}`
      : null,
    a.builtIn && choice.costConfirmed ? 'No extra cost' : null,
    !a.builtIn && choice.costConfirmed ? 'Has a free version' : null,
    confirmedTests > 0
      ? `${confirmedTests} independent test ${confirmedTests === 1 ? 'result' : 'results'} for ${os}`
      : null,
    choice.support.state === 'runs' && choice.support.confirmed ? `Runs on ${choice.support.label}` : null,
  ];
  return candidates.filter((r): r is string => r !== null).slice(0, 2);
}

function ranked(choice: AlternativeChoice, machine: MachineFit): RankedChoice {
  const a = choice.alternative;
  const partial: RankedChoice = {
    ...choice,
    support: supportOn(choice, machine),
    link: officialLink(a),
    reasons: [],
    costConfirmed: freeTierConfirmed(a),
    testsShown: choice.tests.map((test) => ({ test, confirmed: testConfirmed(a, test) })),
    notesShown: choice.notes.map((note) => ({
      note,
      confirmed: note.kind === 'fact' && confirmedIn(a, note.sources),
    })),
  };
  return { ...partial, reasons: reasonsFor(partial, machine) };
}

const byName = new Intl.Collator('en', { sensitivity: 'base' });

/** The ranking rule, steps 1 to 5 (step 0 is a filter). */
export function compareRanked(x: RankedChoice, y: RankedChoice): number {
  const stated = (c: RankedChoice) => (c.support.state === 'runs' ? 0 : 1);
  const confirmedTests = (c: RankedChoice) => c.testsShown.filter((t) => t.confirmed).length;
  return (
    stated(x) - stated(y) ||
    Number(y.alternative.builtIn) - Number(x.alternative.builtIn) ||
    Number(y.costConfirmed) - Number(x.costConfirmed) ||
    confirmedTests(y) - confirmedTests(x) ||
    byName.compare(x.alternative.name, y.alternative.name) ||
    (x.alternative.id < y.alternative.id ? -1 : x.alternative.id > y.alternative.id ? 1 : 0)
  );
}

/** The Choose step's list for this machine. */
export function rankChoices(choices: readonly AlternativeChoice[], machine: MachineFit): ChoiceList {
  const all = choices.map((c) => ranked(c, machine));
  const notForThisMachine = all.filter((c) => c.support.state === 'unsupported').sort(compareRanked);
  const possible = all.filter((c) => c.support.state !== 'unsupported').sort(compareRanked);
  const open = possible.filter((c) => c.link !== null).slice(0, SHOWN);
  const folded = possible.filter((c) => !open.includes(c));
  // With the machine's version unknown nothing can be stated either way: say nothing.
  const anyStated =
    possible.some((c) => c.support.state === 'runs') || versionNumbers(machine.osVersion) === null;
  const osWords = machine.osName ?? `this version of ${PLATFORM_WORDS[machine.os]}`;
  return {
    best: open[0] ?? null,
    others: open.slice(1),
    folded,
    notForThisMachine,
    noneStated:
      anyStated || choices.length === 0
        ? null
        : possible.length === 0
          ? `None of the alternatives Handover lists runs on ${osWords}, by their own sources. Moving to a newer version of ${PLATFORM_WORDS[machine.os]} (or a newer computer) is the way to get a security product that is supported on it.`
          : `Handover's sources do not say whether any of these runs on ${osWords}. Before you pay for one, check its system requirements on the vendor's page; if none supports this version, moving to a newer version of ${PLATFORM_WORDS[machine.os]} is the way to stay protected.`,
  };
}
