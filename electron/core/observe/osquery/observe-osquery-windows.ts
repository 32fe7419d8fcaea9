/**
 * A Windows computer as osquery answered Handover's queries → the observations a native scan
 * gives, through the same parsers where osquery reads the same records (services, processes,
 * Uninstall and Kaspersky registry values, the region), their osquery columns renamed to the
 * native fields. What osquery cannot give is left out, never filled in:
 *
 * - Security Center: windows_security_products gives each product's state (On, Off, Snoozed,
 *   Expired) and whether its signatures are up to date (osquery/tables/system/windows/
 *   windows_security_products.cpp: WSC_SECURITY_PRODUCT_STATE_* and get_SignatureStatus), not the
 *   productState number, its GUID or its paths (fleet.md §1.1). The observation keeps
 *   productState null and takes on/off and up to date from those two columns.
 * - Nothing on Windows Server ("Not compatible with Windows Server", the table's spec).
 * - Microsoft Defender's own status (Get-MpComputerStatus: running mode, signature ages and
 *   dates): no osquery table reads it, so Defender is judged by Security Center alone, and on a
 *   server, where there is none, it cannot be told (core/osquery/osquery-gaps.ts says so).
 */

import type { Capture } from '../../capture';
import type { MachineFacts, ObservedMachine, RegionInputs, WscProductObservation } from '../../observations';
import type { OsqueryRow } from '../../osquery/import/osquery-answer';
import { describeReading } from '../../parse/dates/date-reading';
import { readDateValue } from '../../parse/windows/convert-to-json-values';
import { parseKasperskyRegistry } from '../../parse/windows/kaspersky-registry';
import { parseRegion } from '../../parse/windows/os-region';
import { parseProcesses } from '../../parse/windows/processes';
import { parseServices } from '../../parse/windows/services-drivers';
import { parseUninstallEntries } from '../../parse/windows/uninstall-entries';
import { type SourceId, sourceLabel } from '../../sources';
import type { Result } from '../../util/result';
import { withMachineId } from './machine-id-of-import';
import {
  amendReport,
  cell,
  integerCell,
  type QueryRows,
  readQuery,
  rowEvidence,
  type Sink,
} from './osquery-records';
import { registryKeys, shortHive } from './registry-rows';

interface OsFacts {
  readonly osName?: string;
  readonly osVersion?: string;
  readonly isServer?: boolean;
}

function observeOs(capture: Capture, sink: Sink): OsFacts | null {
  const read = readQuery(capture, 'handover-os-version', 'osquery.os-version', sink);
  const row = read?.rows[0];
  if (!row) return null;
  const name = cell(row, 'name');
  // os_version has no ProductType column: its name is Win32_OperatingSystem's Caption, which
  // names the server editions ("Microsoft Windows Server 2022 Standard").
  return {
    ...(name ? { osName: name, isServer: /\bWindows Server\b/i.test(name) } : {}),
    ...(cell(row, 'version') ? { osVersion: cell(row, 'version') } : {}),
  };
}

const CATEGORY: Readonly<Record<string, WscProductObservation['category']>> = {
  antivirus: 'antivirus',
  antispyware: 'antispyware',
  firewall: 'firewall',
};
const ENGINE: Readonly<Record<string, WscProductObservation['engine']>> = {
  on: 'on',
  off: 'off',
  snoozed: 'snoozed',
  expired: 'expired',
};

/** One windows_security_products row as a Security Center observation; null for a type it does not name. */
export function wscFromRow(row: OsqueryRow, source: SourceId): WscProductObservation | null {
  const category = CATEGORY[(cell(row, 'type') ?? '').toLowerCase()];
  const displayName = cell(row, 'name');
  if (!category || !displayName) return null;
  const state = cell(row, 'state');
  const engine = ENGINE[(state ?? '').toLowerCase()] ?? 'unknown';
  const bit = cell(row, 'signatures_up_to_date');
  const signaturesUpToDate = bit === '1' ? true : bit === '0' ? false : null;
  const timestamp = readDateValue(cell(row, 'state_timestamp'));
  const decoded: Record<string, string> = {
    state: `${state ?? '(empty)'}: ${engine === 'unknown' ? 'not a state osquery names (On, Off, Snoozed, Expired), so on or off cannot be told' : `Security Center says it is ${engine}`} (osquery passes on no productState)`,
    signatures_up_to_date: `${bit ?? '(empty)'}: ${signaturesUpToDate === null ? 'not told' : signaturesUpToDate ? 'Security Center says its signatures are up to date' : 'Security Center says its signatures are out of date'}; their date cannot be told from osquery`,
  };
  if (timestamp) decoded.state_timestamp = describeReading(timestamp);
  return {
    kind: 'wsc-product',
    category,
    displayName,
    productState: null,
    engine,
    signaturesUpToDate,
    ownerWindows: null,
    ...(timestamp?.kind === 'date' ? { timestamp: timestamp.iso } : {}),
    evidence: rowEvidence(source, row, decoded),
  };
}

function observeSecurityCenter(capture: Capture, sink: Sink, os: OsFacts | null): void {
  const source = 'osquery.windows-security-products';
  const read = readQuery(capture, 'handover-windows-security-products', source, sink);
  if (!read) return;
  const products = read.rows.flatMap((row) => wscFromRow(row, source) ?? []);
  sink.observations.push(...products);
  if (products.length > 0) return;
  if (os?.isServer === true) {
    amendReport(sink, source, {
      status: 'not-present',
      reason:
        'Windows Security Center is not available on Windows Server (osquery: windows_security_products is "Not compatible with Windows Server")',
    });
    return;
  }
  // Security Center lists Microsoft Defender on every Windows 8 and later client, registered or
  // turned off: no row at all means osquery could not read it (its wscapi.dll calls failed).
  amendReport(sink, source, {
    status: 'unreadable',
    reason: `could not read Windows Security Center through osquery because windows_security_products returned no product${os?.isServer === false ? ', although this is not Windows Server' : ', which happens on Windows Server and on Windows 7'}`,
  });
}

/** The parser's observations, each with the osquery row it came from as its evidence. */
function withRows<T extends { readonly evidence: { readonly decoded?: Readonly<Record<string, string>> } }>(
  parsed: Result<T[]>,
  rows: readonly OsqueryRow[],
  source: SourceId,
  sink: Sink,
): T[] {
  if (!parsed.ok) {
    amendReport(sink, source, {
      status: 'unreadable',
      reason: `could not read ${sourceLabel(source)} because ${parsed.error}`,
    });
    return [];
  }
  return parsed.value.map((observation, i) => {
    const row = rows[i];
    return row
      ? {
          ...observation,
          evidence: rowEvidence(source, row, observation.evidence.decoded as Record<string, string>),
        }
      : observation;
  });
}

/** services: status RUNNING, STOPPED, START_PENDING…; start_type AUTO_START, DEMAND_START… (services.cpp). */
const STATUS: Readonly<Record<string, string>> = {
  RUNNING: 'Running',
  STOPPED: 'Stopped',
  START_PENDING: 'Start Pending',
  STOP_PENDING: 'Stop Pending',
  CONTINUE_PENDING: 'Continue Pending',
  PAUSE_PENDING: 'Pause Pending',
  PAUSED: 'Paused',
  UNKNOWN: 'Unknown',
};
const START: Readonly<Record<string, string>> = {
  BOOT_START: 'Boot',
  SYSTEM_START: 'System',
  AUTO_START: 'Auto',
  DEMAND_START: 'Manual',
  DISABLED: 'Disabled',
};
/** Drivers are in the same table (EnumServicesStatusEx with SERVICE_WIN32 | SERVICE_DRIVER). */
const isDriver = (row: OsqueryRow) => /_DRIVER$/.test(cell(row, 'service_type') ?? '');

function asWin32Service(row: OsqueryRow) {
  const status = cell(row, 'status');
  const start = cell(row, 'start_type');
  return {
    Name: cell(row, 'name'),
    DisplayName: cell(row, 'display_name'),
    State: status ? (STATUS[status] ?? status) : undefined,
    StartMode: start ? (START[start] ?? start) : undefined,
    PathName: cell(row, 'path'),
  };
}

function observeServices(read: QueryRows | null, sink: Sink): void {
  if (!read) return;
  const source = 'osquery.services';
  for (const [type, rows] of [
    ['service', read.rows.filter((r) => !isDriver(r))],
    ['kernel-driver', read.rows.filter(isDriver)],
  ] as const) {
    sink.observations.push(
      ...withRows(parseServices(rows.map(asWin32Service), type, source), rows, source, sink),
    );
  }
}

function observeProcesses(read: QueryRows | null, sink: Sink): void {
  if (!read) return;
  const records = read.rows.map((row) => ({
    Name: cell(row, 'name'),
    ProcessId: integerCell(row, 'pid'),
    ExecutablePath: cell(row, 'path'),
  }));
  sink.observations.push(
    ...withRows(parseProcesses(records, 'osquery.processes'), read.rows, 'osquery.processes', sink),
  );
}

/** Which view a key lives in, as the scan script names it. */
function hiveOf(key: string): 'HKLM64' | 'HKLM32' | 'HKCU' | null {
  if (/^HKEY_USERS\\/i.test(key)) return 'HKCU';
  if (/^HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\/i.test(key)) return 'HKLM32';
  if (/^HKEY_LOCAL_MACHINE\\/i.test(key)) return 'HKLM64';
  return null;
}

/**
 * Uninstall entries from the registry rows (the values removal needs), then the programs table
 * for anything they do not list (MSIX packages; a registry answer that is missing).
 */
function observePrograms(capture: Capture, sink: Sink): void {
  const uninstall = readQuery(capture, 'handover-windows-uninstall', 'osquery.uninstall', sink);
  const names = new Set<string>();
  if (uninstall) {
    const keys = registryKeys(uninstall.rows);
    const entries = keys.flatMap((k) => {
      const hive = hiveOf(k.key);
      return hive ? [{ KeyName: k.key.split('\\').at(-1), Hive: hive, ...k.values }] : [];
    });
    const parsed = parseUninstallEntries(entries, 'osquery.uninstall');
    if (!parsed.ok)
      amendReport(sink, 'osquery.uninstall', {
        status: 'unreadable',
        reason: `could not read the Uninstall registry entries (through osquery) because ${parsed.error}`,
      });
    for (const observation of parsed.ok ? parsed.value : []) {
      names.add(observation.name.toLowerCase());
      const key = keys.find(
        (k) =>
          k.key.split('\\').at(-1) === observation.evidence.decoded?.keyName &&
          hiveOf(k.key) === observation.registry,
      );
      sink.observations.push({
        ...observation,
        evidence: {
          ...observation.evidence,
          decoded: {
            ...observation.evidence.decoded,
            ...(key ? { key: key.key } : {}),
            ...(key && key.notes.length > 0 ? { values: key.notes.join('; ') } : {}),
          },
        },
      });
    }
  }
  const programs = readQuery(capture, 'handover-windows-programs', 'osquery.programs', sink);
  for (const row of programs?.rows ?? []) {
    const name = cell(row, 'name');
    if (!name || names.has(name.toLowerCase())) continue;
    const code = cell(row, 'identifying_number');
    const version = cell(row, 'version');
    const location = cell(row, 'install_location');
    const publisher = cell(row, 'publisher');
    const uninstallString = cell(row, 'uninstall_string');
    sink.observations.push({
      kind: 'installed-program',
      name,
      ...(version ? { version } : {}),
      ...(publisher ? { publisher } : {}),
      ...(location ? { installLocation: location } : {}),
      ...(uninstallString ? { uninstallString } : {}),
      ...(code && /^\{[0-9A-F-]{36}\}$/i.test(code) ? { productCode: code.toUpperCase() } : {}),
      registry: 'programs (osquery)',
      evidence: rowEvidence('osquery.programs', row),
    });
  }
}

function observeKaspersky(capture: Capture, sink: Sink): void {
  const source = 'osquery.kaspersky-registry';
  const read = readQuery(capture, 'handover-windows-kaspersky-registry', source, sink);
  if (!read || read.rows.length === 0) return;
  const entries = registryKeys(read.rows).map((k) => ({ Path: shortHive(k.key), Values: k.values }));
  const parsed = parseKasperskyRegistry(entries, source);
  if (!parsed.ok) {
    amendReport(sink, source, {
      status: 'unreadable',
      reason: `could not read Kaspersky's registry settings (through osquery) because ${parsed.error}`,
    });
    return;
  }
  sink.observations.push(...parsed.value);
}

/**
 * Each loaded profile's home location (HKEY_USERS\<SID>\Control Panel\International\Geo). The
 * native scan reads the signed-in user's; osquery reads every loaded profile. People's profiles
 * (S-1-5-21-…) speak first, the default profile and the service accounts after; profiles that
 * disagree leave the region unknown, saying so.
 */
function observeRegion(capture: Capture, sink: Sink): RegionInputs | undefined {
  const source = 'osquery.region';
  const read = readQuery(capture, 'handover-windows-region', source, sink);
  if (!read) return undefined;
  const profiles = registryKeys(read.rows).map((k) => ({
    sid: /^HKEY_USERS\\([^\\]+)\\/i.exec(k.key)?.[1] ?? '',
    region: parseRegion({ GeoName: k.values.Name, GeoNation: k.values.Nation }),
  }));
  const readable = profiles.flatMap((p) =>
    p.region.ok && (p.region.value.windowsHomeLocation || p.region.value.windowsGeoId !== undefined)
      ? [{ sid: p.sid, region: p.region.value }]
      : [],
  );
  const people = readable.filter((p) => /^S-1-5-21-/i.test(p.sid) && !/_Classes$/i.test(p.sid));
  const chosen = people.length > 0 ? people : readable;
  const distinct = new Set(chosen.map((p) => `${p.region.windowsHomeLocation}|${p.region.windowsGeoId}`));
  if (distinct.size > 1) {
    amendReport(sink, source, {
      reason: `the profiles on this computer give different home locations (${chosen.map((p) => `${p.sid}: ${p.region.windowsHomeLocation ?? p.region.windowsGeoId}`).join(', ')}), so the region is not taken from them`,
    });
    return undefined;
  }
  return chosen[0]?.region;
}

export function observeOsqueryWindows(capture: Capture): ObservedMachine {
  const sink: Sink = { observations: [], sources: [] };
  const os = observeOs(capture, sink);
  readQuery(capture, 'handover-system-info', 'osquery.system-info', sink);
  observeSecurityCenter(capture, sink, os);
  observePrograms(capture, sink);
  observeServices(readQuery(capture, 'handover-windows-services', 'osquery.services', sink), sink);
  observeProcesses(readQuery(capture, 'handover-windows-processes', 'osquery.processes', sink), sink);
  observeKaspersky(capture, sink);
  const region = observeRegion(capture, sink);
  const machine: MachineFacts = {
    platform: 'windows',
    ...(os?.osName ? { osName: os.osName } : {}),
    ...(os?.osVersion ? { osVersion: os.osVersion } : {}),
    ...(os?.isServer !== undefined ? { isServer: os.isServer } : {}),
    ...(capture.host.hostname ? { hostname: capture.host.hostname } : {}),
    ...withMachineId(capture),
    readThrough: 'osquery',
    regionInputs: region ?? {},
  };
  return { machine, observations: sink.observations, sources: sink.sources };
}
