/**
 * "Get help": reports in three formats, the summary on the clipboard, and a diagnostics file that
 * round-trips through "Open diagnostics" into a read-only view of the sender's machine under a
 * banner. Save dialogs answer with a path in the test's data folder; the clipboard is recorded.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, journeyStages, test } from '../fixtures';
import { HelpDeskPage } from '../pages/help-desk-page';

test.describe('Kaspersky on Windows, region United States', () => {
  test.use({ cases: ['win-kes10-de-wsc'], now: '2026-11-29T12:00:00Z', region: 'US' });

  test("the home user's screen keeps the tools folded under a clear label", async ({ page, verdictPage }) => {
    const help = new HelpDeskPage(page);
    await verdictPage.openAndWaitForVerdict();
    await expect(help.helpPanel.getByRole('heading', { name: 'Get help' })).toBeVisible();
    await expect(help.helpMoreSummary).toHaveText('For the person helping you');
    await expect(help.copySummaryButton).toBeHidden();
    await help.openHelpTools();
    await expect(help.copySummaryButton).toBeVisible();
  });

  test('saves the report in each format where the person chose, and says where', async ({
    page,
    verdictPage,
    harness,
  }) => {
    const help = new HelpDeskPage(page);
    await verdictPage.openAndWaitForVerdict();
    await help.openHelpTools();
    const formats = [
      { button: 'PDF', words: 'the report (PDF)', file: 'handover-report-2026-11-29.pdf' },
      { button: 'web page (HTML)', words: 'the report (web page)', file: 'handover-report-2026-11-29.html' },
      { button: 'data (JSON)', words: 'the report (JSON data)', file: 'handover-report-2026-11-29.json' },
    ] as const;
    for (const f of formats) {
      await help.saveReportButton(f.button).click();
      const path = join(harness.savedDir, f.file);
      await expect(help.outcome).toHaveText(`Saved ${f.words} to ${path}`);
      const bytes = await readFile(path);
      expect(bytes.length, f.file).toBeGreaterThan(0);
    }
    expect((await readFile(join(harness.savedDir, formats[0].file))).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('Copy summary puts the summary on the clipboard and shows it', async ({
    page,
    verdictPage,
    harness,
  }) => {
    const help = new HelpDeskPage(page);
    await verdictPage.openAndWaitForVerdict();
    await help.openHelpTools();
    await help.copySummaryButton.click();
    await expect(help.outcome).toContainText('Copied.');
    expect(harness.clipboard).toHaveLength(1);
    await expect(help.summaryText).toHaveText(harness.clipboard[0] ?? '');
    await expect(help.summaryText).toContainText('Kaspersky Endpoint Security');
  });

  test('a file that is not a diagnostics file gives one clear message and changes nothing', async ({
    page,
    verdictPage,
    harness,
  }) => {
    const help = new HelpDeskPage(page);
    const bogus = join(harness.dataDir, 'not-diagnostics.json');
    await writeFile(bogus, '{"hello": "<script>alert(1)</script>"}');
    harness.chooseFileToOpen(bogus);
    await verdictPage.openAndWaitForVerdict();
    const headline = await verdictPage.verdictHeading.textContent();
    await help.openHelpTools();
    await help.openDiagnosticsButton.click();
    await expect(help.openError).toHaveText(
      new RegExp(`^Could not open ${bogus.replace(/[/.]/g, '\\$&')}: `),
    );
    await expect(help.viewingBanner).toHaveCount(0);
    await expect(verdictPage.verdictHeading).toHaveText(headline ?? '');
    expect(await harness.api().getViewing()).toBeNull();
  });
});

test.describe('Kaspersky Total Security on Windows: a diagnostics file, sent and opened', () => {
  test.use({ cases: journeyStages('windows-kts-to-defender'), region: 'US' });

  test('round-trips through Open diagnostics: banner, read-only, their step and code; Close returns', async ({
    page,
    verdictPage,
    journeyPage,
    harness,
  }) => {
    test.slow();
    const help = new HelpDeskPage(page);
    await verdictPage.openAndWaitForVerdict();
    await journeyPage.startButton.click();
    await journeyPage.button('Continue').click();
    await journeyPage.waitForStep('choose');
    const theirCode = (await help.supportCode.textContent()) ?? '';

    // The sender saves it, personal details hidden (the default).
    await expect(help.hidePersonalDetails).not.toBeVisible();
    await help.openHelpTools();
    await expect(help.hidePersonalDetails).toBeChecked();
    await expect(help.helpPanel).toContainText('replaced with placeholders');
    await help.saveDiagnosticsButton.click();
    const saved = join(harness.savedDir, 'handover-diagnostics-2026-11-29.json');
    await expect(help.outcome).toHaveText(`Saved the diagnostics file to ${saved}`);

    // The helper opens it (here, the same window).
    harness.chooseFileToOpen(saved);
    await help.openDiagnosticsButton.click();
    await expect(help.viewingBanner).toBeVisible();
    await verdictPage.waitForVerdict();
    const viewing = await harness.api().getViewing();
    if (!viewing) throw new Error('the harness shows no diagnostics file');
    await expect(help.viewingBanner).toContainText(
      `You are looking at a diagnostics file from ${viewing.sender}: that computer as it was on 29 November 2026 at 12:00 (today); the file was made 29 November 2026 at 12:00 (today). Read-only: nothing here changes this computer.`,
    );
    await expect(help.viewingBanner).toContainText('Personal details were hidden');
    await page.screenshot({
      path: join(import.meta.dirname, '..', '..', 'docs', 'screenshots', 'diagnostics-opened.png'),
    });
    // Their journey, without anything to start or do on this computer.
    await expect(help.theirJourney).toContainText('They were on step: Choose');
    await expect(help.theirJourney).toContainText(`Their support code: ${theirCode}`);
    await expect(journeyPage.startButton).toHaveCount(0);
    await expect(journeyPage.resumeButton).toHaveCount(0);
    await expect(journeyPage.nextStep).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Change country' })).toHaveCount(0);
    await expect(help.supportCodeLine).toHaveCount(0);
    // Their machine, in their words, and nothing that would act on the helper's own (issue 12 §1).
    await expect(page.getByRole('button', { name: 'Scan again', exact: true })).toHaveCount(0);
    await expect(page.locator('.region')).toContainText('set by them');
    await expect(page.locator('.region')).not.toContainText('set by you');
    await expect(verdictPage.verdictHeading).not.toContainText('this computer');
    expect(await help.accessibilityViolations('viewing')).toEqual([]);

    await help.closeViewingButton.click();
    await expect(help.viewingBanner).toHaveCount(0);
    await verdictPage.waitForVerdict();
    await expect(journeyPage.resumeButton).toBeVisible();
    // This computer's own code again (the scenario has moved on a stage: the code of that scan).
    await expect(help.supportCodeLine).toBeVisible();
    await expect
      .poll(async () => (await help.supportCode.textContent()) === (await harness.api().getSupportCode()))
      .toBe(true);
  });
});
