/**
 * Every step from the keyboard alone (issue 12 §5): Tab reaches each control the step needs and
 * Enter or Space works it, the confirmation dialogs included, with a visible focus on everything
 * Tab lands on (the outline of :focus-visible), from the verdict to Done, across a restart.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, journeyStages, test } from '../fixtures';

test.use({ cases: journeyStages('windows-kts-to-defender'), region: 'US' });

/** The focused element shows a focus ring: an outline, not none and not 0 wide. */
async function expectVisibleFocus(page: Page, where: string): Promise<void> {
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
  });
  expect(ring, where).not.toBeNull();
  expect(ring?.style, where).not.toBe('none');
  expect(ring?.width ?? 0, where).toBeGreaterThan(0);
}

/** Presses Tab until `target` has the focus (checking the focus ring at every stop), or fails. */
async function tabTo(page: Page, target: Locator, where: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) {
      await expectVisibleFocus(page, where);
      return;
    }
  }
  throw new Error(`${where}: Tab never reached the control in ${limit} presses`);
}

test('the whole Windows journey with Tab, Enter and Space only, every focus visible', async ({
  page,
  verdictPage,
  journeyPage,
  harness,
}) => {
  test.slow();
  await verdictPage.openAndWaitForVerdict();
  await tabTo(page, journeyPage.startButton, 'check: Start');
  await page.keyboard.press('Enter');

  await journeyPage.waitForStep('keep-data');
  await tabTo(page, journeyPage.keepCheckbox('quarantine'), 'keep-data: the quarantine box');
  await page.keyboard.press('Space');
  await expect(journeyPage.keepCheckbox('quarantine')).toBeChecked();
  await tabTo(page, journeyPage.button('Continue'), 'keep-data: Continue');
  await page.keyboard.press('Enter');

  await journeyPage.waitForStep('choose');
  // The best fit is preselected: its radio is where Tab enters the group.
  const defender = journeyPage.alternative('microsoft-defender').getByRole('radio');
  await tabTo(page, defender, 'choose: the best fit');
  await expect(defender).toBeChecked();
  await tabTo(page, journeyPage.moreAlternatives().locator(':scope > summary'), 'choose: the folded list');
  await page.keyboard.press('Enter');
  await expect(journeyPage.moreAlternatives()).toHaveAttribute('open', '');
  await tabTo(page, journeyPage.button('Choose Microsoft Defender Antivirus'), 'choose: Choose');
  await page.keyboard.press('Enter');

  await journeyPage.waitForStep('remove');
  // No registered uninstaller: the vendor's ways, each a disclosure opened with Enter.
  const kavremover = journeyPage.removal('kaspersky-total-security').locator('[data-way="kavremover"]');
  await tabTo(page, kavremover.locator('summary'), 'remove: the kavremover way');
  await page.keyboard.press('Enter');
  await expect(kavremover).toHaveAttribute('open', '');
  await tabTo(page, journeyPage.button('Scan again to see what is still installed'), 'remove: Scan again');
  await page.keyboard.press('Enter');

  await journeyPage.waitForStep('restart');
  await tabTo(page, journeyPage.button('Open Handover after the restart…'), 'restart: register');
  await page.keyboard.press('Enter');
  await expect(journeyPage.cancelButton).toBeFocused();
  await expectVisibleFocus(page, 'restart dialog: Cancel');
  await tabTo(page, journeyPage.confirmButton, 'restart dialog: Confirm', 5);
  await page.keyboard.press('Enter');
  await expect(journeyPage.outcome).toBeVisible();

  await harness.restartApp();
  await verdictPage.waitForVerdict();
  await tabTo(page, journeyPage.resumeButton, 'check: Resume');
  await page.keyboard.press('Enter');

  await journeyPage.waitForStep('install');
  await tabTo(page, journeyPage.button('Update its signatures now…'), 'install: update');
  await page.keyboard.press('Enter');
  await expect(journeyPage.cancelButton).toBeFocused();
  await tabTo(page, journeyPage.confirmButton, 'install dialog: Confirm', 5);
  await page.keyboard.press('Enter');

  await journeyPage.waitForStep('verify');
  await tabTo(page, journeyPage.button('Finish'), 'verify: Finish');
  await page.keyboard.press('Enter');
  await journeyPage.waitForStep('done');
  await tabTo(page, page.getByRole('button', { name: 'Save the plan as PDF…' }), 'done: save the plan');
});

test('the masthead settings work from the keyboard too', async ({ page, verdictPage }) => {
  await verdictPage.openAndWaitForVerdict();
  const theme = page.getByLabel('Theme');
  await tabTo(page, page.getByRole('switch', { name: /Technician view/ }), 'masthead: technician view');
  await page.keyboard.press('Space');
  await expect(page.getByRole('switch', { name: /Technician view/ })).toHaveAttribute('aria-checked', 'true');
  await tabTo(page, theme, 'masthead: theme', 5);
  await page.keyboard.press('ArrowDown');
  await expect(theme).toHaveValue('light');
});
