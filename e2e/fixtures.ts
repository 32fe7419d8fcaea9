/**
 * The e2e harness: the REAL handler table (electron/api/handlers.ts) runs in the test process
 * and is bridged into the page in place of the preload. The page gets the same invoke-only
 * window.handover, with exactly the methods in API_METHODS, so the renderer cannot tell it is
 * not inside Electron (architecture.md, "One handler table, three hosts").
 *
 * Options (test.use): which real case folder(s) to replay, the clock, the region, or a live scan
 * of this machine. Results cross the bridge as JSON, as they would over IPC.
 *
 * The guided migration runs on the real actions and the real progress store, in a fresh temporary
 * data folder per test, with a RECORDING command runner (electron/actions/test-fakes.ts): nothing
 * ever runs on this machine. Specs read what would have run (harness.runnerCalls) and which pages
 * would have opened (harness.openedUrls), and can close and reopen the app on the same data
 * folder (harness.restartApp).
 */

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, test as base, type Page } from '@playwright/test';
import { createLinuxRemoveAction } from '../electron/actions/linux-remove';
import {
  type RunnerAnswer,
  type RunnerCall,
  recordingRunner,
} from '../electron/actions/test-support/recording-runner';
import { checkArguments } from '../electron/api/argument-schemas';
import { API_METHODS, BRIDGE_NAME } from '../electron/api/channels';
import type { Api, ApiMethod, ScanResult } from '../electron/api/contract';
import { createHandlers } from '../electron/api/handlers';
import { helpDeskFrom } from '../electron/api/help-desk-handlers';
import { createActionLog } from '../electron/api/host-deps/action-log-file';
import { createHelpDeskDeps } from '../electron/api/host-deps/help-desk-deps';
import { createMigrationDeps } from '../electron/api/host-deps/migration-deps';
import { scanLogTo } from '../electron/api/host-deps/scan-log';
import { migrationJourney } from '../electron/api/journey-handlers';
import { failed } from '../electron/api/outcome';
import { type AnsweredApi, answered, answerOf } from '../electron/api/test-support/answers';
import type { Capture } from '../electron/core/capture';
import type { CommandRunner } from '../electron/core/commands';
import { SAMPLE_EXPORT } from '../electron/core/convert/kpm-sample-export';
import type { PreflightFacts } from '../electron/core/plan/preflight';
import { personMessage } from '../electron/core/util/person-message';
import { ok } from '../electron/core/util/result';
import { createRotatingLog } from '../electron/files/rotating-log';
import { type CaptureSource, createReplayCaptureSource } from '../electron/probes/capture-source';
import { createMachineCaptureSource } from '../electron/probes/machine-capture-source';
import { captureFromCaseFiles } from '../electron/probes/replay/case-capture';
import { fixedPreflight, STAND_IN_READINGS } from '../electron/probes/test-support/fixed-preflight';
import { failingCaptureSource, pacedCaptureSource } from './harness/capture-source-wrappers';
import { JourneyPage } from './pages/journey-page';
import { VerdictPage } from './pages/verdict-page';

export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures');
export const CASES_DIR = join(FIXTURES_DIR, 'detection');
export const JOURNEYS_DIR = join(FIXTURES_DIR, 'journeys');

/** The Handover executable the restart registration names (as on an installed Windows machine). */
export const HANDOVER_EXE = 'C:\\Program Files\\Handover\\Handover.exe';

/**
 * The stage folders of fixtures/journeys/<journey>, in stage order ("1-before", "2-after-removal",
 * …), as case names for `cases`: a scenario whose scans return one stage after another.
 */
export function journeyStages(journey: string): string[] {
  return readdirSync(join(JOURNEYS_DIR, journey))
    .filter((name) => /^\d+-/.test(name))
    .sort()
    .map((stage) => `journeys/${journey}/${stage}`);
}

/**
 * A case name: a folder of fixtures/detection ("win-kes10-de-wsc"), or a path under fixtures/
 * with a slash ("journeys/windows-kts-to-defender/1-before"). The case is named by that path, so
 * a stage is not taken for another case of the same folder name.
 */
async function captureOfCase(name: string, capturedAt: string): Promise<Capture> {
  const dir = name.includes('/') ? join(FIXTURES_DIR, name) : join(CASES_DIR, name);
  const files = new Map<string, string>();
  for (const file of (await readdir(dir)).sort()) files.set(file, await readFile(join(dir, file), 'utf8'));
  return captureFromCaseFiles(name, files, capturedAt);
}

/** The app's version, as the Electron host reports it. */
const APP_VERSION = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }
).version;

export interface HarnessOptions {
  /**
   * The scenario: case folders under fixtures/detection, or paths under fixtures/ such as
   * journeyStages('windows-kts-to-defender'); one scan per entry, the last repeats.
   */
  readonly cases: readonly string[];
  /** Scan on this machine with the live probes instead of replaying cases. */
  readonly live: boolean;
  /** The clock the handlers see (ISO instant). */
  readonly now: string;
  /** Region override (ISO 3166 alpha-2); undefined: resolved from the capture, as on a real machine. */
  readonly region: string | undefined;
  /** Delay per probe when replaying, so progress can be seen; 0 replays at once. */
  readonly probeStepMs: number;
  /** When set, every scan fails with this message (the failure path). */
  readonly failScanWith: string | undefined;
}

/** How the outside world answers the journey's actions: nothing here reaches the real one. */
export interface MigrationOptions {
  /** What the recording runner answers, one per command (the last repeats); {} is exit code 0. */
  readonly runnerAnswers: readonly RunnerAnswer[];
  /** The Kaspersky Password Manager text export the file dialog returns; null: the person cancels. */
  readonly passwordExport: string | null;
  /** Whether the folder dialog returns a folder (in the data folder) or is cancelled. */
  readonly exportFolderChosen: boolean;
  /**
   * Linux journeys: the executables the package-manager removal finds (it runs only when
   * /usr/bin/pkexec and the package manager exist), as on the machine the scenario stands for;
   * undefined: whatever this machine has, so a spec would depend on where it runs.
   */
  readonly linuxExecutables: readonly string[] | undefined;
  /** Whether save dialogs (reports, diagnostics) return a path in <dataDir>/saved or are cancelled. */
  readonly saveFileChosen: boolean;
  /**
   * What the pre-flight reads, one answer per check in turn (the last repeats): stand-in readings,
   * not a real machine's (electron/probes/test-support/fixed-preflight.ts).
   */
  readonly preflightReadings: readonly PreflightFacts[];
}

/** What the journey did to "the machine", for specs to assert, and a way to reopen the app. */
export interface Harness {
  /** This test's app data folder (progress.json, actions.jsonl, converted exports). */
  readonly dataDir: string;
  /** Every command the actions asked to run, in order (none ran). */
  readonly runnerCalls: readonly RunnerCall[];
  /** Every URL the handlers asked the browser to open (none opened). */
  readonly openedUrls: readonly string[];
  /** Every text put on the clipboard, in order (the real clipboard is never touched). */
  readonly clipboard: readonly string[];
  /** Where save dialogs put files: <dataDir>/saved/<the suggested name>. */
  readonly savedDir: string;
  /** What the next "open diagnostics" dialog returns: a path, or null (the person cancels). */
  chooseFileToOpen(path: string | null): void;
  /** What the next "open a fleet folder" dialog returns: a folder, or null (the person cancels). */
  chooseFolderToOpen(path: string | null): void;
  /** The handler table serving the page now (a new one after restartApp), as a spec reads it: answers. */
  api(): AnsweredApi;
  /**
   * Closes and reopens the app: a new handler table on the same data folder, and the same
   * machine (the scenario carries on where it was), then reloads the page.
   */
  restartApp(): Promise<void>;
}

export interface HarnessFixtures {
  /** The handler table serving this test's page (the first one, before any restartApp), read as answers. */
  readonly handlers: AnsweredApi;
  readonly harness: Harness;
  readonly journeyPage: JourneyPage;
  /**
   * What the handlers return for the first scan of this test's scenario, from a separate handler
   * table built with the same options (so the page's own scenario is not advanced). Specs assert
   * that the screen shows this data.
   */
  readonly expectedResult: ScanResult;
  readonly verdictPage: VerdictPage;
}

async function captureSourceFor(options: HarnessOptions): Promise<CaptureSource> {
  let source: CaptureSource;
  if (options.live) {
    source = createMachineCaptureSource({ now: () => new Date(), env: { ...process.env }, version: 'e2e' });
  } else {
    if (options.cases.length === 0)
      throw new Error('test.use({ cases: [...] }) or { live: true } is required');
    const captures = await Promise.all(options.cases.map((name) => captureOfCase(name, options.now)));
    source = createReplayCaptureSource(captures);
    source = pacedCaptureSource(source, options.probeStepMs);
  }
  return options.failScanWith ? failingCaptureSource(source, options.failScanWith) : source;
}

/** The journey's host side, as migration-deps builds it for Electron, on recording fakes. */
interface MigrationHost {
  readonly dataDir: string;
  readonly calls: RunnerCall[];
  readonly opened: string[];
  readonly options: MigrationOptions;
  readonly clipboard: string[];
  fileToOpen: string | null;
  folderToOpen: string | null;
  /** How many pre-flight checks have run (each takes the next of preflightReadings). */
  preflightReads: number;
  /** Prints the report's page to PDF, as Electron's printToPDF does in the app. */
  readonly browser: Browser | null;
  /** The app's page, once the test has one: printed as Electron prints the window. */
  window: Page | null;
}

/** Chromium's PDF printer with the options the app gives Electron's (electron/main/print-to-pdf.ts). */
async function printToPdf(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await browser.newPage({ javaScriptEnabled: false });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true });
  } finally {
    await page.close();
  }
}

/**
 * A handler table as the Electron host builds it, with the test's capture source and clock; with
 * `migration`, the guided migration too. `source` lets a reopened app see the same machine.
 */
export async function buildHandlers(
  options: HarnessOptions,
  migration?: MigrationHost,
  source?: CaptureSource,
): Promise<Api> {
  const clock = new Date(options.now);
  if (Number.isNaN(clock.getTime())) throw new Error(`now is not an ISO instant: ${options.now}`);
  const region = options.region;
  const now = options.live ? () => new Date() : () => clock;
  const captureSource = source ?? (await captureSourceFor(options));
  const log = migration ? createRotatingLog({ dir: join(migration.dataDir, 'logs'), now }) : null;
  return createHandlers({
    captureSource,
    // Live scans run on the real clock; replays on the clock the test chose.
    now,
    regionOverride: () => region,
    host: 'harness',
    version: APP_VERSION,
    platform: hostPlatform(),
    ...(migration && log
      ? {
          journey: migrationJourney(await migrationFor(options, migration, now)),
          helpDesk: helpDeskFrom(helpDeskFor(migration, now, log)),
          log: scanLogTo(log),
        }
      : {}),
  });
}

/** The help desk's host side as the Electron host builds it, with dialogs that answer at once. */
function helpDeskFor(host: MigrationHost, now: () => Date, log: ReturnType<typeof createRotatingLog>) {
  const savedDir = join(host.dataDir, 'saved');
  return createHelpDeskDeps({
    dataDir: host.dataDir,
    now,
    log,
    chooseSaveFile: async (_purpose, suggestedName) => {
      if (!host.options.saveFileChosen) return null;
      mkdirSync(savedDir, { recursive: true });
      return join(savedDir, suggestedName);
    },
    chooseDiagnosticsFile: async () => host.fileToOpen,
    chooseFleetFolder: async () => host.folderToOpen,
    renderPdf: async (html) => {
      if (!host.browser) throw new Error('No browser to print with');
      return printToPdf(host.browser, html);
    },
    printWindowToPdf: async () => {
      if (!host.window) throw new Error('there is no window to print');
      return host.window.pdf({ format: 'A4', printBackground: true });
    },
    writeClipboard: async (text) => {
      host.clipboard.push(text);
    },
  });
}

async function migrationFor(options: HarnessOptions, host: MigrationHost, now: () => Date) {
  // The replayed machine's platform: the first capture says (live: this machine's).
  const platform = options.live
    ? hostPlatform()
    : (await captureOfCase(options.cases[0] as string, options.now)).platform;
  const { runner, calls } = recordingRunner(...host.options.runnerAnswers);
  const recording: CommandRunner = {
    // One list for the whole test, across app restarts.
    async run(file, args, commandOptions) {
      const answer = await runner.run(file, args, commandOptions);
      host.calls.push(calls.at(-1) as RunnerCall);
      return answer;
    },
  };
  const exportFile = join(host.dataDir, 'kaspersky-passwords.txt');
  const exportFolder = join(host.dataDir, 'exports');
  const deps = createMigrationDeps({
    preflight: {
      // One answer per check, across app restarts; the last repeats.
      read: (url) => {
        const readings = host.options.preflightReadings;
        const given = readings[Math.min(host.preflightReads++, readings.length - 1)] ?? STAND_IN_READINGS;
        // The system drive as the replayed machine names it.
        const drive = platform === 'windows' ? 'C:\\' : '/';
        const facts = given.disk.ok ? { ...given, disk: ok({ ...given.disk.value, path: drive }) } : given;
        return fixedPreflight(facts).read(url);
      },
    },
    dataDir: host.dataDir,
    runner: recording,
    env: { SystemRoot: 'C:\\Windows', ProgramFiles: 'C:\\Program Files' },
    now,
    platform: platform === 'windows' || platform === 'macos' || platform === 'linux' ? platform : 'linux',
    exePath: HANDOVER_EXE,
    openExternal: async (url) => {
      host.opened.push(url);
    },
    chooseExportFile: async () => {
      if (host.options.passwordExport === null) return null;
      writeFileSync(exportFile, host.options.passwordExport);
      return exportFile;
    },
    chooseFolder: async () => {
      if (!host.options.exportFolderChosen) return null;
      mkdirSync(exportFolder, { recursive: true });
      return exportFolder;
    },
  });
  const executables = host.options.linuxExecutables;
  if (executables === undefined) return deps;
  // The same removal action, told which executables exist (still on the recording runner).
  return (latestScan: () => ScanResult | null) => ({
    ...deps(latestScan),
    linuxRemove: createLinuxRemoveAction({
      runner: recording,
      log: createActionLog({ dir: host.dataDir, now }),
      currentScan: latestScan,
      now,
      executableExists: async (path) => executables.includes(path),
    }),
  });
}

/** The platform the harness itself runs on (what appInfo reports), not the replayed machine's. */
function hostPlatform(): 'windows' | 'macos' | 'linux' {
  if (process.platform === 'win32') return 'windows';
  if (process.platform === 'darwin') return 'macos';
  return 'linux';
}

/**
 * Puts the handler table behind window.handover, as the preload does in Electron. A function
 * gives the table of the moment (a reopened app has a new one).
 */
/** A bridge's calls still running: a test's folder may go only once none is left writing to it. */
export interface Bridge {
  readonly settled: () => Promise<void>;
}

export async function bridgeHandlers(page: Page, handlers: Api | (() => Api)): Promise<Bridge> {
  const allowed = new Set<string>(API_METHODS);
  const current = typeof handlers === 'function' ? handlers : () => handlers;
  const running = new Set<Promise<unknown>>();
  await page.exposeFunction('__handoverInvoke', (method: string, args: unknown) => {
    const call = invokeChecked(method, args);
    running.add(call);
    void call.finally(() => running.delete(call));
    return call;
  });
  async function invokeChecked(method: string, args: unknown): Promise<unknown> {
    // The checks main's IPC binding makes (electron/main/ipc.ts): a known method, and arguments
    // that match its schema (the same api/argument-schemas.ts), refused as a failed Outcome.
    if (!allowed.has(method)) return failed(`Unknown method: ${method}`);
    const checked = checkArguments(method as ApiMethod, Array.isArray(args) ? args : [args]);
    if (!checked.ok) return failed(checked.error);
    const handler = current()[method as ApiMethod] as (...a: unknown[]) => Promise<unknown>;
    try {
      // JSON across the bridge, as over IPC: no Dates, Maps or undefined survive by accident.
      return JSON.parse(JSON.stringify(await handler(...checked.value)));
    } catch (error) {
      return failed(personMessage(error));
    }
  }
  await page.addInitScript(
    ({ methods, name }) => {
      type Invoke = (method: string, args: unknown[]) => Promise<unknown>;
      const invoke = (method: string, args: unknown[]) => {
        // As IPC passes them: an optional argument left out stays out (JSON would make it null).
        const given = [...args];
        while (given.length > 0 && given.at(-1) === undefined) given.pop();
        return (window as unknown as { __handoverInvoke: Invoke }).__handoverInvoke(
          method,
          JSON.parse(JSON.stringify(given)) as unknown[],
        );
      };
      const bridge = Object.freeze(
        Object.fromEntries(methods.map((m) => [m, (...args: unknown[]) => invoke(m, args)])),
      );
      Object.defineProperty(window, name, { value: bridge, writable: false, configurable: false });
    },
    { methods: [...API_METHODS], name: BRIDGE_NAME },
  );
  return {
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

/** The handler tables of one test: the first, and the one serving the page now. */
interface AppTables {
  readonly host: MigrationHost;
  readonly first: Api;
  current: Api;
  readonly reopen: () => Promise<Api>;
}

export const test = base.extend<
  HarnessOptions & MigrationOptions & HarnessFixtures & { readonly dataDir: string; readonly app: AppTables }
>({
  cases: [[], { option: true }],
  live: [false, { option: true }],
  now: ['2026-11-29T12:00:00Z', { option: true }],
  region: [undefined, { option: true }],
  probeStepMs: [0, { option: true }],
  failScanWith: [undefined, { option: true }],
  runnerAnswers: [[{}], { option: true }],
  passwordExport: [SAMPLE_EXPORT, { option: true }],
  exportFolderChosen: [true, { option: true }],
  linuxExecutables: [undefined, { option: true }],
  saveFileChosen: [true, { option: true }],
  preflightReadings: [[STAND_IN_READINGS], { option: true }],

  // A fresh app data folder per test, removed afterwards.
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a function destructures.
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'handover-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },

  app: async (
    {
      cases,
      live,
      now,
      region,
      probeStepMs,
      failScanWith,
      runnerAnswers,
      passwordExport,
      exportFolderChosen,
      linuxExecutables,
      saveFileChosen,
      preflightReadings,
      dataDir,
      browser,
    },
    use,
  ) => {
    const options: HarnessOptions = { cases, live, now, region, probeStepMs, failScanWith };
    const host: MigrationHost = {
      dataDir,
      calls: [],
      opened: [],
      options: {
        runnerAnswers,
        passwordExport,
        exportFolderChosen,
        linuxExecutables,
        saveFileChosen,
        preflightReadings,
      },
      preflightReads: 0,
      clipboard: [],
      fileToOpen: null,
      folderToOpen: null,
      browser,
      window: null,
    };
    const source = await captureSourceFor(options);
    const first = await buildHandlers(options, host, source);
    const tables: AppTables = {
      host,
      first,
      current: first,
      reopen: () => buildHandlers(options, host, source),
    };
    await use(tables);
  },

  handlers: async ({ app }, use) => {
    await use(answered(app.first));
  },

  harness: async ({ app, page, dataDir }, use) => {
    const { host } = app;
    await use({
      dataDir,
      runnerCalls: host.calls,
      openedUrls: host.opened,
      clipboard: host.clipboard,
      savedDir: join(dataDir, 'saved'),
      chooseFileToOpen(path) {
        host.fileToOpen = path;
      },
      chooseFolderToOpen(path) {
        host.folderToOpen = path;
      },
      api: () => answered(app.current),
      async restartApp() {
        app.current = await app.reopen();
        await page.reload();
      },
    });
  },

  expectedResult: async ({ cases, live, now, region }, use) => {
    const reference = await buildHandlers({
      cases,
      live,
      now,
      region,
      probeStepMs: 0,
      failScanWith: undefined,
    });
    await use(JSON.parse(JSON.stringify(await answerOf(reference.scan()))) as ScanResult);
  },

  // The page closes before the test's data folder goes, and every call it made has finished:
  // a save still running when the folder was removed would make it again (and leave it behind).
  page: async ({ page, app }, use) => {
    const bridge = await bridgeHandlers(page, () => app.current);
    app.host.window = page;
    await use(page);
    await page.close();
    await bridge.settled();
  },

  verdictPage: async ({ page }, use) => {
    await use(new VerdictPage(page));
  },

  journeyPage: async ({ page }, use) => {
    await use(new JourneyPage(page));
  },
});

export { expect } from '@playwright/test';
