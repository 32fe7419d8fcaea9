/**
 * The report's page printed to PDF with Electron's printToPDF, in a hidden window that runs no
 * script (the page has none; this makes sure) and is destroyed afterwards. The page is loaded
 * from a temporary file, not a data: URL, because Chromium caps URL length at 2 MB.
 * The e2e harness prints with Chromium's own printer and the same options (e2e/fixtures.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { withPrivateTemporaryFolder } from '../files/private-temp';

export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  // A private folder (files/private-temp.ts), removed with the page however printing ends.
  return withPrivateTemporaryFolder(async (dir) => {
    const page = join(dir, 'report.html');
    await writeFile(page, html, { mode: 0o600 });
    const window = new BrowserWindow({
      show: false,
      webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    try {
      await window.loadFile(page);
      return await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
    } finally {
      window.destroy();
    }
  });
}
