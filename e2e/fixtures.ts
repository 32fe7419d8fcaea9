/**
 * The e2e harness: the REAL handler table (electron/api/handlers.ts) runs in the test process
 * and is bridged into the page in place of the preload. The page gets the same invoke-only
 * window.handover, with exactly the methods in API_METHODS, so the renderer cannot tell it is
 * not inside Electron (architecture.md, "One handler table, three hosts").
 *
 * Options (test.use): which real case folder(s) to replay, the clock, the region, or a live scan
 * of this machine. Results cross the bridge as JSON, as they would over IPC.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { API_METHODS, BRIDGE_NAME } from '../electron/api/channels';
import type { Api, ApiMethod, ScanResult } from '../electron/api/contract';
import { createHandlers } from '../electron/api/handlers';
import { type CaptureSource, createReplayCaptureSource } from '../electron/probes/capture-source';
import { createMachineCaptureSource } from '../electron/probes/machine-capture-source';
import { captureFromCaseDir } from '../electron/probes/replay/case-capture';
import { failingCaptureSource, pacedCaptureSource } from './harness/capture-source-wrappers';
import { VerdictPage } from './pages/verdict-page';

export const CASES_DIR = join(import.meta.dirname, '..', 'fixtures', 'detection');

/** The app's version, as the Electron host reports it. */
const APP_VERSION = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }
).version;

export interface HarnessOptions {
  /** Case folders under fixtures/detection; one scan per entry, the last repeats. */
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

export interface HarnessFixtures {
  /** The handler table serving this test's page. */
  readonly handlers: Api;
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
    const captures = await Promise.all(
      options.cases.map((name) => captureFromCaseDir(join(CASES_DIR, name), options.now)),
    );
    source = createReplayCaptureSource(captures);
    source = pacedCaptureSource(source, options.probeStepMs);
  }
  return options.failScanWith ? failingCaptureSource(source, options.failScanWith) : source;
}

/** A handler table as the Electron host builds it, with the test's capture source and clock. */
export async function buildHandlers(options: HarnessOptions): Promise<Api> {
  const clock = new Date(options.now);
  if (Number.isNaN(clock.getTime())) throw new Error(`now is not an ISO instant: ${options.now}`);
  const region = options.region;
  return createHandlers({
    captureSource: await captureSourceFor(options),
    // Live scans run on the real clock; replays on the clock the test chose.
    now: options.live ? () => new Date() : () => clock,
    regionOverride: () => region,
    host: 'harness',
    version: APP_VERSION,
    platform: hostPlatform(),
  });
}

/** The platform the harness itself runs on (what appInfo reports), not the replayed machine's. */
function hostPlatform(): 'windows' | 'macos' | 'linux' {
  if (process.platform === 'win32') return 'windows';
  if (process.platform === 'darwin') return 'macos';
  return 'linux';
}

/** Puts the handler table behind window.handover, as the preload does in Electron. */
export async function bridgeHandlers(page: Page, handlers: Api): Promise<void> {
  const allowed = new Set<string>(API_METHODS);
  await page.exposeFunction('__handoverInvoke', async (method: string, args: unknown) => {
    // Same checks main's IPC binding makes: a known method, an argument list.
    if (!allowed.has(method)) throw new Error(`Unknown method: ${method}`);
    if (!Array.isArray(args)) throw new Error(`Arguments for ${method} must be an array`);
    const handler = handlers[method as ApiMethod] as (...a: unknown[]) => Promise<unknown>;
    const value = await handler(...args);
    // JSON across the bridge, as over IPC: no Dates, Maps or undefined survive by accident.
    return value === undefined ? null : JSON.parse(JSON.stringify(value));
  });
  await page.addInitScript(
    ({ methods, name }) => {
      type Invoke = (method: string, args: unknown[]) => Promise<unknown>;
      const invoke = (method: string, args: unknown[]) =>
        (window as unknown as { __handoverInvoke: Invoke }).__handoverInvoke(
          method,
          JSON.parse(JSON.stringify(args)) as unknown[],
        );
      const bridge = Object.freeze(
        Object.fromEntries(methods.map((m) => [m, (...args: unknown[]) => invoke(m, args)])),
      );
      Object.defineProperty(window, name, { value: bridge, writable: false, configurable: false });
    },
    { methods: [...API_METHODS], name: BRIDGE_NAME },
  );
}

export const test = base.extend<HarnessOptions & HarnessFixtures>({
  cases: [[], { option: true }],
  live: [false, { option: true }],
  now: ['2026-11-29T12:00:00Z', { option: true }],
  region: [undefined, { option: true }],
  probeStepMs: [0, { option: true }],
  failScanWith: [undefined, { option: true }],

  handlers: async ({ cases, live, now, region, probeStepMs, failScanWith }, use) => {
    await use(await buildHandlers({ cases, live, now, region, probeStepMs, failScanWith }));
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
    await use(JSON.parse(JSON.stringify(await reference.scan())) as ScanResult);
  },

  page: async ({ page, handlers }, use) => {
    await bridgeHandlers(page, handlers);
    await use(page);
  },

  verdictPage: async ({ page }, use) => {
    await use(new VerdictPage(page));
  },
});

export { expect } from '@playwright/test';
