/**
 * Electron main process: lifecycle, the window, IPC and the app's data folder. Everything
 * else (probes, analysis) is shared with the CLI and the tests through the handler table.
 */

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, clipboard, dialog, powerMonitor, session } from 'electron';
import packageJson from '../../package.json' with { type: 'json' };

const { version } = packageJson;

import { createRestartResume, RESUME_FLAG } from '../actions/restart-resume';
import { createHandlers } from '../api/handlers';
import { helpDeskFrom, type SavePurpose } from '../api/help-desk-handlers';
import { createActionLog } from '../api/host-deps/action-log-file';
import { createFleetWorkerPool } from '../api/host-deps/fleet-worker-pool';
import { createHelpDeskDeps } from '../api/host-deps/help-desk-deps';
import { createMigrationDeps } from '../api/host-deps/migration-deps';
import { scanLogTo } from '../api/host-deps/scan-log';
import { createWorkerAnalyser } from '../api/host-deps/worker-analyser';
import { migrationJourney } from '../api/journey-handlers';
import { createRotatingLog } from '../files/rotating-log';
import { createExecFileRunner } from '../probes/command-runner';
import { createPreflightProbe } from '../probes/host/preflight-probe';
import { createMachineCaptureSource, currentPlatform } from '../probes/machine-capture-source';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { isCliMode, runCliMode } from './cli-mode';
import { bindApi } from './ipc';
import { openVendorPage } from './open-link';
import { printHtmlToPdf } from './print-to-pdf';
import { createMainWindow, preloadPathFrom } from './window';

if (isCliMode(process.argv)) {
  // The command line (cli-mode.ts): no window, no single-instance lock, no protocol.
  runCliMode(__dirname, app);
} else {
  startWindowApp();
}

function startWindowApp(): void {
  registerAppScheme();

  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    app.on('web-contents-created', (_event, contents) => {
      contents.on('will-navigate', (event) => event.preventDefault());
      contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    });

    app.whenReady().then(async () => {
      // No permission (camera, notifications, ...) is ever needed: deny all (checklist 5).
      session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
        callback(false),
      );
      session.defaultSession.setPermissionCheckHandler(() => false);
      serveRenderer(join(__dirname, '../renderer'));

      const now = () => new Date();
      const dataDir = app.getPath('userData');
      const log = createRotatingLog({ dir: join(dataDir, 'logs'), now });
      const runner = createExecFileRunner(now, process.env.PATH);
      const platform = currentPlatform();
      const focused = () => BrowserWindow.getFocusedWindow() ?? undefined;
      const pick = async (
        properties: ('openFile' | 'openDirectory' | 'createDirectory')[],
        title: string,
      ) => {
        const window = focused();
        const options = { title, properties };
        const chosen = window
          ? await dialog.showOpenDialog(window, options)
          : await dialog.showOpenDialog(options);
        return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
      };
      const saveDialogs: Readonly<Record<SavePurpose, { title: string; filter: Electron.FileFilter }>> = {
        'report-json': { title: 'Save the report (JSON)', filter: { name: 'JSON', extensions: ['json'] } },
        'report-html': {
          title: 'Save the report (web page)',
          filter: { name: 'Web page', extensions: ['html'] },
        },
        'report-pdf': { title: 'Save the report (PDF)', filter: { name: 'PDF', extensions: ['pdf'] } },
        'plan-pdf': { title: 'Save the plan (PDF)', filter: { name: 'PDF', extensions: ['pdf'] } },
        diagnostics: {
          title: 'Save diagnostics',
          filter: { name: 'Handover diagnostics', extensions: ['json'] },
        },
        'fleet-csv': { title: 'Export the fleet as CSV', filter: { name: 'CSV', extensions: ['csv'] } },
      };
      const chooseSaveFile = async (purpose: SavePurpose, suggestedName: string) => {
        const { title, filter } = saveDialogs[purpose];
        const options = {
          title,
          defaultPath: join(app.getPath('documents'), suggestedName),
          filters: [filter],
        };
        const window = focused();
        const chosen = window
          ? await dialog.showSaveDialog(window, options)
          : await dialog.showSaveDialog(options);
        return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
      };
      if (process.argv.includes(RESUME_FLAG)) {
        // Opened by Windows after the restart: the RunOnce entry has done its job (Windows removes
        // it before running it; this makes sure).
        await createRestartResume({
          runner,
          log: createActionLog({ dir: dataDir, now }),
          platform,
          exePath: process.execPath,
          env: process.env,
          now,
        }).unregister();
      }
      const handlers = createHandlers({
        captureSource: createMachineCaptureSource({ now, env: process.env, version }),
        // Captures (this machine's, or a diagnostics file someone sent) are analysed off the main
        // thread: bundled beside this file by scripts/build-electron.mjs.
        analyse: createWorkerAnalyser({ workerPath: join(__dirname, 'analysis-worker.cjs') }),
        now,
        host: 'electron',
        version,
        platform,
        journey: migrationJourney(
          createMigrationDeps({
            dataDir,
            runner,
            env: process.env,
            now,
            platform,
            exePath: process.execPath,
            // Checked again here: only https pages on the alternatives' vendor domains (checklist 15).
            openExternal: (url) => openVendorPage(url),
            chooseExportFile: () => pick(['openFile'], 'Choose the Password Manager text export'),
            chooseFolder: () =>
              pick(['openDirectory', 'createDirectory'], 'Choose where to save the converted file'),
            preflight: createPreflightProbe({
              platform: process.platform,
              systemDrive: process.env.SystemDrive,
              // GetSystemPowerStatus on Windows, no program started (the probe says why only there).
              onBatteryPower: () => powerMonitor.isOnBatteryPower(),
            }),
          }),
        ),
        helpDesk: helpDeskFrom(
          createHelpDeskDeps({
            dataDir,
            now,
            log,
            chooseSaveFile,
            chooseDiagnosticsFile: () => pick(['openFile'], 'Open a diagnostics file someone sent you'),
            chooseFleetFolder: () =>
              pick(['openDirectory'], 'Open the folder your machines write their Handover files into'),
            // A folder's files are prepared off this thread, so the window stays responsive.
            fleetPreparer: createFleetWorkerPool({
              workerPath: join(__dirname, '..', 'cli', 'fleet-worker.cjs'),
              size: Math.min(availableParallelism(), 8),
            }),
            renderPdf: printHtmlToPdf,
            // The window as it prints: its print stylesheet shows the whole plan, without the controls.
            printWindowToPdf: async () => {
              const window = focused() ?? BrowserWindow.getAllWindows()[0];
              if (!window) throw new Error('there is no window to print');
              return window.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
            },
            writeClipboard: async (text) => clipboard.writeText(text),
          }),
        ),
        log: scanLogTo(log),
      });
      bindApi(handlers, (error) => void log.write('ipc-refused', { error }));
      await log.write('app-started', { version, platform: currentPlatform() });

      const window = createMainWindow(preloadPathFrom(__dirname));
      app.on('second-instance', () => {
        if (window.isMinimized()) window.restore();
        window.focus();
      });
    });

    app.on('window-all-closed', () => app.quit());
  }
}
