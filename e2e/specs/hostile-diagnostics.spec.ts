/**
 * A diagnostics file whose product name carries markup and a spreadsheet formula (a file anyone
 * can write): opened, the name is shown as text, nothing in it runs, and the report made from it
 * shows it as text too. The machine is the real win-kes10-de-wsc record with only its
 * displayName replaced by the hostile text.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDiagnosticsFile } from '../../electron/core/diagnostics/build-diagnostics';
import { captureFromCaseFiles } from '../../electron/probes/replay/case-capture';
import { CASES_DIR, expect, test } from '../fixtures';
import { HelpDeskPage } from '../pages/help-desk-page';

const HOSTILE = '<img src=x onerror="window.__pwned=1">=HYPERLINK("https://example.invalid","Kaspersky")';

test.use({ cases: ['win10-bitdefender-defender-off-thm'], region: 'US' });

test('a hostile product name is shown as text and runs nothing, on screen and in the report', async ({
  page,
  verdictPage,
  harness,
}) => {
  const record = JSON.parse(
    await readFile(join(CASES_DIR, 'win-kes10-de-wsc', 'securitycenter2.json'), 'utf8'),
  );
  const capture = captureFromCaseFiles(
    'hostile-name',
    new Map([['securitycenter2.json', JSON.stringify({ ...record, displayName: HOSTILE })]]),
    '2026-11-28T08:00:00.000Z',
  );
  const file = buildDiagnosticsFile(
    { capture, report: null, log: [] },
    { createdAt: '2026-11-28T09:00:00.000Z', appVersion: '0.1.0', hidePersonalDetails: false },
  );
  if (!file.ok) throw new Error(file.error);
  const path = join(harness.dataDir, 'hostile.json');
  await writeFile(path, JSON.stringify(file.value));

  const help = new HelpDeskPage(page);
  await verdictPage.openAndWaitForVerdict();
  harness.chooseFileToOpen(path);
  await help.openHelpTools();
  await help.openDiagnosticsButton.click();
  await expect(help.viewingBanner).toBeVisible();
  await verdictPage.waitForVerdict();

  // The card names the product from the catalog; the record behind it (JSON, the name as read)
  // is in the technician view's evidence.
  await help.turnTechnicianView(true);
  await expect(
    page
      .locator('.evidence__record, pre')
      .filter({ hasText: JSON.stringify(HOSTILE) })
      .first(),
  ).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  await help.openHelpTools();
  await help.saveReportButton('web page (HTML)').click();
  const saved = join(harness.savedDir, 'handover-report-2026-11-29.html');
  // Read once the window says it is saved: the click only starts the save.
  await expect(help.outcome).toContainText(saved);
  const html = await readFile(saved, 'utf8');
  expect(html).not.toContain('<img');
  expect(html).toContain('&lt;img src=x onerror=');
});
