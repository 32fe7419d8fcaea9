/**
 * Builds the help desk's dependencies for a host: the settings file and the app's log in the data
 * folder, atomic writes, and reading a file someone sent (never more than a diagnostics file may
 * hold). The host adds what only it can do: dialogs, printing to PDF, the clipboard. No
 * 'electron' here: the e2e harness builds the same thing with its own dialogs.
 */
import { writeFileAtomic } from '../../files/atomic-write';
import { readAtMost } from '../../files/read-at-most';
import type { RotatingLog } from '../../files/rotating-log';
import { createSettingsStore } from '../../files/settings-store';
import type { HelpDeskDeps } from '../help-desk-handlers';

export interface HelpDeskHostOptions
  extends Pick<
    HelpDeskDeps,
    | 'chooseSaveFile'
    | 'chooseDiagnosticsFile'
    | 'chooseFleetFolder'
    | 'fleetPreparer'
    | 'renderPdf'
    | 'printWindowToPdf'
    | 'writeClipboard'
  > {
  readonly dataDir: string;
  readonly now: () => Date;
  readonly log: RotatingLog;
}

export function createHelpDeskDeps(options: HelpDeskHostOptions): HelpDeskDeps {
  return {
    settings: createSettingsStore({ dir: options.dataDir, now: options.now }),
    chooseSaveFile: options.chooseSaveFile,
    chooseDiagnosticsFile: options.chooseDiagnosticsFile,
    chooseFleetFolder: options.chooseFleetFolder,
    ...(options.fleetPreparer ? { fleetPreparer: options.fleetPreparer } : {}),
    dataDir: options.dataDir,
    renderPdf: options.renderPdf,
    printWindowToPdf: options.printWindowToPdf,
    writeClipboard: options.writeClipboard,
    readFile: (path) => readAtMost(path),
    writeFileAtomic: (path, content) => writeFileAtomic(path, content),
    readAppLog: () => options.log.entries(),
  };
}
