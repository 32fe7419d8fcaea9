/**
 * Words for the guided migration: step states, costs, features, catalog dates. Pure, so they
 * are unit-tested; the facts themselves come from the plan and the alternatives catalog.
 */
import type { AlternativeChoice, MigrationPlan } from '../../electron/api/contract';

export type PlanStep = MigrationPlan['steps'][number];
export type StepState = PlanStep['state'];
export type Alternative = AlternativeChoice['alternative'];
export type TestResult = AlternativeChoice['tests'][number];

export const STEP_STATE_WORDS: Record<StepState, string> = {
  done: 'Done',
  current: 'You are here',
  upcoming: 'Still to do',
  skipped: 'Skipped',
};

/** "About 5 minutes"; null for a step that takes no time (Done). */
export function minutesText(minutes: number): string | null {
  if (minutes <= 0) return null;
  return minutes === 1 ? 'About 1 minute' : `About ${minutes} minutes`;
}

/** "5 min", "1 h 10 min": the rail's short form; null for no time. */
export function minutesShort(minutes: number): string | null {
  if (minutes <= 0) return null;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${minutes} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "8 steps, about 1 h 10 min in all": one count everywhere, the rail's length. */
export function moveLengthText(plan: Pick<MigrationPlan, 'steps' | 'minutes'>): string {
  const time = minutesShort(plan.minutes.total);
  return `${plan.steps.length} steps${time ? `, about ${time} in all` : ''}`;
}

export const FEATURE_WORDS: Record<Alternative['replaces'][number]['feature'], string> = {
  antivirus: 'Antivirus',
  vpn: 'VPN',
  'password-manager': 'Password manager',
  'parental-controls': 'Parental controls',
};

/** The short answer to "is there a free version?"; the catalog's note says the rest. */
export function costText(cost: Alternative['cost']): string {
  if (cost.freeTier === true) return 'Free version: yes';
  if (cost.freeTier === false) return 'Free version: no';
  return 'Free version: not confirmed';
}

/** A catalog date as the source gives it: "2024", "2024-03" → "March 2024", "2024-03-05" → "5 March 2024". */
export function catalogDate(value: string): string {
  const [year, month, day] = value.split('-').map(Number);
  if (!year || !month || month < 1 || month > 12) return value.split('-')[0] ?? value;
  // In UTC, so a calendar date never moves to the day before in a zone west of Greenwich.
  const date = new Date(Date.UTC(year, month - 1, day || 1));
  return new Intl.DateTimeFormat('en-GB', {
    ...(day ? { day: 'numeric' } : {}),
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** A test date: a day, a month, a year or an interval "a/b" ("March 2024 to April 2024"). */
export function testDateText(test: Pick<TestResult, 'date' | 'dateKind'>): string {
  const [from, to] = test.date.split('/');
  const when = to ? `${catalogDate(from ?? '')} to ${catalogDate(to)}` : catalogDate(from ?? test.date);
  return test.dateKind === 'published' ? `published ${when}` : `tested ${when}`;
}

/** Country name from its ISO code, in English like the rest of the screen. */
export function countryName(code: string | undefined): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "1 password", "3 passwords". */
export function entries(count: number): string {
  return `${count} ${count === 1 ? 'entry' : 'entries'}`;
}
