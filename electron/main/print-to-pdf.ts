/**
 * The report's page printed to PDF with Electron's printToPDF, in a hidden window that runs no
 * script (the page has none; this makes sure) and is destroyed afterwards. The page is loaded
 * from a temporary file, not a data: URL, because Chromium caps URL length at 2 MB.
 * The e2e harness prints with Chromium's own printer and the same options (e2e/fixtures.ts).
 */
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';

export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const page = join(tmpdir(), `handover-report-${randomBytes(6).toString('hex')}.html`);
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
    await rm(page, { force: true });
  }
}
