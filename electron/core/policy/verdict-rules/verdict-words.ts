/** The phrases the verdict's rules share: lists of names, day counts that say what they count. */
import type { BanStatus, Detection } from '../../scan-result';
import { dayCount } from '../days';

/** The ban of a product the facts list as banned (bannedStopped, bannedAhead): never null there. */
export function banOf(d: Detection): BanStatus {
  if (!d.ban) throw new Error(`${d.id} is listed as banned but has no ban`);
  return d.ban;
}

/** "A", "A and B", "A, B and C". */
export function names(detections: readonly Detection[]): string {
  const list = detections.map((d) => d.name);
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

/** "is" for one product, "are" for several. */
export const isAre = (detections: readonly Detection[]) => (detections.length === 1 ? 'is' : 'are');

/** Source reasons are clauses ("could not read X because Y"); reasons are shown as sentences. */
export function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}

/** "stops receiving updates in 12 days, on 29 September 2024" (a cutoff still ahead). */
export function countdown(ban: BanStatus): string {
  return `stops receiving updates in ${dayCount(-(ban.daysSinceUpdatesEnded ?? 0))}, on ${ban.updatesEndDisplay}`;
}

/** The ISO date as people read it: "23 August 2018" (UTC, like every date Handover judges by). */
/** Made once: building an Intl.DateTimeFormat costs far more than formatting with one. */
const LONG_DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

export function dayOf(iso: string): string {
  return LONG_DAY.format(new Date(iso));
}

/**
 * How long a banned product has gone without updates, as a clause about `subject` ("Your
 * antivirus", a product's name), and the figure it counts. When its database date is known and
 * no later than the cutoff, the truth is the database's age (a product that stopped updating in
 * 2018 has gone 3,020 days, not 791), the figure its signature line shows. Otherwise it is the
 * days since the vendor's cutoff, the figure the cutoff line shows. Either way the clause names
 * the date the figure counts from, so the headline and the details agree and say what they count.
 */
export function withoutUpdates(
  d: Detection,
  subject: string,
): { readonly days: number; readonly text: string } {
  const date = d.signatures.date;
  const cutoff = d.ban?.updatesEndAt;
  if (date && cutoff && d.signatures.ageDays !== null && Date.parse(date) <= Date.parse(cutoff)) {
    const days = d.signatures.ageDays;
    return {
      days,
      text: `${subject} has had no virus signature update for ${dayCount(days)}, since ${dayOf(date)}`,
    };
  }
  const days = d.ban?.daysSinceUpdatesEnded ?? 0;
  return {
    days,
    text: `${subject} stopped receiving updates ${dayCount(days)} ago, on ${d.ban?.updatesEndDisplay}`,
  };
}
