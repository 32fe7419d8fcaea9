/**
 * What osquery would answer on a machine Handover has a native capture of: the native facts are
 * written into osquery's tables (a real SQLite holding them as osquery-tables.ts declares them),
 * and Handover's generated queries run there, so the rows come out of the same SQL an estate runs
 * and every filter of the catalog is exercised. Each table is filled the way osquery fills it,
 * from what the native capture read of the same thing:
 *
 * - windows_security_products ← Security Center's records: type; name; state On/Off/Snoozed/
 *   Expired as the productState decodes (osquery: WSC_SECURITY_PRODUCT_STATE_*), empty where the
 *   record has none; signatures_up_to_date 1/0 (NULL where unknown: osquery sends ""); the
 *   record's timestamp in WSC's own RFC 1123 form. No Security Center on a server: no rows.
 * - programs and registry (Uninstall) ← the Uninstall entries (programs.cpp reads the same keys;
 *   not Installer\UserData, which osquery does not read); registry DWORDs written signed, as
 *   registry.cpp does (std::to_string of an int).
 * - registry (KasperskyLab, Geo) ← the scan document's kaspersky.registry and region sections.
 * - services ← services and drivers (one table in osquery; driver file listings are files, not
 *   services, and are left out); processes ← processes.
 * - deb_packages, rpm_packages, systemd_units, file (folders, ClamAV's database files without
 *   their times: the native capture has none), apps, system_extensions, launchd,
 *   package_receipts ← the observations of those sources.
 * - Nothing from a product's own status (kesl-control, mdatp health, Defender's status, ClamAV's
 *   headers, freshclam's log, AVState files): osquery has no table for them.
 *
 * Values come out as osquery writes them: text, NULL as "" (sqlite_util.cpp, FLAGS_nullvalue).
 */

import type { Database } from 'sql.js';
import type { Capture, CommandRecord, DirectoryRecord } from '../../capture';
import type { CompiledCatalog } from '../../catalog/load-catalog';
import type { InstalledProgramObservation, Observation, SourceReport } from '../../observations';
import { observeCapture } from '../../observe/observe-capture';
import { parseScanDocument, WINDOWS_PROBE_ID } from '../../parse/windows/scan-document';
import type { SourceId } from '../../sources';
import { handoverQueries } from '../handover-queries';
import { osqueryDatabase } from './osquery-sqlite';

type Cell = string | number | null;
type Row = Readonly<Record<string, Cell>>;

export interface QueryAnswer {
  readonly query: string;
  readonly rows: readonly Record<string, string>[];
}

const UNINSTALL = 'Microsoft\\Windows\\CurrentVersion\\Uninstall';
const ROOT: Readonly<Record<string, string>> = {
  HKLM64: `HKEY_LOCAL_MACHINE\\SOFTWARE\\${UNINSTALL}`,
  HKLM32: `HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\${UNINSTALL}`,
  // A person's profile, as osquery sees HKCU: under HKEY_USERS\<SID>.
  HKCU: `HKEY_USERS\\S-1-5-21-1004336348-1177238915-682003330-1001\\Software\\${UNINSTALL}`,
};
const PROFILE = 'HKEY_USERS\\S-1-5-21-1004336348-1177238915-682003330-1001';

/** A DWORD as osquery's registry table writes it: signed. */
const signedDword = (value: number) => String(value > 0x7fffffff ? value - 2 ** 32 : value);

function registryRow(key: string, name: string, value: unknown): Row | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff)
    return { key, path: `${key}\\${name}`, name, type: 'REG_DWORD', data: signedDword(value) };
  if (typeof value === 'number')
    return { key, path: `${key}\\${name}`, name, type: 'REG_QWORD', data: String(value) };
  if (typeof value === 'string' && /^[0-9A-Fa-f]{16}$/.test(value))
    return { key, path: `${key}\\${name}`, name, type: 'REG_BINARY', data: value.toUpperCase() };
  if (typeof value === 'string') return { key, path: `${key}\\${name}`, name, type: 'REG_SZ', data: value };
  return null;
}

const STATE: Readonly<Record<string, string>> = {
  on: 'On',
  off: 'Off',
  snoozed: 'Snoozed',
  expired: 'Expired',
};
const STATUS: Readonly<Record<string, string>> = {
  running: 'RUNNING',
  stopped: 'STOPPED',
  starting: 'START_PENDING',
  stopping: 'STOP_PENDING',
  paused: 'PAUSED',
  unknown: 'UNKNOWN',
};
const START: Readonly<Record<string, string>> = {
  auto: 'AUTO_START',
  manual: 'DEMAND_START',
  disabled: 'DISABLED',
  boot: 'BOOT_START',
  system: 'SYSTEM_START',
};
const ACTIVE: Readonly<Record<string, string>> = {
  running: 'active',
  stopped: 'inactive',
  starting: 'activating',
  stopping: 'deactivating',
};

function windowsSections(capture: Capture): Record<string, { ok: boolean; data?: unknown }> {
  const record = capture.records.find(
    (r): r is CommandRecord => r.kind === 'command' && r.probe === WINDOWS_PROBE_ID,
  );
  const parsed = record ? parseScanDocument(record.stdout) : null;
  return parsed?.ok ? (parsed.value.sections as Record<string, { ok: boolean; data?: unknown }>) : {};
}

const asList = (data: unknown): Record<string, unknown>[] =>
  (Array.isArray(data) ? data : data ? [data] : []) as Record<string, unknown>[];

function uninstallRows(program: InstalledProgramObservation): { programs: Row; registry: Row[] } | null {
  const root = ROOT[program.registry];
  const keyName = program.evidence.decoded?.keyName;
  if (!root || !keyName) return null;
  const key = `${root}\\${keyName}`;
  const values: Record<string, unknown> = {
    DisplayName: program.name,
    Publisher: program.publisher,
    DisplayVersion: program.version,
    UninstallString: program.uninstallString,
    QuietUninstallString: program.quietUninstallString,
    InstallLocation: program.installLocation,
  };
  const registry = Object.entries(values).flatMap(([name, value]): Row[] => {
    const row = registryRow(key, name, value);
    return row ? [row] : [];
  });
  return {
    registry,
    programs: {
      name: program.name,
      version: program.version ?? null,
      install_location: program.installLocation ?? null,
      publisher: program.publisher ?? null,
      uninstall_string: program.uninstallString ?? null,
      identifying_number: program.productCode ?? null,
    },
  };
}

/** The rows each osquery table would hold on this machine. */
function tablesOf(capture: Capture, hostname: string): Record<string, Row[]> {
  const observed = observeCapture(capture);
  const tables: Record<string, Row[]> = {};
  const add = (table: string, row: Row) => {
    tables[table] ??= [];
    tables[table].push(row);
  };
  const machine = observed.machine;
  add('system_info', { hostname, uuid: null, computer_name: hostname });
  if (machine.osName || machine.osVersion)
    add('os_version', {
      name: machine.osName ?? null,
      version: machine.osVersion ?? null,
      platform:
        capture.platform === 'macos' ? 'darwin' : capture.platform === 'windows' ? 'windows' : 'debian',
    });
  for (const o of observed.observations as Observation[]) {
    switch (o.kind) {
      case 'wsc-product':
        if (machine.isServer) break;
        add('windows_security_products', {
          type:
            o.category === 'antivirus'
              ? 'Antivirus'
              : o.category === 'antispyware'
                ? 'Antispyware'
                : 'Firewall',
          name: o.displayName,
          state: STATE[o.engine] ?? null,
          state_timestamp: o.timestamp ? new Date(o.timestamp).toUTCString() : null,
          signatures_up_to_date: o.signaturesUpToDate === null ? null : o.signaturesUpToDate ? 1 : 0,
        });
        break;
      case 'installed-program': {
        if (capture.platform === 'windows') {
          const rows = uninstallRows(o);
          if (!rows) break;
          add('programs', rows.programs);
          for (const row of rows.registry) add('registry', row);
        } else if (o.registry === 'dpkg') {
          add('deb_packages', {
            name: o.identifier ?? o.name,
            version: o.packageVersion ?? o.version ?? null,
            status: 'install ok installed',
            maintainer: o.publisher ?? null,
          });
        } else if (o.registry === 'rpm') {
          const packaged = o.packageVersion ?? o.version ?? '';
          const cut = packaged.lastIndexOf('-');
          add('rpm_packages', {
            name: o.identifier ?? o.name,
            version: cut > 0 ? packaged.slice(0, cut) : packaged,
            release: cut > 0 ? packaged.slice(cut + 1) : null,
            vendor: o.publisher ?? null,
          });
        } else if (o.registry === 'app-bundle') {
          const path = o.installLocation ?? `/Applications/${o.name}.app`;
          add('apps', {
            name: path.split('/').at(-1) ?? null,
            path,
            bundle_identifier: o.identifier ?? null,
            bundle_name: o.name,
            display_name: o.name,
            bundle_short_version: o.version ?? null,
          });
        } else if (o.registry === 'pkgutil') {
          add('package_receipts', { package_id: o.identifier ?? o.name, version: o.version ?? null });
        }
        break;
      }
      case 'service':
        if (o.serviceType === 'systemd-unit')
          add('systemd_units', {
            id: o.name ?? null,
            load_state: 'loaded',
            active_state: ACTIVE[o.state] ?? null,
            sub_state: o.state === 'running' ? 'running' : 'dead',
            unit_file_state: o.startMode === 'auto' ? 'enabled' : (o.startMode ?? null),
          });
        else if (o.serviceType === 'launchd-job')
          add('launchd', {
            label: o.name ?? null,
            name: o.path?.split('/').at(-1) ?? null,
            path: o.path ?? null,
          });
        else if (capture.platform === 'windows' && !/"Directory"/.test(o.evidence.record))
          // A driver file listing (Directory and Name, [S45]) is a file, not a service osquery lists.
          add('services', {
            name: o.name ?? null,
            display_name: o.displayName ?? null,
            service_type: o.serviceType === 'kernel-driver' ? 'KERNEL_DRIVER' : 'OWN_PROCESS',
            status: STATUS[o.state] ?? 'UNKNOWN',
            start_type: o.startMode ? (START[o.startMode] ?? o.startMode) : null,
            path: o.path ?? null,
          });
        break;
      case 'process':
        add('processes', { pid: o.pid ?? null, name: o.name, path: o.path ?? null });
        break;
      case 'path': {
        const parent = o.path.replace(/\/[^/]+$/, '') || '/';
        add('file', {
          path: o.path,
          directory: parent,
          filename: o.path.split('/').at(-1) ?? null,
          type: o.isDirectory ? 'directory' : 'regular',
        });
        break;
      }
      case 'system-extension':
        add('system_extensions', {
          identifier: o.bundleId,
          team: o.teamId ?? null,
          version: o.version ?? null,
          state: o.state ?? null,
        });
        break;
      default:
        break;
    }
  }
  if (capture.platform === 'windows') {
    const sections = windowsSections(capture);
    const lab = sections['kaspersky.registry'];
    if (lab?.ok)
      for (const entry of asList(lab.data)) {
        const key = String(entry.Path ?? '').replace(/^HKLM\\/i, 'HKEY_LOCAL_MACHINE\\');
        for (const [name, value] of Object.entries((entry.Values ?? {}) as Record<string, unknown>)) {
          const row = registryRow(key, name, value);
          if (row) add('registry', row);
        }
      }
    const region = sections.region;
    const geo = region?.ok ? (region.data as Record<string, unknown>) : undefined;
    for (const [name, value] of [
      ['Name', geo?.GeoName],
      ['Nation', geo?.GeoNation],
    ] as const) {
      const row = registryRow(`${PROFILE}\\Control Panel\\International\\Geo`, name, value);
      if (row && typeof value === 'string') add('registry', row);
    }
  }
  // ClamAV's database folder, from the native listing (the file times are not in a native capture).
  const clamav = capture.records.find(
    (r): r is DirectoryRecord =>
      r.kind === 'directory' && r.probe === 'linux.clamav-db' && r.outcome === 'ok',
  );
  if (clamav) {
    add('file', { path: clamav.path, directory: '/var/lib', filename: 'clamav', type: 'directory' });
    for (const entry of clamav.entries)
      add('file', {
        path: `${clamav.path}/${entry}`,
        directory: clamav.path,
        filename: entry,
        type: 'regular',
      });
  }
  return tables;
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/**
 * The native sources each query reads the same thing as. A query is answered only where the
 * native capture recorded its source (read, or absent from the machine): a case built from one
 * record (a kesl-control output alone) says nothing of the package list, and osquery's answer for
 * it must not read "no packages".
 */
const NATIVE_SOURCES: Readonly<Record<string, readonly SourceId[]>> = {
  'handover-os-version': ['windows.os', 'host.os'],
  'handover-windows-security-products': [
    'windows.wsc.antivirus',
    'windows.wsc.antispyware',
    'windows.wsc.firewall',
  ],
  'handover-windows-programs': ['windows.uninstall'],
  'handover-windows-uninstall': ['windows.uninstall'],
  'handover-windows-services': ['windows.services', 'windows.drivers'],
  'handover-windows-processes': ['windows.processes'],
  'handover-windows-kaspersky-registry': ['windows.kaspersky-registry'],
  'handover-windows-region': ['windows.region'],
  'handover-linux-deb-packages': ['linux.dpkg'],
  'handover-linux-rpm-packages': ['linux.rpm'],
  'handover-linux-systemd-units': ['linux.systemd'],
  'handover-linux-processes': ['linux.processes'],
  'handover-linux-kaspersky-folders': ['linux.kaspersky-files'],
  'handover-linux-clamav-databases': ['linux.clamav-db'],
  'handover-macos-apps': ['macos.applications'],
  'handover-macos-system-extensions': ['macos.system-extensions'],
  'handover-macos-launchd': ['macos.launchd'],
  'handover-macos-package-receipts': ['macos.pkg-receipts'],
  'handover-macos-kaspersky-folders': ['macos.kaspersky-support'],
  'handover-macos-processes': ['macos.processes'],
};

function answered(query: string, sources: readonly SourceReport[]): boolean {
  if (query === 'handover-system-info') return true;
  return (NATIVE_SOURCES[query] ?? []).some((id) =>
    sources.some(
      (s) => s.id === id && s.recorded !== false && (s.status === 'read' || s.status === 'not-present'),
    ),
  );
}

/** osquery's tables as osquery would hold them on the machine the capture was taken of. */
export async function osqueryDatabaseOf(capture: Capture, hostname: string): Promise<Database> {
  const db = await osqueryDatabase(capture.platform);
  for (const [table, rows] of Object.entries(tablesOf(capture, hostname))) {
    for (const row of rows) {
      const columns = Object.keys(row);
      db.run(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        columns.map((c) => row[c] ?? null),
      );
    }
  }
  return db;
}

/**
 * Runs every Handover query of the capture's platform over the tables osquery would hold, for the
 * queries whose native source the capture recorded.
 */
export async function osqueryAnswersOf(
  capture: Capture,
  catalog: CompiledCatalog,
  hostname: string,
): Promise<QueryAnswer[]> {
  const { sources } = observeCapture(capture);
  const db = await osqueryDatabaseOf(capture, hostname);
  try {
    return handoverQueries(catalog)
      .filter((query) => query.platforms.includes(capture.platform) && answered(query.name, sources))
      .map((query) => {
        const [result] = db.exec(query.sql);
        const rows = (result?.values ?? []).map((values) =>
          Object.fromEntries((result?.columns ?? []).map((column, i) => [column, text(values[i])])),
        );
        return { query: query.name, rows };
      });
  } finally {
    db.close();
  }
}
