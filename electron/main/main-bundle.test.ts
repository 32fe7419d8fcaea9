/**
 * Smoke test of the real main-process entry, bundled as `npm run build` bundles it, with
 * Electron replaced by a recording stand-in (the Electron binary cannot run here): the app
 * registers its protocol, binds exactly the Api channels, opens one locked-down window on
 * app://handover, and the handler table answers through IPC.
 */
import { mkdir, readFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolderForSuite } from '../../test-support/temporary-folder';
import { API_METHODS, channelFor } from '../api/channels';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const recorded = {
  channels: new Map<string, Handler>(),
  windows: [] as {
    options: { show?: boolean; webPreferences: Record<string, unknown> };
    url?: string;
    file?: string;
    destroyed?: boolean;
  }[],
  schemes: [] as unknown[],
  clipboard: [] as string[],
  printOptions: [] as Record<string, unknown>[],
  saveDialogs: [] as { title: string; defaultPath: string }[],
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
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async (options: { title: string; defaultPath: string }) => {
        recorded.saveDialogs.push(options);
        return { canceled: false, filePath: join(userData, 'saved', basename(options.defaultPath)) };
      },
    },
    clipboard: { writeText: (text: string) => recorded.clipboard.push(text) },
    shell: { openExternal: async () => {} },
    ipcMain: { handle: (channel: string, handler: Handler) => recorded.channels.set(channel, handler) },
    BrowserWindow: class StandInWindow {
      static open: StandInWindow[] = [];
      static getFocusedWindow() {
        return null;
      }
      /** The windows not destroyed, oldest first: the app's own window, when no printer is open. */
      static getAllWindows() {
        return StandInWindow.open;
      }
      webContents = {
        on() {},
        setWindowOpenHandler() {},
        printToPDF: async (options: Record<string, unknown>) => {
          recorded.printOptions.push(options);
          return Buffer.from('%PDF-1.7 printed by the stand-in');
        },
      };
      constructor(options: { webPreferences: Record<string, unknown> }) {
        recorded.windows.push({ options });
        StandInWindow.open.push(this);
      }
      once() {}
      on() {}
      loadURL(url: string) {
        (recorded.windows.at(-1) as { url?: string }).url = url;
        return Promise.resolve();
      }
      /** The hidden window that prints a report: it loads the page from a file. */
      async loadFile(path: string) {
        const entry = recorded.windows.at(-1) as { file?: string; html?: string };
        entry.file = path;
      }
      destroy() {
        (recorded.windows.at(-1) as { destroyed?: boolean }).destroyed = true;
        StandInWindow.open = StandInWindow.open.filter((w) => w !== this);
      }
    },
  };
}

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleWithLoad = Module as unknown as { _load: Loader };
const originalLoad = moduleWithLoad._load;

// The bundle and the app's data folder, for the whole suite.
const suiteDir = temporaryFolderForSuite('main');

beforeAll(async () => {
  userData = suiteDir();
  const outfile = join(userData, 'main.cjs');
  const bundle = { bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' } as const;
  // The worker the main process analyses captures in lies beside it, as out/main does.
  await Promise.all([
    build({
      ...bundle,
      entryPoints: [resolve(import.meta.dirname, 'index.ts')],
      outfile,
      external: ['electron'],
    }),
    build({
      ...bundle,
      entryPoints: [resolve(import.meta.dirname, '../api/host-deps/analysis-worker.ts')],
      outfile: join(userData, 'analysis-worker.cjs'),
    }),
  ]);
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
      kind: 'done',
      value: { host: 'electron' },
    });
    await expect(appInfo({ senderFrame: { url: 'https://example.com' } })).resolves.toEqual({
      kind: 'failed',
      message: "Refused appInfo: the sender is not Handover's window",
    });
  });

  it('keeps its log in the app data folder', async () => {
    const path = join(userData, 'logs', 'handover.log');
    // Log writes are queued, not awaited by IPC: give the last one a moment to land.
    await expect.poll(async () => readFile(path, 'utf8'), { timeout: 2000 }).toMatch(/ipc-refused/);
    const log = await readFile(path, 'utf8');
    expect(log).toMatch(/"event":"app-started"/);
    expect(log).toMatch(/"event":"ipc-refused"/);
  });

  it('saves reports through its dialogs, prints the PDF in a hidden script-less window, copies the summary', async () => {
    const app = { senderFrame: { url: 'app://handover/index.html' } };
    const call = async (method: string, ...args: unknown[]) => {
      const answer = (await (recorded.channels.get(`handover:${method}`) as Handler)(app, ...args)) as {
        kind: string;
        value?: unknown;
      };
      expect(answer.kind, method).toBe('done');
      return answer.value;
    };
    await mkdir(join(userData, 'saved'), { recursive: true });
    // Analysed in the worker thread beside the bundle (host-deps/worker-analyser.ts).
    await expect(call('scan')).resolves.toMatchObject({ verdict: { level: expect.any(String) } });

    const html = (await call('saveReport', 'html')) as { path: string };
    expect(await readFile(html.path, 'utf8')).toMatch(/^<!doctype html>/i);
    const pdf = (await call('saveReport', 'pdf')) as { path: string };
    expect(await readFile(pdf.path, 'utf8')).toBe('%PDF-1.7 printed by the stand-in');
    expect(recorded.saveDialogs.map((d) => d.title)).toEqual([
      'Save the report (web page)',
      'Save the report (PDF)',
    ]);
    const printer = recorded.windows.at(-1);
    expect(printer?.options).toMatchObject({
      show: false,
      webPreferences: { javascript: false, sandbox: true },
    });
    // In a private folder named by random characters only, removed once printed.
    expect(printer?.file).toMatch(/[\\/]handover-[A-Za-z0-9]{6}[\\/]report\.html$/);
    expect(printer?.destroyed).toBe(true);
    await expect(readFile(printer?.file ?? '')).rejects.toThrow(/ENOENT/);
    expect(recorded.printOptions).toEqual([{ pageSize: 'A4', printBackground: true }]);

    // The plan: the app's own window printed as it is (its print stylesheet), no hidden window.
    const windowsBefore = recorded.windows.length;
    const plan = (await call('savePlan')) as { path: string };
    expect(plan.path).toMatch(/handover-plan-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(await readFile(plan.path, 'utf8')).toBe('%PDF-1.7 printed by the stand-in');
    expect(recorded.saveDialogs.at(-1)?.title).toBe('Save the plan (PDF)');
    expect(recorded.windows).toHaveLength(windowsBefore);
    expect(recorded.printOptions).toEqual([
      { pageSize: 'A4', printBackground: true },
      { pageSize: 'A4', printBackground: true },
    ]);

    const copied = (await call('copySummary')) as { copied: boolean; text: string };
    expect(copied.copied).toBe(true);
    expect(recorded.clipboard).toEqual([copied.text]);

    expect(await call('changeSettings', { technicianView: true })).toEqual({
      technicianView: true,
      theme: 'system',
    });
    expect(JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8')).settings).toEqual({
      technicianView: true,
      theme: 'system',
    });
  });
});
