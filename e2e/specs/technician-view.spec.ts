/**
 * The technician view on a replayed Kaspersky case (fixtures/detection/win-kes10-de-wsc, US rules,
 * 791 days after the cutoff): the evidence behind each finding, the reasoning, the scan's own
 * account, remembered across restarts; and on the journey, what to say at each step.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { technicianNotes } from '../../electron/core/plan/technician-notes';
import { expect, journeyStages, test } from '../fixtures';
import { HelpDeskPage } from '../pages/help-desk-page';

const KASPERSKY = /Kaspersky Endpoint Security/;
/** README shows the technician view from here. */
const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

test.describe('Kaspersky on Windows, region United States', () => {
  test.use({ cases: ['win-kes10-de-wsc'], now: '2026-11-29T12:00:00Z', region: 'US' });

  test('is off at first: the home user sees plain facts, the records folded away', async ({
    page,
    verdictPage,
  }) => {
    const help = new HelpDeskPage(page);
    await verdictPage.openAndWaitForVerdict();
    await expect(help.technicianSwitch).toHaveAttribute('aria-checked', 'false');
    const product = verdictPage.product(KASPERSKY);
    await expect(help.detectionEvidence(product)).toHaveCount(0);
    await expect(verdictPage.productDetailsSummary(product)).toBeVisible();
    await expect(help.scanSources).toHaveCount(0);
    await expect(help.decodeInput).toHaveCount(0);
  });

  test("shows each record behind Kaspersky: its source, the record, productState's bits named", async ({
    page,
    verdictPage,
    expectedResult,
  }) => {
    const detection = expectedResult.detections.find((d) => KASPERSKY.test(d.name));
    const wsc = detection?.evidence.find((e) => e.source === 'windows.wsc.antivirus');
    expect(wsc?.decoded?.productState).toBe('0x041000');

    const help = new HelpDeskPage(page);
    await verdictPage.openAndWaitForVerdict();
    await help.turnTechnicianView(true);
    const product = verdictPage.product(KASPERSKY);
    const items = help.evidenceItems(product);
    await expect(items).toHaveCount(detection?.evidence.length ?? -1);
    const item = help.evidenceItem(product, 'windows.wsc.antivirus');
    await expect(item.locator('.evidence__source')).toHaveText(
      'Windows Security Center windows.wsc.antivirus',
    );
    // The record exactly as read, as text.
    await expect(item.locator('pre')).toHaveText(wsc?.record ?? '');
    await expect(item.locator('pre')).toContainText('"productState":266240');
    await expect(help.decodedEvidence(item, 'productState')).toHaveText('0x041000');
    await expect(help.decodedEvidence(item, 'engine')).toHaveText('on');
    await expect(help.decodedEvidence(item, 'signatures')).toHaveText('up to date');
    await expect(help.decodedEvidence(item, 'owner')).toHaveText('third party');
    // The folded "Technical details" gives way to the full evidence.
    await expect(verdictPage.productDetailsSummary(product)).toHaveCount(0);
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'technician-view-evidence.png') });
  });

  test('shows the reasoning: the ban, judged against reported signatures, each reason with its code', async ({
    page,
    verdictPage,
    expectedResult,
  }) => {
    const detection = expectedResult.detections.find((d) => KASPERSKY.test(d.name));
    expect(detection?.signatures).toMatchObject({ upToDate: false, reportedUpToDate: true });

    const help = new HelpDeskPage(page);
    await verdictPage.openAndWaitForVerdict();
    await help.turnTechnicianView(true);
    const product = verdictPage.product(KASPERSKY);
    await expect(help.detectionFact(product, 'Ban in force')).toContainText(
      'Yes: us-bis-icts-2024 (US, binding); updates ended 29 September 2024, 791 days ago',
    );
    await expect(help.detectionFact(product, 'Signatures up to date, judged by Handover')).toHaveText('No');
    await expect(help.detectionFact(product, 'Signatures up to date, as the product reports')).toHaveText(
      'Yes',
    );
    await expect(help.detectionFact(product, 'Why they differ')).toContainText('The ban stopped its updates');
    await expect(help.detectionFact(product, 'Real-time protection')).toHaveText('On');

    for (const reason of expectedResult.verdict.reasons) {
      await expect(help.reasonCode(reason.code)).toContainText(reason.code);
      for (const id of reason.detectionIds) {
        const name = expectedResult.detections.find((d) => d.id === id)?.name ?? id;
        await expect(help.reasonCode(reason.code)).toContainText(name);
      }
    }
  });

  test("shows the scan's own account: timings, and each source's status, records and error", async ({
    page,
    verdictPage,
    expectedResult,
  }) => {
    const help = new HelpDeskPage(page);
    await verdictPage.openAndWaitForVerdict();
    await help.turnTechnicianView(true);
    await expect(help.scanTimings).toHaveText(/^capture [\d,]+ ms, analysis [\d,]+ ms$/);
    await expect(
      help.scanSources.getByRole('list', { name: 'Every source read' }).getByRole('listitem'),
    ).toHaveCount(expectedResult.sources.length);
    await expect(help.source('windows.wsc.antivirus')).toHaveText(
      'Windows Security Center windows.wsc.antivirus: Read, 1 record',
    );
    const absent = expectedResult.sources.find((s) => s.id === 'windows.uninstall');
    await expect(help.source('windows.uninstall')).toContainText(
      `Not on this computer, 0 records. ${absent?.reason}`,
    );
  });

  test('is remembered when the app is closed and opened again, and turns off the same way', async ({
    page,
    verdictPage,
    harness,
  }) => {
    const help = new HelpDeskPage(page);
    await verdictPage.openAndWaitForVerdict();
    await help.turnTechnicianView(true);
    await expect(help.technicianSwitch).toHaveAttribute('aria-checked', 'true');
    await expect(help.detectionEvidence(verdictPage.product(KASPERSKY))).toBeVisible();
    // Saved by the main process in the data folder, not by the page.
    await expect
      .poll(async () => JSON.parse(await readFile(join(harness.dataDir, 'settings.json'), 'utf8')).settings)
      .toEqual({ technicianView: true, theme: 'system' });

    await harness.restartApp();
    await verdictPage.waitForVerdict();
    await expect(help.technicianSwitch).toHaveAttribute('aria-checked', 'true');
    await expect(help.detectionEvidence(verdictPage.product(KASPERSKY))).toBeVisible();

    await help.turnTechnicianView(false);
    await expect(help.detectionEvidence(verdictPage.product(KASPERSKY))).toHaveCount(0);
    await harness.restartApp();
    await verdictPage.waitForVerdict();
    await expect(help.technicianSwitch).toHaveAttribute('aria-checked', 'false');
    await expect(help.detectionEvidence(verdictPage.product(KASPERSKY))).toHaveCount(0);
  });
});

test.describe('Windows, Kaspersky Total Security → Microsoft Defender: what to say at each step', () => {
  test.use({ cases: journeyStages('windows-kts-to-defender'), region: 'US' });

  test("the journey's steps show what to say and what the person should see, from their plan", async ({
    page,
    verdictPage,
    journeyPage,
    harness,
  }) => {
    const help = new HelpDeskPage(page);
    await verdictPage.openAndWaitForVerdict();
    await help.turnTechnicianView(true);
    await journeyPage.startButton.click();
    await journeyPage.waitForStep('keep-data');

    const plan = (await harness.api().getJourney()).plan;
    if (!plan) throw new Error('no plan after Start');
    const notes = technicianNotes(plan);
    await expect(help.stepNotes.getByRole('heading', { level: 2 })).toHaveText(
      'For the person helping: Keep your data',
    );
    await expect(help.stepNotesList('Say', 'Keep your data')).toHaveText([...notes['keep-data'].say]);
    await expect(help.stepNotesList('They should see', 'Keep your data')).toHaveText([
      ...notes['keep-data'].see,
    ]);
    // Made from this machine's plan: its items are named.
    await expect(help.stepNotes).toContainText('Note your VPN subscription');

    await journeyPage.button('Continue').click();
    await journeyPage.waitForStep('choose');
    await journeyPage.choose('microsoft-defender');
    await journeyPage.waitForStep('remove');
    await expect(help.stepNotes.getByRole('heading', { level: 2 })).toHaveText(
      'For the person helping: Remove',
    );
    await expect(help.stepNotesList('Say', 'Remove').first()).toHaveText(
      'Now we remove Kaspersky Total Security and Kaspersky VPN Secure Connection. Microsoft Defender Antivirus takes over afterwards.',
    );

    // Without the technician view, the person's own screen carries none of it.
    await help.turnTechnicianView(false);
    await expect(help.stepNotes).toHaveCount(0);
  });
});
