/**
 * Electron main process: lifecycle, the window, IPC and the app's data folder. Everything
 * else (probes, analysis) is shared with the CLI and the tests through the handler table.
 */

import { join } from 'node:path';
import { app, session } from 'electron';
import packageJson from '../../package.json' with { type: 'json' };

const { version } = packageJson;

import { createHandlers } from '../api/handlers';
import { createRotatingLog } from '../files/rotating-log';
import { createMachineCaptureSource, currentPlatform } from '../probes/machine-capture-source';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { bindApi } from './ipc';
import { createMainWindow, preloadPathFrom } from './window';

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
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    serveRenderer(join(__dirname, '../renderer'));

    const now = () => new Date();
    const log = createRotatingLog({ dir: join(app.getPath('userData'), 'logs'), now });
    const handlers = createHandlers({
      captureSource: createMachineCaptureSource({ now, env: process.env, version }),
      now,
      host: 'electron',
      version,
      platform: currentPlatform(),
      log: {
        scanFinished: (result) => {
          void log.write('scan-finished', {
            captureMs: result.timings.captureMs,
            analyseMs: result.timings.analyseMs,
            verdict: result.verdict.level,
            detections: result.detections.length,
            unreadable: result.sources
              .filter((s) => s.status === 'unreadable')
              .map((s) => ({ source: s.id, reason: s.reason })),
          });
        },
        scanFailed: (error) => void log.write('scan-failed', { error }),
      },
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
