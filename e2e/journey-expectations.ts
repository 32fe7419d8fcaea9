/**
 * What every journey spec checks when Verify passes: Install done, each check OK on screen with
 * the plan's own words and no way back, and Finish offered. One place, so the specs agree.
 */
import { expect } from '@playwright/test';
import type { JourneyView } from '../electron/api/contract';
import type { AnsweredApi } from '../electron/api/test-support/answers';
import type { JourneyPage } from './pages/journey-page';

/** Returns the journey as the handlers see it at Verify, for what a spec checks next. */
export async function expectVerifyPassed(journeyPage: JourneyPage, api: AnsweredApi): Promise<JourneyView> {
  await journeyPage.waitForStep('verify');
  await expect(journeyPage.railStep('install')).toHaveAttribute('data-state', 'done');
  const verify = await api.getJourney();
  expect(verify.plan?.checks.map((c) => [c.id, c.ok])).toEqual([
    ['no-banned-product', true],
    ['realtime-on', true],
    ['signatures-fresh', true],
  ]);
  for (const c of verify.plan?.checks ?? []) {
    await expect(journeyPage.check(c.id)).toHaveText(`OK: ${c.text}`);
    await expect(journeyPage.check(c.id).getByRole('button')).toHaveCount(0);
  }
  await expect(journeyPage.primaryAction).toHaveText(['Finish']);
  await expect(journeyPage.linkButton('Scan again')).toBeVisible();
  return verify;
}
