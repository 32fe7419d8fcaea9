/**
 * Builds the help desk's dependencies for a host: the settings file and the app's log in the data
 * folder, atomic writes, and reading a file someone sent (never more than a diagnostics file may
 * hold). The host adds what only it can do: dialogs, printing to PDF, the clipboard. No
 * 'electron' here: the e2e harness builds the same thing with its own dialogs.
 */
import { open } from 'node:fs/promises';
import type { HelpDeskDeps } from '../api/help-desk-handlers';
import { writeFileAtomic } from './atomic-write';
import type { RotatingLog } from './rotating-log';
import { createSettingsStore } from './settings-store';

/** Files people open are refused past this size (issue 4): reading stops there, not at the end. */
export const MAX_OPENED_FILE_BYTES = 50 * 1024 * 1024;

export interface HelpDeskHostOptions
  extends Pick<HelpDeskDeps, 'chooseSaveFile' | 'chooseDiagnosticsFile' | 'renderPdf' | 'writeClipboard'> {
  readonly dataDir: string;
  readonly now: () => Date;
  readonly log: RotatingLog;
}

/**
 * Reads at most limit + 1 bytes, so a huge file is known to be too big without loading it all;
 * the reader then refuses it by its length.
 */
export async function readAtMost(path: string, limit: number = MAX_OPENED_FILE_BYTES): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    // Sized by the file, so a small file costs little; one byte over the limit shows it is too big.
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(size, limit) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

export function createHelpDeskDeps(options: HelpDeskHostOptions): HelpDeskDeps {
  return {
    settings: createSettingsStore({ dir: options.dataDir, now: options.now }),
    chooseSaveFile: options.chooseSaveFile,
    chooseDiagnosticsFile: options.chooseDiagnosticsFile,
    renderPdf: options.renderPdf,
    writeClipboard: options.writeClipboard,
    readFile: (path) => readAtMost(path),
    writeFileAtomic: (path, content) => writeFileAtomic(path, content),
    readAppLog: () => options.log.entries(),
  };
}
