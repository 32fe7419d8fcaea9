/**
 * A Linux computer as osquery answered Handover's queries → the observations a native scan gives.
 * osquery reads the package databases (deb_packages, rpm_packages), systemd's units, processes
 * and file metadata; it runs no command and reads no file's contents, so what the native scan
 * gets from the products themselves (kesl-control, kav4fs-control, mdatp health, Network Agent's
 * AVState files, ClamAV's database headers and freshclam's log) is not here (fleet.md §1.3), and
 * core/osquery/osquery-gaps.ts says so on each product it leaves unknown.
 *
 * ClamAV's databases: osquery gives each file's mtime, the last time it was written. A database
 * is written when freshclam fetches it, after it was built, so the build date is never newer than
 * the mtime: a database last written more than STALE_AFTER_DAYS before osquery looked is out of
 * date for sure; a recent mtime says nothing about the build date, which stays unknown.
 */
import type { Capture } from '../../capture';
import type { ObservedMachine, ProductStatusObservation } from '../../observations';
import type { OsqueryRow } from '../../osquery/import/osquery-answer';
import { isClamavDatabaseFile } from '../../parse/linux/clamav-db-header';
import type { ProcessEntry } from '../../parse/linux/process-list';
import type { SystemdUnit } from '../../parse/linux/systemd-show';
import { wholeDaysBetween } from '../../policy/days';
import { STALE_AFTER_DAYS } from '../../policy/signature-freshness';
import { CLAMAV_DB_FOLDER, clamavRealtime } from '../linux/clamav';
import { LINUX_KASPERSKY_ROOTS } from '../linux/kaspersky';
import { versioned } from '../linux/packages';
import { serviceState, startMode } from '../linux/systemd';
import { evidence } from '../unix/record-status';
import { amendReport, cell, integerCell, readQuery, rowEvidence, type Sink } from './osquery-records';
import { observedUnix, observeFolderRows, observeOsVersion, observeProcessRows } from './unix-rows';

/**
 * dpkg's Status field is "want flag status" (deb-control(5)); the package's files are on disk in
 * the states dpkg-query abbreviates i, U, F, W, t, H (installed, unpacked, half-configured,
 * triggers-awaited, triggers-pending, half-installed), as parse/linux/dpkg-query.ts reads them;
 * config-files and not-installed are removed packages.
 */
export const DPKG_ON_DISK: ReadonlySet<string> = new Set([
  'installed',
  'unpacked',
  'half-configured',
  'triggers-awaited',
  'triggers-pending',
  'half-installed',
]);

function observePackages(capture: Capture, sink: Sink): void {
  const deb = readQuery(capture, 'handover-linux-deb-packages', 'osquery.deb-packages', sink);
  for (const row of deb?.rows ?? []) {
    const name = cell(row, 'name');
    const status = cell(row, 'status') ?? '';
    if (!name || !DPKG_ON_DISK.has(status.split(/\s+/)[2] ?? '')) continue;
    const publisher = cell(row, 'maintainer');
    const line = rowEvidence('osquery.deb-packages', row).record;
    sink.observations.push({
      kind: 'installed-program',
      name,
      ...(publisher ? { publisher } : {}),
      registry: 'dpkg',
      identifier: name,
      ...versioned('osquery.deb-packages', line, cell(row, 'version') ?? ''),
    });
  }
  const rpm = readQuery(capture, 'handover-linux-rpm-packages', 'osquery.rpm-packages', sink);
  for (const row of rpm?.rows ?? []) {
    const name = cell(row, 'name');
    if (!name) continue;
    const version = cell(row, 'version');
    const release = cell(row, 'release');
    const publisher = cell(row, 'vendor');
    const line = rowEvidence('osquery.rpm-packages', row).record;
    // rpm -qa --qf '%{VERSION}-%{RELEASE}' is what the native scan records as the version.
    const packaged = version && release ? `${version}-${release}` : (version ?? '');
    sink.observations.push({
      kind: 'installed-program',
      name,
      ...(publisher ? { publisher } : {}),
      registry: 'rpm',
      identifier: name,
      ...versioned('osquery.rpm-packages', line, packaged),
    });
  }
}

function observeUnits(capture: Capture, sink: Sink): SystemdUnit[] | null {
  const read = readQuery(capture, 'handover-linux-systemd-units', 'osquery.systemd-units', sink);
  if (!read) return null;
  const units: SystemdUnit[] = [];
  for (const row of read.rows) {
    const id = cell(row, 'id');
    if (!id || cell(row, 'load_state') === 'not-found') continue;
    const unit: SystemdUnit = {
      id,
      loadState: cell(row, 'load_state') ?? '',
      activeState: cell(row, 'active_state') ?? '',
      subState: cell(row, 'sub_state') ?? '',
      unitFileState: cell(row, 'unit_file_state') ?? '',
      block: rowEvidence('osquery.systemd-units', row).record,
    };
    units.push(unit);
    const mode = startMode(unit.unitFileState);
    sink.observations.push({
      kind: 'service',
      serviceType: 'systemd-unit',
      name: id,
      state: serviceState(unit.activeState),
      ...(mode ? { startMode: mode } : {}),
      evidence: rowEvidence('osquery.systemd-units', row, {
        active_state: `${unit.activeState} (${unit.subState})`,
      }),
    });
  }
  return units;
}

const written = (row: OsqueryRow) => integerCell(row, 'mtime');

function observeClamav(
  capture: Capture,
  sink: Sink,
  processes: readonly ProcessEntry[] | null,
  units: readonly SystemdUnit[] | null,
): void {
  const source = 'osquery.clamav-databases';
  const read = readQuery(capture, 'handover-linux-clamav-databases', source, sink);
  if (!read) return;
  const folder = read.rows.find((row) => cell(row, 'path')?.replace(/\/$/, '') === CLAMAV_DB_FOLDER);
  if (!folder) {
    amendReport(sink, source, { status: 'not-present', reason: `${CLAMAV_DB_FOLDER} does not exist` });
    return;
  }
  const databases = read.rows.filter((row) => isClamavDatabaseFile(cell(row, 'filename') ?? ''));
  const realtime = clamavRealtime(processes, units);
  const decoded: Record<string, string> = { 'On-access scanning': realtime.why };
  const observation = {
    kind: 'product-status' as const,
    hint: 'clamav',
    product: 'ClamAV',
    realtime: realtime.realtime,
    signaturesDate: null,
  };
  if (databases.length === 0) {
    sink.observations.push({
      ...observation,
      signaturesUpToDate: false,
      evidence: evidence(source, `${CLAMAV_DB_FOLDER}: no *.cvd, *.cld or *.cud`, {
        ...decoded,
        Databases: `no database files were found in ${CLAMAV_DB_FOLDER}: ClamAV has no signatures to scan with`,
      }),
    });
    return;
  }
  const askedAt = new Date(read.record.startedAt);
  for (const row of databases) {
    const mtime = written(row);
    decoded[cell(row, 'filename') as string] =
      mtime === undefined
        ? 'osquery gave no time it was written'
        : `last written ${new Date(mtime * 1000).toISOString()} (the file's time; the date ClamAV built it is inside the file, which osquery does not read)`;
  }
  const times = databases.flatMap((row) => written(row) ?? []);
  const newest = times.length > 0 ? new Date(Math.max(...times) * 1000) : null;
  const age = newest && !Number.isNaN(askedAt.getTime()) ? wholeDaysBetween(newest, askedAt) : null;
  const stale = age !== null && age > STALE_AFTER_DAYS;
  decoded['Signatures date'] = stale
    ? `cannot tell from osquery, but no database was written in the ${age} days before osquery looked, so none is newer than that: out of date`
    : 'cannot tell from osquery: it reads when the files were written, not when ClamAV built the signatures in them; check freshclam on the computer (its log, or sigtool --info)';
  const status: ProductStatusObservation = {
    ...observation,
    signaturesUpToDate: stale ? false : null,
    evidence: evidence(
      source,
      `${CLAMAV_DB_FOLDER}: ${databases.map((r) => cell(r, 'filename')).join(', ')}`,
      decoded,
    ),
  };
  sink.observations.push(status);
}

export function observeOsqueryLinux(capture: Capture): ObservedMachine {
  const sink: Sink = { observations: [], sources: [] };
  const os = observeOsVersion(capture, sink);
  readQuery(capture, 'handover-system-info', 'osquery.system-info', sink);
  observePackages(capture, sink);
  const units = observeUnits(capture, sink);
  const processes = observeProcessRows(capture, 'handover-linux-processes', sink);
  observeFolderRows(
    capture,
    'handover-linux-kaspersky-folders',
    'osquery.kaspersky-folders',
    LINUX_KASPERSKY_ROOTS,
    sink,
  );
  observeClamav(capture, sink, processes, units);
  return observedUnix(capture, 'linux', os, sink);
}
