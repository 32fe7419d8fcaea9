/** Keyboard, screen reader structure, axe, and 200% zoom on the verdict screen. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../fixtures';

test.use({ cases: ['win-kes10-de-wsc'], now: '2026-11-29T12:00:00Z', region: 'US' });

test('focus lands on the verdict; Tab reaches Scan again and the product details', async ({
  verdictPage,
}) => {
  await verdictPage.openAndWaitForVerdict();
  await expect(verdictPage.verdictHeading).toBeFocused();

  // Tab forward from the verdict heading until both are reached (or focus leaves the page).
  const reached: string[] = [];
  for (let i = 0; i < 25; i += 1) {
    await verdictPage.pressTab();
    const here = await verdictPage.page.evaluate(() => {
      const el = document.activeElement;
      return el && el !== document.body ? `${el.tagName}:${el.textContent?.trim() ?? ''}` : 'BODY';
    });
    reached.push(here);
    if (here.startsWith('SUMMARY:Technical details for Kaspersky') || here === 'BODY') break;
  }
  const scanAgain = reached.indexOf('BUTTON:Scan again');
  const details = reached.findIndex((r) => r.startsWith('SUMMARY:Technical details for Kaspersky'));
  expect(scanAgain, reached.join('\n')).toBeGreaterThanOrEqual(0);
  expect(details, reached.join('\n')).toBeGreaterThan(scanAgain);

  // Enter on the focused summary opens the details.
  const product = verdictPage.product(/Kaspersky/);
  await verdictPage.productDetailsSummary(product).focus();
  await verdictPage.page.keyboard.press('Enter');
  await expect(verdictPage.productEvidence(product).first()).toBeVisible();
});

test('has landmarks, headings and labelled lists', async ({ page, verdictPage }) => {
  await verdictPage.openAndWaitForVerdict();
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2, name: 'Security programs found' })).toBeVisible();
  await expect(verdictPage.productsList).toBeVisible();
  // State is given in words next to the icon, not by colour alone.
  await expect(verdictPage.level).toHaveText(/Not protected|At risk/);
});

test('axe finds no violations on the verdict screen', async ({ page, verdictPage }) => {
  await verdictPage.openAndWaitForVerdict();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('axe finds no violations with the technical details open', async ({ page, verdictPage }) => {
  await verdictPage.openAndWaitForVerdict();
  await verdictPage.openProductDetails(verdictPage.product(/Kaspersky/));
  await verdictPage.allChecksSummary.click();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test.describe('at 200% zoom (640 CSS px wide)', () => {
  // A 1280 px window at 200% zoom lays out like a 640 px viewport at device scale 2.
  test.use({ viewport: { width: 640, height: 800 }, deviceScaleFactor: 2 });

  test('has no horizontal scroll, with everything open', async ({ page, verdictPage }) => {
    await verdictPage.openAndWaitForVerdict();
    // The verdict and its one action fit the first screen.
    await expect(verdictPage.scanAgainButton).toBeInViewport();
    await verdictPage.openProductDetails(verdictPage.product(/Kaspersky/));
    await verdictPage.allChecksSummary.click();
    const overflow = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
  });
});

test.describe('at 400% zoom (320 CSS px wide)', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('still reflows without horizontal scroll', async ({ page, verdictPage }) => {
    await verdictPage.openAndWaitForVerdict();
    await verdictPage.openProductDetails(verdictPage.product(/Kaspersky/));
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});
