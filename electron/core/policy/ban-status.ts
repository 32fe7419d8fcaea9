/**
 * Which bans apply to a product on this machine: the ones whose jurisdiction is the machine's
 * region and whose vendors include the product's vendor. A binding ban that covers consumers or
 * businesses (the US Final Determination) is "the" ban; the others (government-only actions,
 * non-binding warnings such as Germany's BSI) are advisories shown for information.
 */

import type { Ban } from '../catalog/ban-schema';
import type { BanStatus } from '../scan-result';
import { wholeDaysBetween } from './days';

const PRIVATE_SCOPES = new Set(['consumers', 'businesses']);

/** Does this action concern people and companies (not only government systems)? */
export const concernsEveryone = (scope: readonly string[]) => scope.some((s) => PRIVATE_SCOPES.has(s));

export function banStatus(ban: Ban, now: Date): BanStatus {
  const updatesEnd = ban.milestones.find((milestone) => milestone.effect === 'no-updates');
  const endsAt = updatesEnd ? new Date(updatesEnd.at) : null;
  return {
    banId: ban.id,
    jurisdiction: ban.jurisdiction,
    summary: ban.summary,
    binding: ban.binding,
    scope: ban.scope,
    updatesEndAt: endsAt ? endsAt.toISOString() : null,
    updatesEndDisplay: updatesEnd?.display ?? null,
    daysSinceUpdatesEnded: endsAt ? wholeDaysBetween(endsAt, now) : null,
    updatesEnded: endsAt ? now.getTime() >= endsAt.getTime() : false,
  };
}

export interface ApplicableBans {
  readonly ban: BanStatus | null;
  readonly advisories: readonly BanStatus[];
}

export function applicableBans(
  vendorId: string | null,
  regionCode: string | null,
  bans: readonly Ban[],
  now: Date,
): ApplicableBans {
  if (!vendorId || !regionCode) return { ban: null, advisories: [] };
  const relevant = bans.filter((ban) => ban.jurisdiction === regionCode && ban.vendors.includes(vendorId));
  const inForce = relevant.find((ban) => ban.binding && concernsEveryone(ban.scope));
  return {
    ban: inForce ? banStatus(inForce, now) : null,
    advisories: relevant.filter((ban) => ban !== inForce).map((ban) => banStatus(ban, now)),
  };
}

/** The bans elsewhere that cover a vendor: shown when the region is unknown. */
export function bindingBansCovering(vendorId: string, bans: readonly Ban[]): readonly Ban[] {
  return bans.filter(
    (ban) =>
      ban.binding &&
      ban.vendors.includes(vendorId) &&
      concernsEveryone(ban.scope) &&
      ban.milestones.some((milestone) => milestone.effect === 'no-updates'),
  );
}
