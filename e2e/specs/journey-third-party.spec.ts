/**
 * Windows, Kaspersky Standard with Password Manager → a third-party product: the export is
 * converted on this computer (only counts and the path are shown), and the vendor's page is
 * opened by the main process, never by the window.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, journeyStages, test } from '../fixtures';
import { journeyShot } from '../journey-shots';
import type { JourneyPage } from '../pages/journey-page';
import type { VerdictPage } from '../pages/verdict-page';

test.use({ cases: journeyStages('windows-standard-kpm-to-thirdparty'), region: 'US' });

/** The journey started, at Keep your data, with the export converted for `format`: the result shown. */
async function convertOnKeepData(verdictPage: VerdictPage, journeyPage: JourneyPage, format: string) {
  await verdictPage.openAndWaitForVerdict();
  await journeyPage.startButton.click();
  await journeyPage.waitForStep('keep-data');
  await journeyPage.exportFormat(format).check();
  await journeyPage
    .keepItem('password-manager-export')
    .getByRole('button', { name: 'Convert my export…' })
    .click();
  return journeyPage.conversionResult();
}

test('converts the Password Manager export, showing counts and where, never the passwords', async ({
  verdictPage,
  journeyPage,
  harness,
}) => {
  const result = await convertOnKeepData(verdictPage, journeyPage, '1Password');
  await expect(journeyPage.spreadsheetWarning()).toHaveText(
    'The converted file holds your passwords in plain text, exactly as they are. Do not open it in a spreadsheet program (Excel, Numbers, LibreOffice Calc or any other): a spreadsheet treats a password that starts with =, +, - or @ as a formula, and saving the file there can change your passwords. Import it straight into your new password manager.',
  );
  await expect(result).toContainText(/Converted \d+ entr(y|ies)/);
  await expect(result).toContainText(harness.dataDir);
  await expect(result).toContainText('delete both plain-text files');
  const written = (await result.locator('code.path').textContent()) ?? '';
  const csv = await readFile(written, 'utf8');
  expect(csv.length).toBeGreaterThan(0);
  // The sample vault's login and password never reach the screen.
  const screen = (await journeyPage.page.locator('body').textContent()) ?? '';
  expect(screen).not.toContain('anna@example.com');
  const passwords = [
    ...(await readFile(`${harness.dataDir}/kaspersky-passwords.txt`, 'utf8')).matchAll(/^Password: (.+)$/gm),
  ];
  expect(passwords.length).toBeGreaterThan(0);
  for (const [, password] of passwords) expect(screen).not.toContain(password);
});

test('deletes the converted file once it is imported: that file only, once (point 5 of issue 12 §4)', async ({
  verdictPage,
  journeyPage,
  harness,
}) => {
  const result = await convertOnKeepData(verdictPage, journeyPage, 'Bitwarden');
  const written = (await result.locator('code.path').textContent()) ?? '';
  expect(existsSync(written)).toBe(true);

  const deletion = journeyPage.convertedFileDeletion();
  await deletion.getByRole('button', { name: 'I have imported it: delete the converted file' }).click();
  await expect(deletion.getByRole('status')).toHaveText(
    'The converted file is deleted (for good: it is not in the Recycle Bin). Delete the Kaspersky export yourself.',
  );
  expect(existsSync(written)).toBe(false);
  // The person's own Kaspersky export stays where it was; the button is gone, so no second delete.
  expect(existsSync(join(harness.dataDir, 'kaspersky-passwords.txt'))).toBe(true);
  await expect(deletion.getByRole('button')).toHaveCount(0);
  // Asked again through the bridge, the main process refuses: it deletes a file once.
  await expect(harness.api().deleteConvertedFile(written)).rejects.toThrow(/only once/);
  await expect(
    harness.api().deleteConvertedFile(join(harness.dataDir, 'kaspersky-passwords.txt')),
  ).rejects.toThrow(/did not write this one/);
  expect(existsSync(join(harness.dataDir, 'kaspersky-passwords.txt'))).toBe(true);
});

test.describe('when the person cancels the file choice', () => {
  test.use({ passwordExport: null });

  test('says nothing was converted', async ({ verdictPage, journeyPage }) => {
    await verdictPage.openAndWaitForVerdict();
    await journeyPage.startButton.click();
    await journeyPage
      .keepItem('password-manager-export')
      .getByRole('button', { name: 'Convert my export…' })
      .click();
    await expect(journeyPage.step).toContainText('Nothing was converted');
  });
});

test('opens the download page through the main process, then waits for the new product', async ({
  verdictPage,
  journeyPage,
  harness,
}) => {
  await verdictPage.openAndWaitForVerdict();
  await journeyPage.startButton.click();
  await journeyPage.button('Continue').click();
  await journeyPage.waitForStep('choose');
  // Avast: the one with a checked download page in the catalog.
  await journeyPage.choose('avast');
  await journeyPage.waitForStep('remove');
  await journeyPage.button('Scan again to see what is still installed').click();

  // 2-after-removal: Kaspersky gone; Install is next.
  await journeyPage.waitForStep('install');
  await expect(journeyPage.step).toContainText('https://www.avast.com/free-antivirus-download');
  expect(harness.openedUrls).toEqual([]);
  await journeyPage.button('Open the download page').click();
  await expect(journeyPage.step).toContainText('The download page is open in your web browser.');
  expect(harness.openedUrls).toEqual(['https://www.avast.com/free-antivirus-download']);
  await expect(journeyPage.button('I have installed it, scan again')).toBeVisible();
  // 6-install.png is the Defender journey's Install (its signature update); this is the Install
  // step of the Windows journey to a third-party product.
  await journeyShot(journeyPage.page, 'windows', '6-install-third-party');
});

test('a choice without a checked page says where to go instead', async ({
  verdictPage,
  journeyPage,
  harness,
}) => {
  await verdictPage.openAndWaitForVerdict();
  await journeyPage.startButton.click();
  await journeyPage.button('Continue').click();
  await journeyPage.choose('avira');
  await journeyPage.button('Scan again to see what is still installed').click();
  await journeyPage.waitForStep('install');
  await journeyPage.button('Open the download page').click();
  await expect(journeyPage.step).toContainText('Handover has no checked page for Avira');
  expect(harness.openedUrls).toEqual([]);
});
