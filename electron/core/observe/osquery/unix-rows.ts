/**
 * What Linux and macOS answers share: the operating system (os_version reads /etc/os-release on
 * Linux and the system version on macOS: name, version), running processes (processes: pid,
 * name, path; never the command line), and product folders through the file table (a row for the
 * folder itself when it exists, one per entry, `type` "directory" or "regular", osquery's
 * specs/utility/file.table).
 */

import type { Capture } from '../../capture';
import type { ObservedMachine, PathObservation } from '../../observations';
import type { OsqueryRow } from '../../osquery/import/osquery-answer';
import type { ProcessEntry } from '../../parse/linux/process-list';
import type { SourceId } from '../../sources';
import type { OsFacts } from '../unix/host-machine';
import { evidence } from '../unix/record-status';
import { withMachineId } from './machine-id-of-import';
import { amendReport, cell, integerCell, readQuery, rowEvidence, type Sink } from './osquery-records';

/** The system's name and version; on macOS '14.4.1 (23E224)', as the native scan shows it (sw_vers). */
export function observeOsVersion(capture: Capture, sink: Sink, withBuild = false): OsFacts | null {
  const row = readQuery(capture, 'handover-os-version', 'osquery.os-version', sink)?.rows[0];
  if (!row) return null;
  const osName = cell(row, 'name');
  const version = cell(row, 'version');
  const build = withBuild ? cell(row, 'build') : undefined;
  const osVersion = version && build ? `${version} (${build})` : version;
  return { ...(osName ? { osName } : {}), ...(osVersion ? { osVersion } : {}) };
}

/** The running processes as observations, and as the list the ClamAV check reads; null when not read. */
export function observeProcessRows(capture: Capture, query: string, sink: Sink): ProcessEntry[] | null {
  const read = readQuery(capture, query, 'osquery.processes', sink);
  if (!read) return null;
  const entries: ProcessEntry[] = [];
  for (const row of read.rows) {
    const name = cell(row, 'name');
    if (!name) continue;
    const path = cell(row, 'path');
    const pid = integerCell(row, 'pid');
    const record = rowEvidence('osquery.processes', row);
    entries.push({
      name,
      ...(path ? { path } : {}),
      ...(pid !== undefined ? { pid } : {}),
      line: record.record,
    });
    sink.observations.push({
      kind: 'process',
      name,
      ...(path ? { path } : {}),
      ...(pid !== undefined ? { pid } : {}),
      evidence: record,
    });
  }
  return entries;
}

const clean = (path: string) => path.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');

/** Folders and their entries, from file-table rows; the source not present when no root exists. */
export function observeFolderRows(
  capture: Capture,
  query: string,
  source: SourceId,
  roots: readonly string[],
  sink: Sink,
): void {
  const read = readQuery(capture, query, source, sink);
  if (!read) return;
  const rows = read.rows.filter((row) => cell(row, 'path'));
  const present = roots.filter((root) => rows.some((row) => clean(row.path as string) === root));
  if (present.length === 0) {
    amendReport(sink, source, { status: 'not-present', reason: `none of ${roots.join(', ')} exists` });
    return;
  }
  const seen = new Set<string>();
  for (const row of rows as OsqueryRow[]) {
    const path = clean(row.path as string);
    if (seen.has(path)) continue;
    seen.add(path);
    const isDirectory = cell(row, 'type') === 'directory';
    const observation: PathObservation = {
      kind: 'path',
      path,
      isDirectory,
      evidence: evidence(source, isDirectory ? `${path}/ (folder)` : path),
    };
    sink.observations.push(observation);
  }
}

/**
 * A Linux or macOS computer as osquery saw it. No region: osquery reads no locale there (the
 * native scan reads LANG and LC_*), so the country comes from --region or stays unknown.
 */
export function observedUnix(
  capture: Capture,
  platform: 'linux' | 'macos',
  os: OsFacts | null,
  sink: Sink,
): ObservedMachine {
  return {
    machine: {
      platform,
      ...(os?.osName ? { osName: os.osName } : {}),
      ...(os?.osVersion ? { osVersion: os.osVersion } : {}),
      ...(capture.host.hostname ? { hostname: capture.host.hostname } : {}),
      ...withMachineId(capture),
      readThrough: 'osquery',
      regionInputs: {},
    },
    observations: sink.observations,
    sources: sink.sources,
  };
}
