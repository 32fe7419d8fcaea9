/**
 * The verdict's reasons ("Why"), one small named rule each, with the stable codes it writes
 * (docs/scan-result.md lists them; scripts and reports rely on them). A rule states a fact about
 * the machine; what to do about it is an action (action-rules.ts), never part of a reason.
 */
import { inCountry } from '../../region/countries';
import type { Detection, Reason, ReasonCode } from '../../scan-result';
import { concernsEveryone } from '../ban-status';
import { dayCount } from '../days';
import { STALE_AFTER_DAYS } from '../signature-freshness';
import { type ListingNotRead, ownFailures, type VerdictFacts } from './verdict-facts';
import { banOf, countdown, dayOf, names, sentence } from './verdict-words';

export interface ReasonRule {
  readonly name: string;
  /** The stable codes this rule writes. */
  readonly codes: readonly ReasonCode[];
  readonly reasons: (facts: VerdictFacts) => readonly Reason[];
}

const ids = (detections: readonly Detection[]) => detections.map((d) => d.id);

/**
 * Region unknown while a product is banned in some country: the missing fact decides the
 * verdict, so say what is known there and that the region is needed (issue 11, section 3).
 */
export const regionUnknownBannedElsewhere: ReasonRule = {
  name: 'region-unknown-banned-elsewhere',
  codes: ['ban-advisory'],
  reasons: ({ bannedElsewhere }) => {
    if (bannedElsewhere.length === 0) return [];
    const products = bannedElsewhere.map((b) => b.detection);
    const they = products.length === 1 ? 'it' : 'they';
    const known = uniqueBans(bannedElsewhere.flatMap((b) => b.bans)).map(
      (ban) =>
        `${inCountry(ban.jurisdiction)} ${they} ${ban.updatesEnded ? 'stopped' : 'stop'} receiving updates on ${ban.updatesEndDisplay}`,
    );
    return [
      {
        code: 'ban-advisory',
        severity: 'action',
        text: `Handover does not know which country this computer is in, and the rules there decide whether ${names(products)} can still be relied on: ${known.join('; ')}.`,
        detectionIds: ids(products),
      },
    ];
  },
};

function uniqueBans<T extends { readonly banId: string }>(bans: readonly T[]): T[] {
  return [...new Map(bans.map((ban) => [ban.banId, ban])).values()];
}

/** A product covered by a ban in force here whose updates have ended. */
export const bannedUpdatesStopped: ReasonRule = {
  name: 'banned-updates-stopped',
  codes: ['banned-product-updates-stopped'],
  reasons: ({ bannedStopped }) =>
    bannedStopped.map((d) => {
      const ban = banOf(d);
      const { date, ageDays } = d.signatures;
      const older =
        d.kind === 'antivirus' &&
        date &&
        ageDays !== null &&
        Date.parse(date) < Date.parse(ban.updatesEndAt ?? '')
          ? ` Its virus signatures are older still: last updated ${dayCount(ageDays)} ago, on ${dayOf(date)}.`
          : '';
      return {
        code: 'banned-product-updates-stopped',
        severity: 'action',
        text: `${d.name} stopped receiving updates ${dayCount(ban.daysSinceUpdatesEnded ?? 0)} ago, on ${ban.updatesEndDisplay}, when the ban ${inCountry(ban.jurisdiction)} ended them.${older}`,
        detectionIds: [d.id],
      };
    }),
};

/** A product covered by a ban in force here whose cutoff is still ahead: a countdown. */
export const bannedUpdatesStopSoon: ReasonRule = {
  name: 'banned-updates-stop-soon',
  codes: ['banned-product-updates-stop-soon'],
  reasons: ({ bannedAhead }) =>
    bannedAhead.map((d) => {
      const ban = banOf(d);
      return {
        code: 'banned-product-updates-stop-soon',
        severity: 'action',
        text: `${d.name} ${countdown(ban)}, when the ban ${inCountry(ban.jurisdiction)} ends them.`,
        detectionIds: [d.id],
      };
    }),
};

/** Why an antivirus of its own accord (not banned, not stepped aside) does not protect, or may not. */
export function whyNotProtecting(d: Detection): Pick<Reason, 'code' | 'text'> {
  const { upToDate, date, ageDays, reportedUpToDate } = d.signatures;
  if (upToDate === false && date === null) {
    // Only the product's own flag says so (Security Center's bit, the updater's last run): it
    // has signatures, Handover just cannot see how old they are.
    return {
      code: 'signatures-missing',
      text: `${d.name} reports that its virus signatures are out of date, and no date of its last update was found.`,
    };
  }
  if (upToDate === false) {
    const when = date ? ` (last updated on ${dayOf(date)})` : '';
    return {
      code: 'signatures-out-of-date',
      text:
        reportedUpToDate === false && ageDays !== null && ageDays <= STALE_AFTER_DAYS
          ? `${d.name} reports that its virus signatures are out of date${when}.`
          : `The virus signatures of ${d.name} are ${dayCount(ageDays ?? 0)} old${when}; Handover counts signatures older than ${dayCount(STALE_AFTER_DAYS)} as out of date.`,
    };
  }
  if (d.realtime === false)
    return { code: 'realtime-off', text: `${d.name} has its real-time protection off.` };
  const unknown = [
    ...(d.realtime === null ? ['whether its real-time protection is on'] : []),
    ...(upToDate === null ? ['whether its virus signatures are current'] : []),
  ];
  return {
    code: 'realtime-unknown',
    text: `Handover could not tell whether ${d.name} is protecting this computer: nothing it read shows ${unknown.join(' or ') || 'its state'}.`,
  };
}

/** An antivirus that does not protect, or whose state no source tells. */
export const antivirusNotProtecting: ReasonRule = {
  name: 'antivirus-not-protecting',
  codes: ['signatures-missing', 'signatures-out-of-date', 'realtime-off', 'realtime-unknown'],
  reasons: (facts) =>
    [...ownFailures(facts), ...facts.unknown].map((d) => {
      const why = whyNotProtecting(d);
      return { ...why, severity: why.code === 'realtime-unknown' ? 'info' : 'action', detectionIds: [d.id] };
    }),
};

/** Defender off beside another active, current antivirus: Windows working as designed. */
export const builtInSteppedAside: ReasonRule = {
  name: 'built-in-stepped-aside',
  codes: ['stepped-aside'],
  reasons: ({ steppedAside, protectors }) => {
    const others = protectors.filter((d) => !d.builtIn);
    return steppedAside.map((d) => ({
      code: 'stepped-aside',
      severity: 'info',
      text: `${d.name} has stepped aside for ${names(others)}, as designed: Windows turns it off while another antivirus is installed and kept up to date, and back on if that one is removed.`,
      detectionIds: [d.id],
    }));
  },
};

function signaturesInWords(d: Detection): string {
  const { date, ageDays } = d.signatures;
  if (date && ageDays !== null) {
    return `its virus signatures were updated ${ageDays <= 0 ? 'today' : `${dayCount(ageDays)} ago`}, on ${dayOf(date)}`;
  }
  // Security Center's bit (or the product's own flag) is the product's claim, not a date.
  return 'it reports its virus signatures up to date (it shows no date for them)';
}

/** An antivirus that protects: real-time on and signatures current. */
export const protectedBy: ReasonRule = {
  name: 'protected-by',
  codes: ['protected-by'],
  reasons: ({ protectors }) =>
    protectors.map((d) => ({
      code: 'protected-by',
      severity: 'info',
      text: `${d.name} is protecting this computer: real-time protection is on and ${signaturesInWords(d)}.`,
      detectionIds: [d.id],
    })),
};

/** Warnings in force here that concern everyone (Germany's BSI), once per warning. */
export const banAdvisories: ReasonRule = {
  name: 'ban-advisories',
  codes: ['ban-advisory'],
  reasons: ({ active }) => {
    const advised = new Map<string, Detection[]>();
    for (const d of active) {
      // Government-only actions stay on the detection (for technicians).
      for (const advisory of d.advisories.filter((a) => concernsEveryone(a.scope))) {
        advised.set(advisory.summary, [...(advised.get(advisory.summary) ?? []), d]);
      }
    }
    return [...advised].map(([summary, ds]) => ({
      code: 'ban-advisory',
      severity: 'info',
      text: summary,
      detectionIds: ids(ds),
    }));
  },
};

export const leftoversPresent: ReasonRule = {
  name: 'leftovers-present',
  codes: ['leftover-present'],
  reasons: ({ leftovers }) =>
    leftovers.length === 0
      ? []
      : [
          {
            code: 'leftover-present',
            severity: 'info',
            text: `Parts of ${names(leftovers)} are still on this computer after it was removed.`,
            detectionIds: ids(leftovers),
          },
        ],
};

export const sourcesUnreadable: ReasonRule = {
  name: 'sources-unreadable',
  codes: ['source-unreadable'],
  reasons: ({ completeness }) =>
    completeness.unreadable.map((source) => ({
      code: 'source-unreadable',
      severity: 'info',
      text: source.reason ? sentence(source.reason) : `Could not read ${source.label}.`,
      detectionIds: [],
    })),
};

/** The places not read, grouped by why: "not on this computer: A, B; could not be read: C". */
export function listingsInWords(facts: VerdictFacts): string {
  const listings = facts.completeness.listingsNotRead ?? [];
  const group = (words: string, why: ListingNotRead['why']) => {
    const labels = listings.filter((s) => s.why === why).map((s) => s.label);
    return labels.length > 0 ? [`${words}: ${labels.join(', ')}`] : [];
  };
  return [
    ...group('not on this computer', 'not-present'),
    ...group('could not be read', 'unreadable'),
    ...group('not recorded in this scan', 'not-recorded'),
  ].join('; ');
}

/**
 * An antivirus was found but none protects, and the lists of antivirus products were not all
 * read: another product may be installed. Says which lists and why, so it never reads as
 * "could not be read" beside a screen that says everything could.
 */
export const inventoryIncomplete: ReasonRule = {
  name: 'inventory-incomplete',
  codes: ['inventory-incomplete'],
  reasons: (facts) => {
    if (facts.completeness.authoritative || facts.antivirus.length === 0 || facts.protectors.length > 0)
      return [];
    const listings = listingsInWords(facts);
    return [
      {
        code: 'inventory-incomplete',
        severity: 'info',
        text: `Handover could not check every place that lists antivirus products, so another antivirus may be installed${listings ? ` (${listings})` : ''}.`,
        detectionIds: [],
      },
    ];
  },
};

export const noActiveAntivirus: ReasonRule = {
  name: 'no-active-antivirus',
  codes: ['no-active-antivirus'],
  reasons: ({ antivirus, completeness }) =>
    antivirus.length === 0 && completeness.authoritative
      ? [
          {
            code: 'no-active-antivirus',
            severity: 'action',
            text: 'No antivirus with real-time protection was found on this computer.',
            detectionIds: [],
          },
        ]
      : [],
};

/** In this order; the verdict then lists the ones that need action first. */
export const REASON_RULES: readonly ReasonRule[] = [
  noActiveAntivirus,
  regionUnknownBannedElsewhere,
  bannedUpdatesStopped,
  bannedUpdatesStopSoon,
  antivirusNotProtecting,
  builtInSteppedAside,
  protectedBy,
  banAdvisories,
  leftoversPresent,
  sourcesUnreadable,
  inventoryIncomplete,
];
