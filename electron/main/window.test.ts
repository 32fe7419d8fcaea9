import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: {
  options: Record<string, unknown>;
  handlers: Map<string, (...a: unknown[]) => void>;
  openHandler?: () => unknown;
  url?: string;
}[] = [];

// In plain Node, importing 'electron' would try to download the binary: replace it.
vi.mock('electron', () => ({
  BrowserWindow: class {
    webContents: unknown;
    constructor(options: Record<string, unknown>) {
      const record: (typeof created)[number] = { options, handlers: new Map() };
      created.push(record);
      this.webContents = {
        on: (event: string, handler: (...a: unknown[]) => void) => record.handlers.set(event, handler),
        setWindowOpenHandler: (handler: () => unknown) => {
          record.openHandler = handler;
        },
      };
      Object.assign(this, {
        once: vi.fn(),
        loadURL: (url: string) => {
          record.url = url;
          return Promise.resolve();
        },
      });
    }
  },
  net: { fetch: vi.fn() },
  protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() },
}));

const { createMainWindow } = await import('./window');

describe('createMainWindow (Electron security checklist)', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('isolates and sandboxes the renderer, with no Node in it', () => {
    createMainWindow('/app/out/preload/index.cjs');
    expect(created[0]?.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('loads only the app:// page and denies navigation, redirects, webviews and new windows', () => {
    createMainWindow('/p.cjs');
    const window = created[0];
    expect(window?.url).toBe('app://handover/index.html');
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      window?.handlers.get(event)?.({ preventDefault });
      expect(preventDefault, event).toHaveBeenCalled();
    }
    expect(window?.openHandler?.()).toEqual({ action: 'deny' });
  });
});
