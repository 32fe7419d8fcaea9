/**
 * One file of a fleet folder, in two steps, so that the slow one can be kept between runs:
 * - prepareFleetFile: the file's bytes → what its capture says that no clock changes (observers
 *   and matching, analyse.ts prepareCapture), slimmed to what a summary row needs. Files are
 *   written by many machines, so the bytes go through the same guard as any file a person opens
 *   (readReplayFile: size, text, depth, shape); a refusal is one clause saying why.
 * - judgeFleetFile: that, judged with today's catalog, policy and clock → the machine's row.
 */
import { judgePrepared, type PreparedCapture, prepareCapture } from '../analyse';
import type { CompiledCatalog } from '../catalog/load-catalog';
import { readReplayFile } from '../diagnostics/open-file';
import { supportCodeOf } from '../support-code/support-code-of';
import { ok, type Result } from '../util/result';
import { fleetRowOf } from './fleet-row';
import type { FleetFileKind, FleetRow } from './fleet-summary';

export interface PreparedFleetFile {
  readonly kind: FleetFileKind;
  readonly prepared: PreparedCapture;
}

/**
 * A summary row shows no evidence and no uninstall entries, and nothing the verdict decides
 * reads them (policy/judge-detections.ts only passes them on): dropping them keeps what is held
 * per machine small, in memory and in the cache.
 */
function slim(prepared: PreparedCapture): PreparedCapture {
  return {
    ...prepared,
    matched: prepared.matched.map((product) => ({ ...product, evidence: [], uninstallEntries: [] })),
  };
}

export function prepareFleetFile(bytes: Uint8Array, catalog: CompiledCatalog): Result<PreparedFleetFile> {
  const file = readReplayFile(bytes, { byteLength: bytes.byteLength });
  if (!file.ok) return file;
  return ok({ kind: file.value.kind, prepared: slim(prepareCapture(file.value.capture, catalog)) });
}

export interface FleetJudging {
  readonly now: Date;
  readonly regionOverride?: string | null;
  readonly staleDays: number;
}

export function judgeFleetFile(
  file: string,
  prepared: PreparedFleetFile,
  catalog: CompiledCatalog,
  judging: FleetJudging,
): FleetRow {
  const result = judgePrepared(prepared.prepared, catalog, {
    now: judging.now,
    regionOverride: judging.regionOverride ?? null,
    replayed: true,
  });
  const supportCode = supportCodeOf({ ...result, timings: { captureMs: 0, analyseMs: 0 } }, null, catalog);
  return fleetRowOf(result, {
    file,
    kind: prepared.kind,
    supportCode,
    now: judging.now,
    staleDays: judging.staleDays,
  });
}
