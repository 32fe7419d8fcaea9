/**
 * Smoke test of the real main-process entry, bundled as `npm run build` bundles it, with
 * Electron replaced by a recording stand-in (the Electron binary cannot run here): the app
 * registers its protocol, binds exactly the Api channels, opens one locked-down window on
 * app://handover, and the handler table answers through IPC.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, channelFor } from '../api/channels';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const recorded = {
  channels: new Map<string, Handler>(),
  windows: [] as { options: { webPreferences: Record<string, unknown> }; url?: string }[],
  schemes: [] as unknown[],
};
let userData: string;
let ready: () => void;
const whenReady = new Promise<void>((r) => {
  ready = r;
});

function fakeElectron() {
  const session = { setPermissionRequestHandler() {}, setPermissionCheckHandler() {} };
  return {
    app: {
      requestSingleInstanceLock: () => true,
      on() {},
      quit() {},
      whenReady: () => whenReady,
      getPath: () => userData,
    },
    session: { defaultSession: session },
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => recorded.schemes.push(...s), handle() {} },
    net: { fetch: async () => new Response('') },
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    shell: { openExternal: async () => {} },
    ipcMain: { handle: (channel: string, handler: Handler) => recorded.channels.set(channel, handler) },
    BrowserWindow: class {
      static getFocusedWindow() {
        return null;
      }
      webContents = { on() {}, setWindowOpenHandler() {} };
      constructor(options: { webPreferences: Record<string, unknown> }) {
        recorded.windows.push({ options });
      }
      once() {}
      on() {}
      loadURL(url: string) {
        (recorded.windows.at(-1) as { url?: string }).url = url;
        return Promise.resolve();
      }
    },
  };
}

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleWithLoad = Module as unknown as { _load: Loader };
const originalLoad = moduleWithLoad._load;

beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'handover-main-'));
  const outfile = join(userData, 'main.cjs');
  await build({
    entryPoints: [resolve(import.meta.dirname, 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    external: ['electron'],
    logLevel: 'silent',
  });
  const electron = fakeElectron();
  moduleWithLoad._load = (request, parent, isMain) =>
    request === 'electron' ? electron : originalLoad(request, parent, isMain);
  createRequire(import.meta.url)(outfile);
  ready();
  await new Promise((r) => setTimeout(r, 200));
});

afterAll(() => {
  moduleWithLoad._load = originalLoad;
});

describe('the bundled main process, with Electron stood in', () => {
  it('registers app:// as a secure standard scheme and binds exactly the Api channels', () => {
    expect(recorded.schemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ secure: true }) }),
    ]);
    expect([...recorded.channels.keys()].sort()).toEqual(API_METHODS.map(channelFor).sort());
  });

  it('opens one sandboxed, isolated window on the app:// page', () => {
    expect(recorded.windows).toHaveLength(1);
    expect(recorded.windows[0]?.url).toBe('app://handover/index.html');
    expect(recorded.windows[0]?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(String(recorded.windows[0]?.options.webPreferences.preload)).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('answers through IPC with the real handler table, and refuses a foreign sender', async () => {
    const appInfo = recorded.channels.get('handover:appInfo') as Handler;
    await expect(appInfo({ senderFrame: { url: 'app://handover/index.html' } })).resolves.toMatchObject({
      host: 'electron',
    });
    await expect(appInfo({ senderFrame: { url: 'https://example.com' } })).rejects.toThrow(
      /not Handover's window/,
    );
  });

  it('keeps its log in the app data folder', async () => {
    const path = join(userData, 'logs', 'handover.log');
    // Log writes are queued, not awaited by IPC: give the last one a moment to land.
    await expect.poll(async () => readFile(path, 'utf8'), { timeout: 2000 }).toMatch(/ipc-refused/);
    const log = await readFile(path, 'utf8');
    expect(log).toMatch(/"event":"app-started"/);
    expect(log).toMatch(/"event":"ipc-refused"/);
  });
});
