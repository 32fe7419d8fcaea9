/**
 * The pure pipeline: capture → observations → detections → verdict. No I/O and no clock of its
 * own: the time and the region override come in as arguments, so any capture replays the same.
 */

import type { Capture } from './capture';
import type { CompiledCatalog } from './catalog/load-catalog';
import { matchProducts } from './match/match-products';
import type { MatchedProduct } from './match/matched-product';
import type { ObservedMachine } from './observations';
import { observeCapture } from './observe/observe-capture';
import { osqueryGaps } from './osquery/osquery-gaps';
import { inventoryCompleteness } from './policy/inventory-completeness';
import { judgeDetection } from './policy/judge-detections';
import { decideVerdict } from './policy/verdict';
import { resolveRegion } from './region/resolve-region';
import type { ScanResult } from './scan-result';

export interface AnalyseOptions {
  readonly now: Date;
  readonly regionOverride?: string | null;
  readonly replayed: boolean;
}

/** Reasons Windows waits for a restart; null when the source was not read (or not Windows). */
function pendingRestartOf(observed: ObservedMachine): readonly string[] | null {
  const source = observed.sources.find((s) => s.id === 'windows.pending-restart');
  if (source?.status !== 'read') return null;
  return observed.observations.flatMap((o) => (o.kind === 'pending-restart' ? o.reasons : []));
}

/**
 * What a capture says that no clock or region changes: the machine, the sources and the products
 * found. Plain data (no catalog objects), so `handover fleet summarize` can keep it between runs
 * and re-judge it with today's clock without reading the capture again (docs/fleet.md).
 */
export interface PreparedCapture {
  readonly capturedAt: string;
  readonly machine: ObservedMachine['machine'];
  readonly sources: ObservedMachine['sources'];
  readonly pendingRestart: readonly string[] | null;
  readonly matched: readonly MatchedProduct[];
}

export function prepareCapture(capture: Capture, catalog: CompiledCatalog): PreparedCapture {
  const observed = observeCapture(capture);
  return {
    capturedAt: capture.capturedAt,
    machine: observed.machine,
    sources: observed.sources,
    pendingRestart: pendingRestartOf(observed),
    matched: matchProducts(observed, catalog),
  };
}

/** The verdict on a prepared capture, as of options.now, in the region found or given. */
export function judgePrepared(
  prepared: PreparedCapture,
  catalog: CompiledCatalog,
  options: AnalyseOptions,
): Omit<ScanResult, 'timings'> {
  const { machine } = prepared;
  const region = resolveRegion(machine.regionInputs, options.regionOverride);
  const judged = prepared.matched.map((product) =>
    judgeDetection(product, region, catalog.bans, options.now),
  );
  // Imported from osquery: say, product by product, what osquery cannot tell (osquery-gaps.ts).
  const gaps = machine.readThrough === 'osquery' ? osqueryGaps(judged, machine.platform) : null;
  const detections = gaps ? gaps.detections : judged;
  const sources = gaps?.source ? [...prepared.sources, gaps.source] : prepared.sources;
  const verdict = decideVerdict(
    detections,
    inventoryCompleteness(machine, sources),
    catalog.bans,
    region.code !== null,
    options.now,
    { platform: machine.platform, isServer: machine.isServer ?? null },
  );
  return {
    schemaVersion: 1,
    scannedAt: options.now.toISOString(),
    capturedAt: prepared.capturedAt,
    replayed: options.replayed,
    machine: {
      platform: machine.platform,
      osName: machine.osName ?? null,
      osVersion: machine.osVersion ?? null,
      isServer: machine.isServer ?? null,
      architecture: machine.architecture ?? null,
      hostname: machine.hostname ?? null,
      machineId: machine.machineId ?? null,
      pendingRestart: prepared.pendingRestart,
      bootedAt: machine.bootedAt ?? null,
    },
    region,
    verdict,
    detections,
    sources,
  };
}

export function analyseCapture(
  capture: Capture,
  catalog: CompiledCatalog,
  options: AnalyseOptions,
): Omit<ScanResult, 'timings'> {
  return judgePrepared(prepareCapture(capture, catalog), catalog, options);
}
