/**
 * The machine's verdict from its detections, the region and the time: protected, at risk,
 * unprotected or cannot tell, with its reasons (facts, as stable codes) and its actions (what
 * the person can do, in order). The rules are small and named, each in verdict-rules/ with its
 * test; this function only applies them:
 *
 * - the level and headline: LEVEL_RULES in order, the first that applies (level-rules.ts);
 * - the reasons: every REASON_RULE, those that need action first (reason-rules.ts);
 * - the actions: every ACTION_RULE, in the order listed (action-rules.ts).
 *
 * Handover never guesses "protected": a missing fact that decides the answer (an antivirus's
 * state, the country whose ban applies) makes it "cannot tell", and says what is known.
 */

import type { Ban } from '../catalog/ban-schema';
import type { Detection, Verdict } from '../scan-result';
import { ACTION_RULES } from './verdict-rules/action-rules';
import { LEVEL_RULES } from './verdict-rules/level-rules';
import { REASON_RULES } from './verdict-rules/reason-rules';
import { type InventoryCompleteness, type VerdictMachine, verdictFacts } from './verdict-rules/verdict-facts';

export type { InventoryCompleteness, VerdictMachine } from './verdict-rules/verdict-facts';

export function decideVerdict(
  detections: readonly Detection[],
  completeness: InventoryCompleteness,
  bans: readonly Ban[],
  regionKnown: boolean,
  now: Date,
  machine: VerdictMachine,
): Verdict {
  const facts = verdictFacts(detections, completeness, bans, regionKnown, now, machine);
  const rule =
    LEVEL_RULES.find((r) => r.applies(facts)) ?? (LEVEL_RULES.at(-1) as (typeof LEVEL_RULES)[number]);
  const reasons = REASON_RULES.flatMap((r) => r.reasons(facts));
  const deadlineFrom = [...facts.bannedStopped, ...facts.bannedAhead][0];
  const ban = deadlineFrom?.ban;
  return {
    level: rule.level,
    headline: rule.headline(facts),
    reasons: [
      ...reasons.filter((r) => r.severity === 'action'),
      ...reasons.filter((r) => r.severity !== 'action'),
    ],
    actions: ACTION_RULES.flatMap((r) => r.actions(facts)),
    deadline:
      ban?.updatesEndAt && ban.updatesEndDisplay
        ? {
            banId: ban.banId,
            at: ban.updatesEndAt,
            display: ban.updatesEndDisplay,
            daysSince: ban.daysSinceUpdatesEnded ?? 0,
          }
        : null,
  };
}
