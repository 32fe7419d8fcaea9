/**
 * What the journey keeps: a reload or a reopened app resumes at the same step with the same
 * ticks (saved by the main process in the data folder), Start over clears it, and a machine that
 * needs nothing ends at Check.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, journeyStages, test } from '../fixtures';

test.describe('Windows, Kaspersky Total Security, midway', () => {
  test.use({ cases: journeyStages('windows-kts-to-defender'), region: 'US' });

  test('a reload midway resumes at the same step', async ({ page, verdictPage, journeyPage, harness }) => {
    await verdictPage.openAndWaitForVerdict();
    await journeyPage.startButton.click();
    await journeyPage.button('Continue').click();
    await journeyPage.waitForStep('choose');

    await page.reload();
    await verdictPage.waitForVerdict();
    // On opening, both are offered; nothing is decided for the person.
    await expect(journeyPage.resumeButton).toBeVisible();
    await expect(journeyPage.startOverButton).toBeVisible();
    await expect(journeyPage.startButton).toHaveCount(0);
    await expect(journeyPage.nextStep).toContainText('reached Choose');
    await journeyPage.resumeButton.click();
    await journeyPage.waitForStep('choose');
    await expect(journeyPage.currentRailStep).toHaveAttribute('data-step', 'choose');
    const saved = JSON.parse(await readFile(join(harness.dataDir, 'progress.json'), 'utf8'));
    expect(saved.progress.stepId).toBe('choose');
  });
});

test.describe('Windows, Kaspersky Total Security, before removal (the machine does not change)', () => {
  test.use({ cases: ['journeys/windows-kts-to-defender/1-before'], region: 'US' });

  test('keep-data ticks persist across closing and reopening the app', async ({
    verdictPage,
    journeyPage,
    harness,
  }) => {
    await verdictPage.openAndWaitForVerdict();
    await journeyPage.startButton.click();
    await journeyPage.waitForStep('keep-data');
    // Keyboard: Space ticks the focused box.
    await journeyPage.keepCheckbox('quarantine').focus();
    await journeyPage.page.keyboard.press('Space');
    await expect(journeyPage.keepCheckbox('quarantine')).toBeChecked();
    await journeyPage.keepCheckbox('stop-auto-renewal').check();
    await journeyPage.keepCheckbox('stop-auto-renewal').uncheck();
    await journeyPage.keepCheckbox('vpn-subscription').check();
    await expect(journeyPage.step).toContainText('Not ticked yet: 1 of 3');

    // The same machine, a new app on the same data folder.
    await harness.restartApp();
    await verdictPage.waitForVerdict();
    await journeyPage.resumeButton.click();
    await journeyPage.waitForStep('keep-data');
    await expect(journeyPage.keepCheckbox('quarantine')).toBeChecked();
    await expect(journeyPage.keepCheckbox('vpn-subscription')).toBeChecked();
    await expect(journeyPage.keepCheckbox('stop-auto-renewal')).not.toBeChecked();
    const saved = JSON.parse(await readFile(join(harness.dataDir, 'progress.json'), 'utf8'));
    expect([...saved.progress.ticked].sort()).toEqual(['quarantine', 'vpn-subscription']);
  });

  test('Start over clears the saved journey and begins again', async ({ page, verdictPage, journeyPage }) => {
    await verdictPage.openAndWaitForVerdict();
    await journeyPage.startButton.click();
    await journeyPage.keepCheckbox('quarantine').check();
    await journeyPage.button('Continue').click();
    await journeyPage.waitForStep('choose');

    await page.reload();
    await verdictPage.waitForVerdict();
    await journeyPage.startOverButton.click();
    await journeyPage.waitForStep('keep-data');
    await expect(journeyPage.keepCheckbox('quarantine')).not.toBeChecked();
  });

  test('See the full scan result goes back to the verdict, and Resume returns', async ({
    verdictPage,
    journeyPage,
  }) => {
    await verdictPage.openAndWaitForVerdict();
    await journeyPage.startButton.click();
    await journeyPage.waitForStep('keep-data');
    await journeyPage.page.getByRole('button', { name: 'See the full scan result' }).click();
    await expect(verdictPage.verdictHeading).toBeVisible();
    await journeyPage.resumeButton.click();
    await journeyPage.waitForStep('keep-data');
  });
});

test.describe('a machine that needs nothing (Bitdefender protecting)', () => {
  test.use({ cases: ['win10-bitdefender-defender-off-thm'], region: 'US' });

  test('ends at Check, and says so', async ({ verdictPage, journeyPage, handlers }) => {
    await verdictPage.openAndWaitForVerdict();
    const journey = await handlers.getJourney();
    expect(journey.plan?.needed).toBe(false);
    await expect(journeyPage.nextStep).toHaveText(
      `Check${journey.plan?.steps.find((s) => s.id === 'check')?.why ?? ''}`,
    );
    await expect(journeyPage.nextStep).toContainText('Nothing needs to change on this computer.');
    await expect(journeyPage.nextStep.getByRole('button')).toHaveCount(0);
    await expect(journeyPage.rail).toHaveCount(0);
  });
});

test.describe('a corrupt progress file', () => {
  test.use({ cases: journeyStages('windows-kts-to-defender'), region: 'US' });

  test('is set aside and reported, never silently dropped', async ({ verdictPage, journeyPage, harness }) => {
    await writeFile(join(harness.dataDir, 'progress.json'), '{"format": "handover.progress", "formatVer');
    await verdictPage.openAndWaitForVerdict();
    await expect(journeyPage.nextStep).toContainText('Your saved progress could not be read');
    await expect(journeyPage.nextStep).toContainText('set aside as');
    await expect(journeyPage.startButton).toBeVisible();
  });
});
