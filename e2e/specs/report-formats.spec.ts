/**
 * The report in every format, read back the way its reader would: the saved page rendered in
 * Chromium on its own (no request leaves it, nothing runs), and the PDF's text extracted with
 * poppler's pdftotext (installed by .ci/run). Also keeps docs/sample-report.pdf current: its text
 * must be the text of docs/sample-report.html printed now (UPDATE_DOCS=1 rewrites it; the bytes
 * differ on every print because Chromium stamps the creation time, so only the text is compared).
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '../fixtures';
import { HelpDeskPage } from '../pages/help-desk-page';

const DOCS = join(import.meta.dirname, '..', '..', 'docs');

/** The text of a PDF, words separated by single spaces (layout differs between printers). */
function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
    .replace(/\s+/g, ' ')
    .trim();
}

test.describe('the report of a real Kaspersky case, US rules', () => {
  test.use({ cases: ['win-kes10-de-wsc'], now: '2026-11-29T12:00:00Z', region: 'US' });

  test('the saved page stands alone in a browser: no requests, no script, the verdict and the evidence', async ({
    page,
    context,
    verdictPage,
    harness,
  }) => {
    const help = new HelpDeskPage(page);
    await verdictPage.openAndWaitForVerdict();
    const headline = (await verdictPage.verdictHeading.textContent()) ?? '';
    await help.openHelpTools();
    await help.saveReportButton('web page (HTML)').click();
    const path = join(harness.savedDir, 'handover-report-2026-11-29.html');
    await expect(help.outcome).toContainText(path);

    const reader = await context.newPage();
    const requests: string[] = [];
    reader.on('request', (request) => requests.push(request.url()));
    await reader.goto(pathToFileURL(path).href);
    await expect(reader.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(reader.locator('body')).toContainText(headline);
    await expect(reader.locator('body')).toContainText('Kaspersky Endpoint Security');
    await expect(reader.locator('body')).toContainText('productState');
    expect(await reader.locator('script').count()).toBe(0);
    expect(requests).toEqual([pathToFileURL(path).href]);
  });

  test("the PDF's text names the product and the verdict", async ({ page, verdictPage, harness }) => {
    const help = new HelpDeskPage(page);
    await verdictPage.openAndWaitForVerdict();
    const headline = (await verdictPage.verdictHeading.textContent()) ?? '';
    await help.openHelpTools();
    await help.saveReportButton('PDF').click();
    const path = join(harness.savedDir, 'handover-report-2026-11-29.pdf');
    await expect(help.outcome).toContainText(path);
    const text = pdfText(path);
    expect(text).toContain('Kaspersky Endpoint Security');
    expect(text).toContain(headline.replace(/\s+/g, ' '));
  });
});

test('docs/sample-report.pdf is docs/sample-report.html printed', async ({ browser }, testInfo) => {
  const html = await readFile(join(DOCS, 'sample-report.html'), 'utf8');
  const printer = await browser.newPage({ javaScriptEnabled: false });
  await printer.setContent(html, { waitUntil: 'load' });
  const fresh = testInfo.outputPath('sample-report.pdf');
  await writeFile(fresh, await printer.pdf({ format: 'A4', printBackground: true }));
  const committed = join(DOCS, 'sample-report.pdf');
  if (process.env.UPDATE_DOCS === '1') await writeFile(committed, await readFile(fresh));
  expect(pdfText(committed), 'docs/sample-report.pdf is stale: run with UPDATE_DOCS=1').toBe(pdfText(fresh));
});
