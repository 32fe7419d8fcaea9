/**
 * The one handler table. Every host (Electron IPC, the CLI, the e2e harness) builds it with
 * its own dependencies and calls the same methods, so the window, the command line and the
 * tests exercise exactly the same logic.
 */

import { type AnalyseOptions, analyseCapture } from '../core/analyse';
import type { Capture } from '../core/capture';
import { type CompiledCatalog, loadCatalog } from '../core/catalog/load-catalog';
import { scanInTheirWords } from '../core/diagnostics/their-words';
import { personMessage } from '../core/util/person-message';
import { type CaptureSource, createReplayCaptureSource } from '../probes/capture-source';
import { HELP_DESK_METHODS, JOURNEY_METHODS } from './channels';
import type { Api, AppInfo, ProbeProgress, ScanOptions, ScanProgress, ScanResult } from './contract';
import type { HelpDeskFactory, ViewedMachine } from './help-desk-handlers';
import { type JourneyApi, type JourneyFactory, NO_JOURNEY_VIEW } from './journey-handlers';
import { done, failed, guarded } from './outcome';

/**
 * Turns a capture into a scan result (without timings). The CLI and the tests analyse inline;
 * the window's host analyses in a worker thread (host-deps/worker-analyser.ts), so no capture
 * can freeze the app.
 */
export type Analyser = (capture: Capture, options: AnalyseOptions) => Promise<Omit<ScanResult, 'timings'>>;

/** What the host records about each scan (the Electron host keeps a rotating log file). */
export interface ScanLog {
  scanFinished(result: ScanResult): void;
  scanFailed(error: string): void;
}

export interface HandlerDeps {
  readonly captureSource: CaptureSource;
  readonly now: () => Date;
  /** A region chosen by the person or passed with --region; undefined means "from the OS". */
  readonly regionOverride?: () => string | undefined;
  readonly host: AppInfo['host'];
  readonly version: string;
  readonly platform: AppInfo['platform'];
  readonly catalog?: CompiledCatalog;
  /** Default: inline, with `catalog`. */
  readonly analyse?: Analyser;
  readonly log?: ScanLog;
  /**
   * The guided migration (the window's hosts build it with migrationJourney; the CLI has none,
   * so none of it is in the CLI's bundle).
   */
  readonly journey?: JourneyFactory;
  /** Settings, reports, support codes and diagnostics (the window's hosts; the CLI has none). */
  readonly helpDesk?: HelpDeskFactory;
}

/** Scans kept for polling; old ones are dropped so a long-running app does not grow. */
const MAX_TRACKED_SCANS = 8;

/** What a host without the window (the CLI) answers for the parts it does not have. */
function absent<M extends keyof Api>(
  methods: readonly M[],
  what: string,
  host: AppInfo['host'],
): Pick<Api, M> {
  const refuse = async () => failed(`${what} is not available in the ${host}`);
  return Object.fromEntries(methods.map((m) => [m, refuse])) as unknown as Pick<Api, M>;
}

/** A machine's latest finished scan and its capture (null before the first). */
interface Scanned {
  latest: { readonly result: ScanResult; readonly capture: Capture } | null;
}

/**
 * Another machine opened from a diagnostics file: its capture replayed as the sender saw it (their
 * clock and region), and its own latest scan, kept apart from this computer's.
 */
interface Viewed extends Scanned {
  readonly machine: ViewedMachine;
  readonly source: CaptureSource;
}

export function createHandlers(deps: HandlerDeps): Api {
  const catalog = deps.catalog ?? loadCatalog();
  const analyse: Analyser =
    deps.analyse ?? (async (capture, options) => analyseCapture(capture, catalog, options));
  const scans = new Map<string, ScanProgress>();
  let counter = 0;
  /**
   * Two machines are never mixed (issue 12 §4, point 4): this computer's latest scan (the journey,
   * the actions and reports use it) survives a diagnostics file being opened and is shown again
   * when it is closed; while a file is open, scans are the file's and land in its own record, and
   * nothing may act on this computer. A scan lands where it started, so one that ends after a file
   * was opened or closed never shows up as the other machine.
   */
  const own: Scanned = { latest: null };
  let viewed: Viewed | null = null;
  const shown = (): Scanned => viewed ?? own;
  const currentSource = (): CaptureSource => viewed?.source ?? deps.captureSource;

  async function runScan(
    options: ScanOptions | undefined,
    onProgress: (probe: ProbeProgress) => void,
  ): Promise<ScanResult> {
    const target = shown();
    const source = currentSource();
    const machine = viewed?.machine ?? null;
    const startedCapture = performance.now();
    const capture: Capture = await source.capture(onProgress);
    const captureMs = Math.round(performance.now() - startedCapture);
    const startedAnalysis = performance.now();
    const result = await analyse(capture, {
      now: machine ? new Date(machine.judgedAt) : deps.now(),
      regionOverride: machine ? machine.region : (options?.region ?? deps.regionOverride?.() ?? null),
      replayed: source.kind === 'replay',
    });
    const full: ScanResult = {
      ...result,
      timings: { captureMs, analyseMs: Math.round(performance.now() - startedAnalysis) },
    };
    if (!machine) deps.log?.scanFinished(full);
    // Another machine's scan speaks of "their computer", not the helper's (issue 12 §1).
    const shownResult = machine ? scanInTheirWords(full) : full;
    target.latest = { result: shownResult, capture };
    return shownResult;
  }

  const journey = deps.journey
    ? guarded(
        deps.journey({ now: deps.now, latestResult: () => (viewed ? null : (own.latest?.result ?? null)) }),
      )
    : absent(JOURNEY_METHODS, 'The guided migration', deps.host);

  const helpDesk = deps.helpDesk
    ? guarded(
        deps.helpDesk({
          now: deps.now,
          host: deps.host,
          version: deps.version,
          latest: () => shown().latest,
          journey: async () => {
            if (!deps.journey || viewed) return null;
            const view = await journey.getJourney();
            return view.kind === 'done' ? view.value : null;
          },
          viewed: () => viewed?.machine ?? null,
          view(machine) {
            viewed = machine
              ? { machine, source: createReplayCaptureSource([machine.capture]), latest: null }
              : null;
          },
        }),
      )
    : absent(HELP_DESK_METHODS, 'This', deps.host);

  /** While another machine is shown, the migration (which acts on this one) is refused. */
  const readOnlyWhileViewing = Object.fromEntries(
    Object.entries(journey).map(([name, method]) => [
      name,
      async (...args: unknown[]) =>
        viewed
          ? failed(
              `This window shows a diagnostics file from ${viewed.machine.info.sender}, read-only. Close it to continue on this computer.`,
            )
          : (method as (...a: unknown[]) => Promise<unknown>)(...args),
    ]),
  ) as unknown as JourneyApi;

  return guarded<Api>({
    ...readOnlyWhileViewing,
    // The window asks after every scan: while another machine is shown, there is no migration to show.
    getJourney: async () => (viewed ? done(NO_JOURNEY_VIEW) : journey.getJourney()),
    ...helpDesk,
    async appInfo() {
      return done({ version: deps.version, platform: deps.platform, host: deps.host });
    },

    async scan(options) {
      return done(await runScan(options, () => {}));
    },

    async startScan(options) {
      counter += 1;
      const scanId = `scan-${counter}`;
      const probes = new Map<string, ProbeProgress>(
        currentSource().probes.map((p) => [p.id, { probe: p.id, label: p.label, state: 'pending' }]),
      );
      const update = (patch: Partial<ScanProgress>) => {
        const current = scans.get(scanId);
        if (current) scans.set(scanId, { ...current, ...patch, probes: [...probes.values()] });
      };
      scans.set(scanId, {
        scanId,
        phase: 'running',
        probes: [...probes.values()],
        result: null,
        error: null,
      });
      for (const old of [...scans.keys()].slice(0, Math.max(0, scans.size - MAX_TRACKED_SCANS)))
        scans.delete(old);

      runScan(options, (progress) => {
        probes.set(progress.probe, progress);
        update({});
      }).then(
        (result) => update({ phase: 'done', result }),
        (error: unknown) => {
          const message = personMessage(error);
          deps.log?.scanFailed(message);
          update({ phase: 'failed', error: `The scan could not finish: ${message}` });
        },
      );
      return done({ scanId });
    },

    async getScanProgress(scanId) {
      const progress = scans.get(scanId);
      return progress ? done(progress) : failed(`No scan with id ${scanId}`);
    },
  });
}
