/**
 * `handover fleet summarize DIR` and the Fleet screen: a folder many machines write into, read
 * with the hostile-folder rules of files/fleet-folder.ts, each file prepared by the core (or
 * taken from the cache when it has not changed, files/fleet-cache.ts), judged again with today's
 * catalog, policy and clock, and summarized (core/fleet/summarize-fleet.ts).
 *
 * Memory: files are read a few at a time (twice as many as there are threads preparing them)
 * and each capture is dropped once prepared; what is
 * kept per machine is its slim prepared form and its row, so the peak grows with the rows, not
 * with the size of the files (docs/benchmarks.md states the figures).
 */

import type { Capture } from '../core/capture';
import { catalogVersion } from '../core/catalog/catalog-version';
import { type CompiledCatalog, loadCatalog } from '../core/catalog/load-catalog';
import { readReplayFile } from '../core/diagnostics/open-file';
import type { FleetRow, FleetSkippedFile, FleetSummary } from '../core/fleet/fleet-summary';
import { judgeFleetFile, type PreparedFleetFile, prepareFleetFile } from '../core/fleet/judge-fleet-file';
import { summarizeFleet } from '../core/fleet/summarize-fleet';
import { mapLimited } from '../core/util/map-limited';
import { err, ok, type Result } from '../core/util/result';
import { DEFAULT_MAX_BYTES } from '../core/util/untrusted-json';
import {
  type CachedFleetFile,
  fleetCacheKey,
  fleetCachePath,
  loadFleetCache,
  saveFleetCache,
} from '../files/fleet-cache';
import { type FolderFile, listFleetFolder, readFleetFile, resolveFleetFolder } from '../files/fleet-folder';

/** The default of --stale-days: a machine that scans daily and has not for a week is silent. */
export const DEFAULT_STALE_DAYS = 7;

/** Files read at once: enough to overlap reading with parsing, few enough to bound memory. */
const PARALLEL_READS = 4;

/**
 * Prepares one file's bytes (core/fleet/judge-fleet-file.ts prepareFleetFile): on this thread by
 * default, or on worker threads (host-deps/fleet-worker-pool.ts) where the host has them.
 */
export type FleetPreparer = (bytes: Uint8Array) => Promise<Result<PreparedFleetFile>>;

export interface FleetSummaryOptions {
  readonly folder: string;
  readonly now: Date;
  readonly staleDays?: number;
  /** A country whose rules apply to every machine; undefined: each machine's own region. */
  readonly region?: string;
  readonly version: string;
  readonly catalog?: CompiledCatalog;
  /** The app's data folder, where the cache is kept; null: no cache. */
  readonly dataDir: string | null;
  readonly maxFileBytes?: number;
  /** Where files are prepared, and how many at once; default: this thread, one at a time. */
  readonly preparer?: { readonly prepare: FleetPreparer; readonly size: number };
}

export async function summarizeFleetFolder(options: FleetSummaryOptions): Promise<Result<FleetSummary>> {
  const catalog = options.catalog ?? loadCatalog();
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_BYTES;
  const staleDays = options.staleDays ?? DEFAULT_STALE_DAYS;
  const folder = await resolveFleetFolder(options.folder);
  if (!folder.ok) return folder;
  const listing = await listFleetFolder(folder.value, maxBytes);
  if (!listing.ok) return listing;

  const scope = {
    toolVersion: options.version,
    catalogVersion: catalogVersion(catalog),
    folder: folder.value,
  };
  const cachePath = options.dataDir ? fleetCachePath(options.dataDir, folder.value) : null;
  const cached = cachePath ? await loadFleetCache(cachePath, scope) : new Map<string, CachedFleetFile>();
  const kept = new Map<string, CachedFleetFile>();
  let changed = false;

  const skipped: FleetSkippedFile[] = [];
  const prepared: { file: string; value: PreparedFleetFile }[] = [];
  const files = listing.value.flatMap((entry) => {
    if (entry.kind === 'skipped') {
      skipped.push({ file: entry.name, reason: entry.reason });
      return [];
    }
    return [entry.file];
  });
  const prepare: FleetPreparer =
    options.preparer?.prepare ?? (async (bytes) => prepareFleetFile(bytes, catalog));
  // Each thread has a file at hand while the next is read: twice the threads, four at least.
  const reads = Math.max(PARALLEL_READS, 2 * (options.preparer?.size ?? 1));
  const outcomes = await mapLimited(files, reads, async (file: FolderFile) => {
    const key = fleetCacheKey(file);
    const hit = cached.get(key);
    if (hit) {
      kept.set(key, hit);
      return hit;
    }
    changed = true;
    const bytes = await readFleetFile(folder.value, file, maxBytes);
    // A file caught while being written is not kept: the next run reads it again.
    if (!bytes.ok) return { refused: bytes.error };
    const result = await prepare(bytes.value);
    const outcome: CachedFleetFile = result.ok ? { prepared: result.value } : { refused: result.error };
    kept.set(key, outcome);
    return outcome;
  });
  files.forEach((file, i) => {
    const outcome = outcomes[i] as CachedFleetFile;
    if ('refused' in outcome) skipped.push({ file: file.name, reason: outcome.refused });
    else prepared.push({ file: file.name, value: outcome.prepared });
  });
  if (cachePath && (changed || kept.size !== cached.size)) {
    // The cache only saves time: failing to write it changes no result.
    await saveFleetCache(cachePath, scope, kept).catch(() => undefined);
  }

  const judging = { now: options.now, regionOverride: options.region ?? null, staleDays };
  const rows: FleetRow[] = prepared.map(({ file, value }) => judgeFleetFile(file, value, catalog, judging));
  return ok(
    summarizeFleet(rows, skipped, {
      judgedAt: options.now,
      version: options.version,
      catalogVersion: scope.catalogVersion,
      folder: options.folder,
      staleDays,
      region: options.region ?? null,
    }),
  );
}

/**
 * One machine of the folder, to open like a diagnostics file (the Fleet screen): the capture of
 * the file of that name, read with the same rules.
 */
export async function readFleetMachine(
  folderPath: string,
  name: string,
  maxBytes: number = DEFAULT_MAX_BYTES,
): Promise<Result<Capture>> {
  const folder = await resolveFleetFolder(folderPath);
  if (!folder.ok) return folder;
  const listing = await listFleetFolder(folder.value, maxBytes);
  if (!listing.ok) return listing;
  const entry = listing.value.find((e) => (e.kind === 'file' ? e.file.name : e.name) === name);
  if (!entry) return err(`${name}: it is no longer in the folder`);
  if (entry.kind === 'skipped') return err(`${name}: ${entry.reason}`);
  const bytes = await readFleetFile(folder.value, entry.file, maxBytes);
  if (!bytes.ok) return err(`${name}: ${bytes.error}`);
  const file = readReplayFile(bytes.value, { byteLength: bytes.value.byteLength });
  return file.ok ? ok(file.value.capture) : err(`${name}: ${file.error}`);
}
