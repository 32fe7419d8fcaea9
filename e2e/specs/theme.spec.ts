/**
 * Dark mode (issue 12 §5): the window follows the system's light or dark setting
 * (prefers-color-scheme) until the person chooses one in the masthead; the choice is kept
 * between runs (settings.json), and axe finds nothing in either theme.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

test.use({ cases: ['win-kes10-de-wsc'], now: '2026-11-29T12:00:00Z', region: 'US' });

const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const DARK_BG = 'rgb(18, 21, 25)';
const LIGHT_BG = 'rgb(244, 245, 247)';

test.describe('with the system set to dark', () => {
  test.use({ colorScheme: 'dark' });

  test('the window is dark without being asked, and axe finds nothing', async ({ page, verdictPage }) => {
    await verdictPage.openAndWaitForVerdict();
    expect(await background(page)).toBe(DARK_BG);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    await verdictPage.openProductDetails(verdictPage.product(/Kaspersky/));
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('Light overrides the system', async ({ page, verdictPage }) => {
    await verdictPage.openAndWaitForVerdict();
    await page.getByLabel('Theme').selectOption('light');
    expect(await background(page)).toBe(LIGHT_BG);
  });
});

test.describe('with the system set to light', () => {
  test.use({ colorScheme: 'light' });

  test('Dark is chosen from the keyboard, kept after a restart, and As the system undoes it', async ({
    page,
    verdictPage,
    harness,
  }) => {
    await verdictPage.openAndWaitForVerdict();
    expect(await background(page)).toBe(LIGHT_BG);
    const chooser = page.getByLabel('Theme');
    await chooser.focus();
    await chooser.selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background(page)).toBe(DARK_BG);
    expect((await harness.api().getSettings()).theme).toBe('dark');

    await harness.restartApp();
    await verdictPage.waitForVerdict();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByLabel('Theme')).toHaveValue('dark');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.getByLabel('Theme').selectOption('system');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
    expect(await background(page)).toBe(LIGHT_BG);
  });
});
