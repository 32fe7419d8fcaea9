/**
 * What `handover fleet summarize` keeps between runs, so a second run over an unchanged folder
 * reads no file: for each file, what its capture says that no clock changes (the core's
 * PreparedFleetFile), or why it was refused, keyed by the file's identity (name, device, inode,
 * size, modification and change times). Judging that again with today's clock is cheap.
 *
 * - One cache file per folder, in the app's data folder (never inside the folder summarized,
 *   which other machines can write), named by a digest of the folder's real path.
 * - It holds only for one Handover version and one catalog: either differs, and the cache is
 *   not used (the observers, the matcher or the catalog may judge the same file differently).
 * - Written atomically, and only when something changed; a cache that cannot be read is simply
 *   not used; one that cannot be written costs only the next run's speed.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PreparedFleetFile } from '../core/fleet/judge-fleet-file';
import { DEFAULT_MAX_DEPTH, scanJsonShape } from '../core/util/untrusted-json';
import { writeFileAtomic } from './atomic-write';
import type { FolderFile } from './fleet-folder';

export const FLEET_CACHE_FORMAT = 'handover.fleet-cache';
export const FLEET_CACHE_VERSION = 1;

export type CachedFleetFile = { readonly prepared: PreparedFleetFile } | { readonly refused: string };

export interface FleetCacheScope {
  readonly toolVersion: string;
  readonly catalogVersion: string;
  /** The folder's real path. */
  readonly folder: string;
}

export const fleetCacheKey = (file: FolderFile): string => {
  const { dev, ino, size, mtimeMs, ctimeMs } = file.identity;
  return `${file.rawName.toString('base64')}:${dev}:${ino}:${size}:${mtimeMs}:${ctimeMs}`;
};

export function fleetCachePath(dataDir: string, folder: string): string {
  const digest = createHash('sha256').update(folder).digest('hex').slice(0, 24);
  return join(dataDir, 'fleet-cache', `${digest}.json`);
}

/** The entries of the cache for this scope, or none when it is missing, damaged or of another scope. */
export async function loadFleetCache(
  path: string,
  scope: FleetCacheScope,
): Promise<Map<string, CachedFleetFile>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return new Map();
  }
  // Handover's own file in the person's data folder, not one someone sent: it is checked for
  // depth (everything after walks it) and parsed, without the key walk of the untrusted-file guard,
  // which would cost a second run as much as the rest of it. Anything wrong: the cache is not used.
  const text = bytes.toString('utf8');
  if (scanJsonShape(text, DEFAULT_MAX_DEPTH) !== 'complete') return new Map();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return new Map();
  }
  if (typeof value !== 'object' || value === null) return new Map();
  const file = value as Record<string, unknown>;
  const sameScope =
    file.format === FLEET_CACHE_FORMAT &&
    file.formatVersion === FLEET_CACHE_VERSION &&
    file.toolVersion === scope.toolVersion &&
    file.catalogVersion === scope.catalogVersion &&
    file.folder === scope.folder;
  if (!sameScope || typeof file.entries !== 'object' || file.entries === null) return new Map();
  return new Map(Object.entries(file.entries as Record<string, CachedFleetFile>));
}

export async function saveFleetCache(
  path: string,
  scope: FleetCacheScope,
  entries: ReadonlyMap<string, CachedFleetFile>,
): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
  const file = {
    format: FLEET_CACHE_FORMAT,
    formatVersion: FLEET_CACHE_VERSION,
    ...scope,
    entries: Object.fromEntries(entries),
  };
  await writeFileAtomic(path, JSON.stringify(file));
}
