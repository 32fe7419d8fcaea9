/**
 * The technician view and "Get help" hold to the same bar as the rest: axe clean, usable from the
 * keyboard, and no sideways scrolling at 200% and 400% zoom with everything shown.
 */
import { expect, journeyStages, test } from '../fixtures';
import { HelpDeskPage } from '../pages/help-desk-page';

test.describe('Kaspersky on Windows, region United States', () => {
  test.use({ cases: ['win-kes10-de-wsc'], now: '2026-11-29T12:00:00Z', region: 'US' });

  test('axe finds no violations with the technician view on, a code decoded, an error and a summary shown', async ({
    page,
    verdictPage,
  }) => {
    // Five axe runs: longer than one screen's budget.
    test.slow();
    const help = new HelpDeskPage(page);
    await verdictPage.openAndWaitForVerdict();
    expect(await help.accessibilityViolations('home user, help folded')).toEqual([]);
    await help.openHelpTools();
    expect(await help.accessibilityViolations('home user, help open')).toEqual([]);

    await help.turnTechnicianView(true);
    await expect(help.scanSources).toBeVisible();
    await page.locator('.tech__all-steps > summary').click();
    expect(await help.accessibilityViolations('technician view')).toEqual([]);

    await help.decode((await help.supportCode.textContent()) ?? '');
    await expect(help.decoded.locator('dl')).toBeVisible();
    expect(await help.accessibilityViolations('code decoded')).toEqual([]);
    await help.decode('HND-0000-0000');
    await expect(help.decodeError).toBeVisible();
    await help.copySummaryButton.click();
    await expect(help.summaryText).toBeVisible();
    expect(await help.accessibilityViolations('decode error and summary')).toEqual([]);
  });

  test('the switch and the decoder work from the keyboard', async ({ page, verdictPage }) => {
    const help = new HelpDeskPage(page);
    await verdictPage.openAndWaitForVerdict();
    await help.technicianSwitch.focus();
    await page.keyboard.press('Space');
    await expect(help.technicianSwitch).toHaveAttribute('aria-checked', 'true');
    await expect(help.technicianSwitch).toBeFocused();
    await expect(help.scanSources).toBeVisible();

    // Enter in the box decodes.
    await help.decodeInput.focus();
    await page.keyboard.type('HND-0000-0000');
    await page.keyboard.press('Enter');
    await expect(help.decodeError).toBeVisible();

    await help.technicianSwitch.focus();
    await page.keyboard.press('Enter');
    await expect(help.technicianSwitch).toHaveAttribute('aria-checked', 'false');
    await expect(help.scanSources).toHaveCount(0);
  });

  for (const zoom of [
    { name: '200% zoom (640 CSS px wide)', viewport: { width: 640, height: 800 }, deviceScaleFactor: 2 },
    { name: '400% zoom (320 CSS px wide)', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  ]) {
    test.describe(`at ${zoom.name}`, () => {
      test.use({ viewport: zoom.viewport, deviceScaleFactor: zoom.deviceScaleFactor });

      test('has no horizontal scroll with the technician view on and everything shown', async ({
        page,
        verdictPage,
      }) => {
        const help = new HelpDeskPage(page);
        await verdictPage.openAndWaitForVerdict();
        await help.turnTechnicianView(true);
        await page.locator('.tech__all-steps > summary').click();
        await help.decode((await help.supportCode.textContent()) ?? '');
        await expect(help.decoded.locator('dl')).toBeVisible();
        await help.copySummaryButton.click();
        await expect(help.summaryText).toBeVisible();
        expect(await help.scrollsSideways()).toBe(false);
      });
    });
  }
});

test.describe('Windows, Kaspersky Total Security → Microsoft Defender, technician view', () => {
  test.use({ cases: journeyStages('windows-kts-to-defender'), region: 'US' });

  test('axe finds no violations on journey steps with what to say shown', async ({
    page,
    verdictPage,
    journeyPage,
  }) => {
    // Two axe runs and three steps: longer than one screen's budget.
    test.slow();
    const help = new HelpDeskPage(page);
    await verdictPage.openAndWaitForVerdict();
    await help.turnTechnicianView(true);
    await journeyPage.startButton.click();
    await journeyPage.waitForStep('keep-data');
    await expect(help.stepNotes).toBeVisible();
    await help.stepNotes.locator('.tech__all-steps > summary').click();
    expect(await help.accessibilityViolations('keep-data')).toEqual([]);
    await journeyPage.button('Continue').click();
    await journeyPage.waitForStep('choose');
    await journeyPage.choose('microsoft-defender');
    await journeyPage.waitForStep('remove');
    expect(await help.accessibilityViolations('remove')).toEqual([]);
  });

  test.describe('at 200% zoom (640 CSS px wide)', () => {
    test.use({ viewport: { width: 640, height: 800 }, deviceScaleFactor: 2 });

    test('a journey step with what to say has no horizontal scroll', async ({
      page,
      verdictPage,
      journeyPage,
    }) => {
      const help = new HelpDeskPage(page);
      await verdictPage.openAndWaitForVerdict();
      await help.turnTechnicianView(true);
      await journeyPage.startButton.click();
      await journeyPage.waitForStep('keep-data');
      await help.stepNotes.locator('.tech__all-steps > summary').click();
      expect(await help.scrollsSideways()).toBe(false);
    });
  });
});
