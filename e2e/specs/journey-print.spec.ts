/**
 * Print and "Save as PDF" of the plan (issue 12 §5): the print stylesheet shows the whole plan
 * (every step, the choice and its page, what to keep and remove) without the controls, light
 * whatever the screen's theme; Print opens the window's own print dialog, and Save the plan as
 * PDF has the main process print the window (the harness: Chromium's printer, the same options).
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, journeyStages, test } from '../fixtures';

test.use({ cases: journeyStages('windows-kts-to-defender'), region: 'US', colorScheme: 'dark' });

const pdfText = (path: string) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

async function toRemove(
  verdictPage: { openAndWaitForVerdict(): Promise<void> },
  journeyPage: import('../pages/journey-page').JourneyPage,
) {
  await verdictPage.openAndWaitForVerdict();
  await journeyPage.startToChoose();
  await journeyPage.choose('microsoft-defender');
  await journeyPage.waitForStep('remove');
}

test('printed, the page is the whole plan without the controls, on a light page', async ({
  page,
  verdictPage,
  journeyPage,
  handlers,
}) => {
  await toRemove(verdictPage, journeyPage);
  const printOut = page.getByTestId('plan-print');
  await expect(printOut).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(printOut).toBeVisible();
  await expect(journeyPage.rail).toBeHidden();
  await expect(journeyPage.step).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  const plan = (await handlers.getJourney()).plan;
  for (const step of plan?.steps ?? [])
    await expect(printOut.locator(`[data-print-step="${step.id}"]`)).toContainText(step.title);
  await expect(printOut).toContainText('Chosen to protect this computer next: Microsoft Defender Antivirus');
  await expect(printOut).toContainText(
    'https://learn.microsoft.com/en-us/defender-endpoint/microsoft-defender-security-center-antivirus',
  );
  for (const removal of plan?.removals ?? []) await expect(printOut).toContainText(removal.name);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
    'rgb(255, 255, 255)',
  );
});

test('Print opens the window’s print dialog', async ({ page, verdictPage, journeyPage }) => {
  await toRemove(verdictPage, journeyPage);
  await page.evaluate(() => {
    window.print = () => {
      document.documentElement.dataset.printed = 'yes';
    };
  });
  await page.getByRole('button', { name: 'Print the plan' }).press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-printed', 'yes');
});

test('Save the plan as PDF writes the printed plan where the person chose', async ({
  page,
  verdictPage,
  journeyPage,
  harness,
}) => {
  await toRemove(verdictPage, journeyPage);
  await page.getByRole('button', { name: 'Save the plan as PDF…' }).click();
  const path = join(harness.savedDir, 'handover-plan-2026-11-29.pdf');
  await expect(page.getByTestId('plan-saved')).toHaveText(`Saved the plan (PDF) to ${path}`);
  expect((await readFile(path)).subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(path);
  expect(text).toContain('Your plan to move to a new antivirus');
  expect(text).toContain('Chosen to protect this computer next: Microsoft Defender Antivirus');
  // The controls are not on paper.
  expect(text).not.toContain('Save the plan as PDF');
  expect(text).not.toContain('Technician view');
});
