/**
 * The verdict's level and headline: named rules tried in order, the first that applies decides.
 * The order is the policy: missing facts that decide the answer come before any reassurance, so
 * Handover never says "protected" when it cannot know (issue 11, section 3).
 */
import { inCountry } from '../../region/countries';
import type { Detection, VerdictLevel } from '../../scan-result';
import { ownFailures, type VerdictFacts } from './verdict-facts';
import { banOf, countdown, isAre, names, withoutUpdates } from './verdict-words';

export interface LevelRule {
  readonly name: string;
  readonly level: VerdictLevel;
  readonly applies: (facts: VerdictFacts) => boolean;
  /** The one sentence a home user reads first. */
  readonly headline: (facts: VerdictFacts) => string;
}

/** No antivirus protects or may protect, and that is known whatever the region. */
function provablyUnprotected(f: VerdictFacts): boolean {
  return (
    f.protectors.length === 0 &&
    f.unknown.length === 0 &&
    (f.antivirus.length > 0 || f.completeness.authoritative)
  );
}

/** " Kaspersky VPN stops receiving updates in 12 days, on 29 September 2024." for each cutoff ahead. */
function countdowns(banned: readonly Detection[]): string {
  return banned.map((d) => ` ${d.name} ${countdown(banOf(d))}.`).join('');
}

/**
 * Region unknown, a product banned somewhere, and the answer would differ by country: say what
 * is known there and ask for the region. Not when the machine is unprotected anyway.
 */
export const regionDecides: LevelRule = {
  name: 'region-decides',
  level: 'cannot-tell',
  applies: (f) => f.bannedElsewhere.length > 0 && !provablyUnprotected(f),
  headline: ({ bannedElsewhere }) => {
    const first = bannedElsewhere[0];
    const ban = first?.bans[0];
    if (!first || !ban) return '';
    const products = bannedElsewhere.filter((b) => b.bans.some((x) => x.banId === ban.banId));
    const verb = ban.updatesEnded ? 'stopped' : 'stops';
    return `Handover needs to know which country this computer is in: ${inCountry(ban.jurisdiction)}, ${names(products.map((b) => b.detection))} ${verb} receiving updates on ${ban.updatesEndDisplay}.`;
  },
};

/** The protecting antivirus is itself banned here, its cutoff ahead: a countdown. */
export const bannedProtectorCutoffAhead: LevelRule = {
  name: 'banned-protector-cutoff-ahead',
  level: 'at-risk',
  applies: (f) => f.protectors.some((d) => f.bannedAhead.includes(d)),
  headline: (f) => {
    const protector = f.protectors.find((d) => f.bannedAhead.includes(d)) as Detection;
    const others = f.bannedAhead.filter((d) => d !== protector);
    return `Your antivirus ${countdown(banOf(protector))}.${countdowns(others)}`;
  },
};

/** Something protects, but a product banned here is installed. */
export const protectedButBannedInstalled: LevelRule = {
  name: 'protected-but-banned-installed',
  level: 'at-risk',
  applies: (f) => f.protectors.length > 0 && f.banned.length > 0,
  headline: (f) => {
    const protector = f.protectors[0] as Detection;
    const { bannedStopped } = f;
    const stopped = bannedStopped.length
      ? `, but ${names(bannedStopped)} ${isAre(bannedStopped)} still installed and no longer ${bannedStopped.length === 1 ? 'receives' : 'receive'} updates`
      : '';
    return `${protector.name} is protecting this computer${stopped}.${countdowns(f.bannedAhead)}`;
  },
};

export const protectedBy: LevelRule = {
  name: 'protected-by',
  level: 'protected',
  applies: (f) => f.protectors.length > 0,
  headline: (f) => `${(f.protectors[0] as Detection).name} is protecting this computer.`,
};

/** A cutoff ahead and an antivirus whose state is unknown: the countdown is certain, so at risk. */
export const cutoffAheadStateUnknown: LevelRule = {
  name: 'cutoff-ahead-state-unknown',
  level: 'at-risk',
  applies: (f) => f.bannedAhead.length > 0 && f.unknown.length > 0,
  headline: (f) => {
    const [first, ...others] = f.bannedAhead as [Detection, ...Detection[]];
    const whom = f.unknown.length === 1 && f.unknown[0] === first ? 'it' : names(f.unknown);
    return `${first.name} ${countdown(banOf(first))}, and Handover could not tell whether ${whom} ${isAre(f.unknown)} protecting this computer now.${countdowns(others)}`;
  },
};

/** An antivirus's state is unknown and nothing protects for sure. */
export const stateUnknown: LevelRule = {
  name: 'state-unknown',
  level: 'cannot-tell',
  applies: (f) => f.unknown.length > 0,
  headline: (f) => {
    const stopped = f.bannedStopped.find((d) => d.kind === 'antivirus');
    const could = `Handover could not tell whether ${names(f.unknown)} ${isAre(f.unknown)} protecting this computer.`;
    if (!stopped) return could;
    return `${withoutUpdates(stopped, stopped.name).text}, and ${could}`;
  },
};

function notProtectingHeadline(d: Detection): string {
  const { upToDate, date } = d.signatures;
  const why =
    upToDate === false && date === null
      ? 'it reports that its virus signatures are out of date'
      : upToDate === false
        ? 'its virus signatures are out of date'
        : 'its real-time protection is off';
  return `${d.name} is installed but is not protecting this computer: ${why}.`;
}

/** No antivirus protects, and every one found is known not to (or none is installed). */
export const notProtected: LevelRule = {
  name: 'not-protected',
  level: 'unprotected',
  applies: provablyUnprotected,
  headline: (f) => {
    const stopped = f.bannedStopped.find((d) => d.kind === 'antivirus');
    const failing = ownFailures(f)[0];
    const first = stopped
      ? `${withoutUpdates(stopped, 'Your antivirus').text}.`
      : failing
        ? notProtectingHeadline(failing)
        : 'No antivirus is protecting this computer.';
    return `${first}${countdowns(f.bannedAhead)}`;
  },
};

/** Nothing found, and the lists of antivirus products could not be read. */
export const nothingListed: LevelRule = {
  name: 'nothing-listed',
  level: 'cannot-tell',
  applies: () => true,
  headline: (f) => {
    const listings = f.completeness.listingsNotRead ?? [];
    const absent = listings.length > 0 && listings.every((s) => s.why === 'not-present');
    return absent
      ? `Handover could not tell whether this computer is protected: none of the places that list antivirus products is on it (${listings.map((s) => s.label).join(', ')}).`
      : 'Handover could not tell whether this computer is protected: the places that list antivirus products could not be read.';
  },
};

/** Tried in this order; the last always applies. */
export const LEVEL_RULES: readonly LevelRule[] = [
  regionDecides,
  bannedProtectorCutoffAhead,
  protectedButBannedInstalled,
  protectedBy,
  cutoffAheadStateUnknown,
  stateUnknown,
  notProtected,
  nothingListed,
];
