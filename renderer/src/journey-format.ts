/**
 * Words for the guided migration: step states, costs, features, test dates (formatted by ./dates.ts). Pure, so they
 * are unit-tested; the facts themselves come from the plan and the alternatives catalog.
 */
import type { AlternativeChoice, MigrationPlan } from '../../electron/api/contract';
import { calendarDate } from './dates';

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

/** A test date: a day, a month, a year or an interval "a/b" ("March 2024 to April 2024"). */
export function testDateText(test: Pick<TestResult, 'date' | 'dateKind'>, locale?: string): string {
  const [from, to] = test.date.split('/');
  const when = to
    ? `${calendarDate(from ?? '', locale)} to ${calendarDate(to, locale)}`
    : calendarDate(from ?? test.date, locale);
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
