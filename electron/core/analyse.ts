/**
 * The pure pipeline: capture → observations → detections → verdict. No I/O and no clock of its
 * own: the time and the region override come in as arguments, so any capture replays the same.
 */

import type { Capture } from './capture';
import type { CompiledCatalog } from './catalog/load-catalog';
import { matchProducts } from './match/match-products';
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

export function analyseCapture(
  capture: Capture,
  catalog: CompiledCatalog,
  options: AnalyseOptions,
): Omit<ScanResult, 'timings'> {
  const observed = observeCapture(capture);
  const region = resolveRegion(observed.machine.regionInputs, options.regionOverride);
  const matched = matchProducts(observed, catalog);
  const judged = matched.map((product) => judgeDetection(product, region, catalog.bans, options.now));
  // Imported from osquery: say, product by product, what osquery cannot tell (osquery-gaps.ts).
  const gaps =
    observed.machine.readThrough === 'osquery' ? osqueryGaps(judged, observed.machine.platform) : null;
  const detections = gaps ? gaps.detections : judged;
  const sources = gaps?.source ? [...observed.sources, gaps.source] : observed.sources;
  const verdict = decideVerdict(
    detections,
    inventoryCompleteness(observed.machine, sources),
    catalog.bans,
    region.code !== null,
    options.now,
    { platform: observed.machine.platform, isServer: observed.machine.isServer ?? null },
  );
  return {
    schemaVersion: 1,
    scannedAt: options.now.toISOString(),
    capturedAt: capture.capturedAt,
    replayed: options.replayed,
    machine: {
      platform: observed.machine.platform,
      osName: observed.machine.osName ?? null,
      osVersion: observed.machine.osVersion ?? null,
      isServer: observed.machine.isServer ?? null,
      architecture: observed.machine.architecture ?? null,
      hostname: observed.machine.hostname ?? null,
      pendingRestart: pendingRestartOf(observed),
      bootedAt: observed.machine.bootedAt ?? null,
    },
    region,
    verdict,
    detections,
    sources,
  };
}
