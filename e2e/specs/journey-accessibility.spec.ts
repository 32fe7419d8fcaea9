/** axe on every step of the journey (dialogs open included), the keyboard, and 200% zoom. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, journeyStages, test } from '../fixtures';

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${where}: ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

// Every step in both themes: the system's light and dark (prefers-color-scheme), which the page
// follows unless the person chose one.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`Windows, Kaspersky Total Security → Microsoft Defender, ${colorScheme} theme`, () => {
    test.use({ cases: journeyStages('windows-kts-to-defender'), region: 'US', colorScheme });

    test('axe finds no violations on any step', async ({ page, verdictPage, journeyPage, harness }) => {
      // Thirteen axe runs and an app restart, run in both themes side by side: four screens' budget.
      test.setTimeout(120_000);
      await verdictPage.openAndWaitForVerdict();
      await expectNoViolations(page, `${colorScheme}: check`);
      await journeyPage.startButton.click();
      await journeyPage.waitForStep('keep-data');
      await journeyPage.keepCheckbox('quarantine').check();
      await expectNoViolations(page, `${colorScheme}: keep-data`);
      await journeyPage.button('Continue').click();
      await journeyPage.waitForStep('choose');
      await journeyPage.alternative('microsoft-defender').getByRole('radio').check();
      await journeyPage.alternative('microsoft-defender').locator('summary').click();
      await expectNoViolations(page, `${colorScheme}: choose`);
      await journeyPage.choose('microsoft-defender');
      await journeyPage.waitForStep('remove');
      // No registered uninstaller: the ways, the first one open, the check before the first change.
      await journeyPage
        .removal('kaspersky-total-security')
        .locator('[data-way="kavremover"] summary')
        .click();
      await expect(journeyPage.preflightCheck('network')).toBeVisible();
      await expectNoViolations(page, `${colorScheme}: remove`);
      await journeyPage.button('Scan again to see what is still installed').click();
      await journeyPage.waitForStep('restart');
      await expectNoViolations(page, `${colorScheme}: restart`);
      await journeyPage.button('Open Handover after the restart…').click();
      await expect(journeyPage.dialog).toBeVisible();
      await expectNoViolations(page, `${colorScheme}: restart dialog`);
      await journeyPage.confirmButton.click();
      await expect(journeyPage.outcome).toBeVisible();
      await expectNoViolations(page, `${colorScheme}: restart registered`);
      await harness.restartApp();
      await verdictPage.waitForVerdict();
      await expectNoViolations(page, `${colorScheme}: check with a saved journey`);
      await journeyPage.resumeButton.click();
      // 3-after-restart: Defender on, signatures 4 days old: Install offers the update.
      await journeyPage.waitForStep('install');
      await expect(journeyPage.primaryAction).toHaveText(['Update its signatures now…']);
      await expectNoViolations(page, `${colorScheme}: install, signatures stale`);
      await journeyPage.primaryAction.click();
      await expect(journeyPage.dialog).toBeVisible();
      await expectNoViolations(page, `${colorScheme}: install dialog`);
      await journeyPage.confirmButton.click();
      // 4-after-signature-update: Verify, every check OK, then Finish.
      await journeyPage.waitForStep('verify');
      await expect(journeyPage.primaryAction).toHaveText(['Finish']);
      await expectNoViolations(page, `${colorScheme}: verify, all OK`);
      await journeyPage.primaryAction.click();
      await journeyPage.waitForStep('done');
      await expectNoViolations(page, `${colorScheme}: done`);
    });
  });
}

test.describe('Windows, Kaspersky Total Security → Microsoft Defender', () => {
  test.use({ cases: journeyStages('windows-kts-to-defender'), region: 'US' });

  test('the confirmation dialog: focus starts on Cancel, Escape cancels, nothing runs', async ({
    verdictPage,
    journeyPage,
    harness,
  }) => {
    await verdictPage.openAndWaitForVerdict();
    await journeyPage.startButton.click();
    await journeyPage.button('Continue').click();
    await journeyPage.choose('microsoft-defender');
    await journeyPage.button('Scan again to see what is still installed').click();
    await journeyPage.waitForStep('restart');
    await journeyPage.button('Open Handover after the restart…').click();
    await expect(journeyPage.cancelButton).toBeFocused();
    await journeyPage.page.keyboard.press('Escape');
    await expect(journeyPage.dialog).toBeHidden();
    expect(harness.runnerCalls).toEqual([]);
  });

  test('Choose works from the keyboard: arrow keys move, nothing is saved until the button', async ({
    verdictPage,
    journeyPage,
    harness,
  }) => {
    await verdictPage.openAndWaitForVerdict();
    await journeyPage.startButton.click();
    await journeyPage.button('Continue').click();
    await journeyPage.waitForStep('choose');
    const first = journeyPage.alternatives().nth(0).getByRole('radio');
    await first.focus();
    await journeyPage.page.keyboard.press('Space');
    await journeyPage.page.keyboard.press('ArrowDown');
    await expect(journeyPage.alternatives().nth(1).getByRole('radio')).toBeChecked();
    await journeyPage.page.keyboard.press('ArrowUp');
    await expect(first).toBeChecked();
    const saved = await harness.api().getJourney();
    expect(saved.progress?.choices.alternativeId).toBeUndefined();
    await journeyPage.step
      .getByRole('button', { name: 'Choose Microsoft Defender Antivirus' })
      .press('Enter');
    await journeyPage.waitForStep('remove');
  });
});

test.describe('Windows, Endpoint Security managed: the removal dialog', () => {
  test.use({ cases: journeyStages('windows-kes-managed'), region: 'US' });

  test('axe finds no violations with the removal dialog open', async ({ page, verdictPage, journeyPage }) => {
    await verdictPage.openAndWaitForVerdict();
    await journeyPage.startButton.click();
    await journeyPage.button('Continue').click();
    await journeyPage.choose('microsoft-defender');
    await journeyPage.waitForStep('remove');
    await expectNoViolations(page, 'remove, managed');
    await journeyPage
      .removal('kaspersky-endpoint-security-windows')
      .getByRole('button', { name: 'Remove…' })
      .click();
    await expect(journeyPage.dialog).toBeVisible();
    await expectNoViolations(page, 'remove dialog');
  });
});

test.describe('Windows, Kaspersky Standard with Password Manager → Avast', () => {
  test.use({ cases: journeyStages('windows-standard-kpm-to-thirdparty'), region: 'US' });

  test('axe finds no violations on Keep your data (converted) and Install', async ({
    page,
    verdictPage,
    journeyPage,
  }) => {
    await verdictPage.openAndWaitForVerdict();
    await journeyPage.startButton.click();
    await journeyPage.waitForStep('keep-data');
    await journeyPage
      .keepItem('password-manager-export')
      .getByRole('button', { name: 'Convert my export…' })
      .click();
    await expect(journeyPage.conversionResult()).toBeVisible();
    await expectNoViolations(page, 'keep-data, converted');
    await journeyPage.button('Continue').click();
    await journeyPage.choose('avast');
    await journeyPage.button('Scan again to see what is still installed').click();
    await journeyPage.waitForStep('install');
    await expectNoViolations(page, 'install');
    await journeyPage.button('Open the download page').click();
    await expect(journeyPage.step).toContainText('The download page is open');
    await expectNoViolations(page, 'install, page opened');
  });
});

test.describe('at 200% zoom (640 CSS px wide)', () => {
  test.use({
    cases: journeyStages('windows-standard-kpm-to-thirdparty'),
    region: 'US',
    viewport: { width: 640, height: 800 },
    deviceScaleFactor: 2,
  });

  test('the rail wraps and nothing scrolls sideways, on every step shown', async ({
    page,
    verdictPage,
    journeyPage,
  }) => {
    const noSidewaysScroll = async () => {
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    };
    await verdictPage.openAndWaitForVerdict();
    await noSidewaysScroll();
    await journeyPage.startButton.click();
    await journeyPage.waitForStep('keep-data');
    await expect(journeyPage.rail).toBeInViewport();
    await noSidewaysScroll();
    await journeyPage
      .keepItem('password-manager-export')
      .getByRole('button', { name: 'Convert my export…' })
      .click();
    await expect(journeyPage.conversionResult()).toBeVisible();
    await noSidewaysScroll();
    await journeyPage.button('Continue').click();
    await journeyPage.waitForStep('choose');
    await journeyPage.alternatives().first().locator('summary').click();
    await noSidewaysScroll();
    await journeyPage.choose('avast');
    await journeyPage.waitForStep('remove');
    await noSidewaysScroll();
  });
});
