/** The one window, locked down per Electron's security checklist. */

import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { RENDERER_URL } from './app-protocol';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 960,
    height: 760,
    minWidth: 420,
    minHeight: 480,
    title: 'Handover',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  });

  // Navigation and new windows are denied (checklist 13, 14): the app has one page.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-redirect', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(RENDERER_URL);
  return window;
}

export const preloadPathFrom = (mainDir: string) => join(mainDir, '../preload/index.cjs');
