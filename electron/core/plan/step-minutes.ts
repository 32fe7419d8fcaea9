/**
 * Where each step's time comes from (issue 12 §1: "a time per step as data, cited where a vendor
 * states it"). The minutes themselves are in build-plan.ts, made from what the step holds on this
 * machine (five minutes per thing to keep, ten per product to remove). No vendor read for the
 * research states a duration for its uninstaller, installer or first update, so every step is
 * Handover's own estimate: a step without an entry here says so on screen. A vendor's stated time,
 * once found, goes here with its page.
 */

import type { StepId } from './migration-steps';
import type { Citation } from './move-order';

export const STEP_MINUTES_BASIS: Readonly<Partial<Record<StepId, Citation>>> = {};
