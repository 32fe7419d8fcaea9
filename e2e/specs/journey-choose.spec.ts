/**
 * The Choose step (issue 12 §2): the best fit preselected with the two facts that made it the
 * best fit, the whole step on one 1280×800 screen in the common case (a home user on Windows),
 * and every alternative shown open with an official page that opens in the browser.
 */
import { join } from 'node:path';
import { expect, journeyStages, test } from '../fixtures';

const SHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

test.use({
  cases: journeyStages('windows-kts-to-defender'),
  region: 'US',
  viewport: { width: 1280, height: 800 },
});

test('fits one 1280×800 screen, with the best fit preselected', async ({
  page,
  verdictPage,
  journeyPage,
}) => {
  await verdictPage.openAndWaitForVerdict();
  await journeyPage.startToChoose();
  const box = await journeyPage.step.boundingBox();
  expect(box?.height ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(800);
  // With its heading at the top of the window, the step's own button is on the same screen.
  await journeyPage.stepHeading.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(SHOTS, 'choose-1280x800.png') });
  await expect(
    journeyPage.step.getByRole('button', { name: 'Choose Microsoft Defender Antivirus' }),
  ).toBeInViewport();
  await expect(journeyPage.alternative('microsoft-defender').getByRole('radio')).toBeChecked();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});

test('every alternative shown open has an official page, and each opens on its vendor domain', async ({
  verdictPage,
  journeyPage,
  harness,
}) => {
  await verdictPage.openAndWaitForVerdict();
  await journeyPage.startToChoose();
  const { choices } = await harness.api().getJourney();
  const open = [choices?.best, ...(choices?.others ?? [])].filter((c) => c !== null && c !== undefined);
  expect(open.length).toBeGreaterThan(1);
  for (const choice of open) {
    await journeyPage.step
      .getByRole('button', { name: `Open the official page of ${choice.alternative.name} in your browser` })
      .click();
    await expect(journeyPage.step.getByRole('status')).toHaveText('The page is open in your browser.');
  }
  const expected = open.map((c) => c.link?.url);
  expect(harness.openedUrls).toEqual(expected);
  for (const [i, url] of harness.openedUrls.entries()) {
    const host = new URL(url).hostname;
    const domains = open[i]?.alternative.vendor.domains ?? [];
    expect(url.startsWith('https://')).toBe(true);
    expect(
      domains.some((d) => host === d || host.endsWith(`.${d}`)),
      url,
    ).toBe(true);
  }
});

test('the rest are folded, and a folded one can be chosen', async ({ verdictPage, journeyPage, harness }) => {
  await verdictPage.openAndWaitForVerdict();
  await journeyPage.startToChoose();
  const { choices } = await harness.api().getJourney();
  const folded = choices?.folded ?? [];
  expect(folded.length).toBeGreaterThan(0);
  const last = folded[folded.length - 1];
  await expect(journeyPage.alternative(last?.alternative.id ?? '')).toBeHidden();
  await journeyPage.choose(last?.alternative.id ?? '');
  await journeyPage.waitForStep('remove');
  expect((await harness.api().getJourney()).progress?.choices.alternativeId).toBe(last?.alternative.id);
});

test.describe('in the dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('the same screen, dark, with the evidence of the best fit open', async ({
    page,
    verdictPage,
    journeyPage,
  }) => {
    await verdictPage.openAndWaitForVerdict();
    await journeyPage.startToChoose();
    await journeyPage.alternative('microsoft-defender').locator('summary').click();
    await journeyPage.stepHeading.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SHOTS, 'choose-dark.png') });
    expect(await journeyPage.accessibilityViolations('choose, dark')).toEqual([]);
  });
});
