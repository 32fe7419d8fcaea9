/**
 * The one handler table. Every host (Electron IPC, the CLI, the e2e harness) builds it with
 * its own dependencies and calls the same methods, so the window, the command line and the
 * tests exercise exactly the same logic.
 */

import { analyseCapture } from '../core/analyse';
import type { Capture } from '../core/capture';
import { type CompiledCatalog, loadCatalog } from '../core/catalog/load-catalog';
import type { CaptureSource } from '../probes/capture-source';
import type { Api, AppInfo, ProbeProgress, ScanOptions, ScanProgress, ScanResult } from './contract';
import type { JourneyApi, JourneyFactory } from './journey-handlers';

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
  readonly log?: ScanLog;
  /**
   * The guided migration (the window's hosts build it with migrationJourney; the CLI has none,
   * so none of it is in the CLI's bundle).
   */
  readonly journey?: JourneyFactory;
}

/** Scans kept for polling; old ones are dropped so a long-running app does not grow. */
const MAX_TRACKED_SCANS = 8;

/** Hosts without the window (the CLI) have no migration: say so plainly if asked. */
function withoutMigration(host: AppInfo['host']): JourneyApi {
  const refuse = async (): Promise<never> => {
    throw new Error(`The guided migration is not available in the ${host}`);
  };
  return {
    getJourney: refuse,
    changeJourney: refuse,
    previewRemoval: refuse,
    previewRestartResume: refuse,
    previewSignatureUpdate: refuse,
    confirmAction: refuse,
    openDownloadPage: refuse,
    convertPasswordExport: refuse,
  };
}

export function createHandlers(deps: HandlerDeps): Api {
  const catalog = deps.catalog ?? loadCatalog();
  const scans = new Map<string, ScanProgress>();
  let counter = 0;
  /** The latest finished scan: the journey and the actions are judged against it. */
  let latest: ScanResult | null = null;

  async function runScan(
    options: ScanOptions | undefined,
    onProgress: (probe: ProbeProgress) => void,
  ): Promise<ScanResult> {
    const startedCapture = performance.now();
    const capture: Capture = await deps.captureSource.capture(onProgress);
    const captureMs = Math.round(performance.now() - startedCapture);
    const startedAnalysis = performance.now();
    const result = analyseCapture(capture, catalog, {
      now: deps.now(),
      regionOverride: options?.region ?? deps.regionOverride?.() ?? null,
      replayed: deps.captureSource.kind === 'replay',
    });
    const full: ScanResult = {
      ...result,
      timings: { captureMs, analyseMs: Math.round(performance.now() - startedAnalysis) },
    };
    deps.log?.scanFinished(full);
    latest = full;
    return full;
  }

  const journey = deps.journey
    ? deps.journey({ now: deps.now, latestResult: () => latest })
    : withoutMigration(deps.host);

  return {
    ...journey,
    async appInfo() {
      return { version: deps.version, platform: deps.platform, host: deps.host };
    },

    scan(options) {
      return runScan(options, () => {});
    },

    async startScan(options) {
      counter += 1;
      const scanId = `scan-${counter}`;
      const probes = new Map<string, ProbeProgress>(
        deps.captureSource.probes.map((p) => [p.id, { probe: p.id, label: p.label, state: 'pending' }]),
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
          const message = error instanceof Error ? error.message : String(error);
          deps.log?.scanFailed(message);
          update({ phase: 'failed', error: `The scan could not finish: ${message}` });
        },
      );
      return { scanId };
    },

    async getScanProgress(scanId) {
      const progress = scans.get(scanId);
      if (!progress) throw new Error(`No scan with id ${scanId}`);
      return progress;
    },
  };
}
