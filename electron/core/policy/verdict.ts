/**
 * The machine's verdict from its detections, the region and the time: protected, at risk,
 * unprotected or cannot tell, with reasons in plain words and as stable codes.
 *
 * - protected: an antivirus is protecting (real-time on, signatures current) and no product
 *   covered by a ban in force here is installed.
 * - at risk: something protects now, but a banned product is installed (or it is the protector
 *   and its cutoff is still ahead).
 * - unprotected: no antivirus protects, and every antivirus found is known not to.
 * - cannot tell: an antivirus's state is unknown, or nothing was found while the sources that
 *   list antivirus products could not be read. Handover never guesses "protected".
 */

import type { Ban } from '../catalog/ban-schema';
import type { SourceReport } from '../observations';
import type { Detection, Reason, Verdict } from '../scan-result';
import { bindingBansCovering, concernsEveryone } from './ban-status';
import { dayCount, wholeDaysBetween } from './days';

export interface InventoryCompleteness {
  /** The sources that list antivirus products on this OS were read (WSC, packages, apps). */
  readonly authoritative: boolean;
  readonly unreadable: readonly SourceReport[];
}

const isActive = (d: Detection) => d.status !== 'leftover';

/** Source reasons are clauses ("could not read X because Y"); reasons are shown as sentences. */
const sentence = (text: string) =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
const isAntivirus = (d: Detection) => d.kind === 'antivirus' && isActive(d);

function names(detections: readonly Detection[]): string {
  const list = detections.map((d) => d.name);
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

/** Days since the last update a banned product could have had: its database date, or the cutoff. */
function daysWithoutUpdates(d: Detection, now: Date): number {
  const cutoffDays = d.ban?.daysSinceUpdatesEnded ?? 0;
  if (!d.signatures.date) return cutoffDays;
  return Math.max(cutoffDays, wholeDaysBetween(new Date(d.signatures.date), now));
}

function whyNotProtecting(d: Detection): { code: Reason['code']; text: string } {
  if (
    d.signatures.upToDate === false &&
    d.signatures.date === null &&
    d.signatures.reportedUpToDate !== true
  ) {
    return {
      code: 'signatures-missing',
      text: `${d.name} is installed but has no current virus signatures.`,
    };
  }
  if (d.signatures.upToDate === false) {
    const age = d.signatures.ageDays !== null ? ` (${dayCount(d.signatures.ageDays)} old)` : '';
    return { code: 'signatures-out-of-date', text: `${d.name}'s virus signatures are out of date${age}.` };
  }
  if (d.realtime === false) return { code: 'realtime-off', text: `${d.name}'s real-time protection is off.` };
  return {
    code: 'realtime-unknown',
    text: `Handover could not tell whether ${d.name} is protecting this computer.`,
  };
}

function notProtectingHeadline(d: Detection): string {
  const reason = whyNotProtecting(d);
  switch (reason.code) {
    case 'signatures-missing':
      return `${d.name} is installed but is not protecting this computer: it has no virus signatures.`;
    case 'signatures-out-of-date':
      return `${d.name} is installed but is not protecting this computer: its virus signatures are out of date.`;
    case 'realtime-off':
      return `${d.name} is installed but is not protecting this computer: its real-time protection is off.`;
    default:
      return `Handover could not tell whether ${d.name} is protecting this computer.`;
  }
}

export function decideVerdict(
  detections: readonly Detection[],
  completeness: InventoryCompleteness,
  bans: readonly Ban[],
  regionKnown: boolean,
  now: Date,
): Verdict {
  const reasons: Reason[] = [];
  const banned = detections.filter((d) => isActive(d) && d.ban);
  const bannedStopped = banned.filter((d) => d.ban?.updatesEnded);
  const bannedSoon = banned.filter((d) => !d.ban?.updatesEnded);
  const antivirus = detections.filter(isAntivirus);
  const protectors = antivirus.filter((d) => d.protecting === true);
  const unknown = antivirus.filter((d) => d.protecting === null);

  for (const d of bannedStopped) {
    const days = daysWithoutUpdates(d, now);
    reasons.push({
      code: 'banned-product-updates-stopped',
      severity: 'action',
      text: `${d.name} stopped receiving updates ${dayCount(days)} ago (updates ended on ${d.ban?.updatesEndDisplay}).`,
      detectionIds: [d.id],
    });
  }
  for (const d of bannedSoon) {
    const days = -(d.ban?.daysSinceUpdatesEnded ?? 0);
    reasons.push({
      code: 'banned-product-updates-stop-soon',
      severity: 'action',
      text: `${d.name} stops receiving updates in ${dayCount(days)}, on ${d.ban?.updatesEndDisplay}. Move to another antivirus before then.`,
      detectionIds: [d.id],
    });
  }
  for (const d of antivirus.filter((x) => x.protecting !== true && !x.ban)) {
    const why = whyNotProtecting(d);
    reasons.push({
      ...why,
      severity: why.code === 'realtime-unknown' ? 'info' : 'action',
      detectionIds: [d.id],
    });
  }
  for (const d of protectors) {
    reasons.push({
      code: 'protected-by',
      severity: 'info',
      text: `${d.name} is protecting this computer: real-time protection is on and its signatures are current.`,
      detectionIds: [d.id],
    });
  }
  const advised = new Map<string, Detection[]>();
  for (const d of detections.filter(isActive)) {
    // Government-only actions stay on the detection (for technicians); warnings to everyone become reasons.
    for (const advisory of d.advisories.filter((a) => concernsEveryone(a.scope))) {
      advised.set(advisory.summary, [...(advised.get(advisory.summary) ?? []), d]);
    }
  }
  for (const [summary, ds] of advised) {
    reasons.push({
      code: 'ban-advisory',
      severity: 'info',
      text: summary,
      detectionIds: ds.map((d) => d.id),
    });
  }
  if (!regionKnown) {
    const vendorsWithBans = detections.filter(
      (d) => isActive(d) && d.vendorId && bindingBansCovering(d.vendorId, bans).length > 0,
    );
    if (vendorsWithBans.length > 0) {
      reasons.push({
        code: 'ban-advisory',
        severity: 'action',
        text: `Handover does not know which country this computer is in. In the United States, ${names(vendorsWithBans)} no longer receives updates; choose your region to apply its rules.`,
        detectionIds: vendorsWithBans.map((d) => d.id),
      });
    }
  }
  const leftovers = detections.filter((d) => d.status === 'leftover');
  if (leftovers.length > 0) {
    reasons.push({
      code: 'leftover-present',
      severity: 'info',
      text: `Parts of ${names(leftovers)} are still on this computer after it was removed.`,
      detectionIds: leftovers.map((d) => d.id),
    });
  }
  for (const source of completeness.unreadable) {
    reasons.push({
      code: 'source-unreadable',
      severity: 'info',
      text: source.reason ? sentence(source.reason) : `Could not read ${source.label}.`,
      detectionIds: [],
    });
  }

  const deadlineFrom = [...bannedStopped, ...bannedSoon][0];
  const deadline =
    deadlineFrom?.ban?.updatesEndAt && deadlineFrom.ban.updatesEndDisplay
      ? {
          banId: deadlineFrom.ban.banId,
          at: deadlineFrom.ban.updatesEndAt,
          display: deadlineFrom.ban.updatesEndDisplay,
          daysSince: deadlineFrom.ban.daysSinceUpdatesEnded ?? 0,
        }
      : null;

  const ordered = [...reasons].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'action' ? -1 : 1,
  );

  if (protectors.length > 0) {
    const protector = protectors[0] as Detection;
    if (banned.length === 0) {
      return {
        level: 'protected',
        headline: `${protector.name} is protecting this computer.`,
        reasons: ordered,
        deadline,
      };
    }
    const bannedProtector = banned.find((d) => d.id === protector.id);
    if (bannedProtector && !bannedProtector.ban?.updatesEnded) {
      const days = -(bannedProtector.ban?.daysSinceUpdatesEnded ?? 0);
      return {
        level: 'at-risk',
        headline: `Your antivirus stops receiving updates in ${dayCount(days)}, on ${bannedProtector.ban?.updatesEndDisplay}.`,
        reasons: ordered,
        deadline,
      };
    }
    return {
      level: 'at-risk',
      headline: `${protector.name} is protecting this computer, but ${names(banned)} is still installed and no longer receives updates.`,
      reasons: ordered,
      deadline,
    };
  }

  const stoppedAntivirus = bannedStopped.filter((d) => d.kind === 'antivirus');
  if (unknown.length > 0) {
    return {
      level: 'cannot-tell',
      headline:
        stoppedAntivirus.length > 0
          ? `${names(stoppedAntivirus)} stopped receiving updates ${dayCount(daysWithoutUpdates(stoppedAntivirus[0] as Detection, now))} ago, and Handover could not tell whether ${names(unknown)} is protecting this computer.`
          : `Handover could not tell whether ${names(unknown)} is protecting this computer.`,
      reasons: ordered,
      deadline,
    };
  }
  if (antivirus.length > 0 || completeness.authoritative) {
    if (!completeness.authoritative) {
      ordered.push({
        code: 'inventory-incomplete',
        severity: 'info',
        text: 'Some of the places that list antivirus products could not be read, so another product may be installed.',
        detectionIds: [],
      });
    }
    const first = stoppedAntivirus[0];
    const headline = first
      ? `Your antivirus stopped receiving updates ${dayCount(daysWithoutUpdates(first, now))} ago.`
      : antivirus.length > 0
        ? notProtectingHeadline(antivirus[0] as Detection)
        : 'No antivirus is protecting this computer.';
    if (antivirus.length === 0) {
      ordered.unshift({
        code: 'no-active-antivirus',
        severity: 'action',
        text: 'No antivirus with real-time protection was found on this computer.',
        detectionIds: [],
      });
    }
    return { level: 'unprotected', headline, reasons: ordered, deadline };
  }
  return {
    level: 'cannot-tell',
    headline:
      'Handover could not tell whether this computer is protected: the places that list antivirus products could not be read.',
    reasons: ordered,
    deadline,
  };
}
