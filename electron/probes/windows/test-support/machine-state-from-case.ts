/**
 * A fixture case folder (fixtures/detection/<case>/, a Windows stage of fixtures/journeys/; the
 * file kinds are fixtures/detection/README.md's) → the machine state the engine host's fakes
 * answer from. The fake machine holds what the record shows, in the form Windows holds it:
 *
 * - securitycenter2.json, antispywareproduct.json, firewallproduct.json → instances of
 *   root/SecurityCenter2 AntiVirusProduct, AntiSpywareProduct, FirewallProduct;
 *   securitycenter2.error.txt → that namespace missing, when the text is the invalid-namespace
 *   error (0x8004100e, Windows Server [S12]), else that class failing with the text;
 * - mpstatus.json / mpstatus.raw.txt → one MSFT_MpComputerStatus instance; dates printed as CIM
 *   datetimes or \/Date(ms)\/ become the DateTime values the class holds, dates printed in a
 *   locale's format stay the text the record shows (the instant is not known without the culture);
 * - services.json → Win32_Service instances (Get-Service's Status and StartType become State
 *   and StartMode: 'Automatic' is 'Auto' in WMI); drivers.json → Win32_SystemDriver instances (a
 *   file listing {Name 'klif.sys', Description, Directory} becomes DisplayName and PathName; its
 *   service name is not in the record, so Name stays null); processes.json → Win32_Process;
 * - uninstall.json → registry keys at each entry's keyPath, every other field a value (numbers
 *   REG_DWORD, text REG_SZ); os.json → Win32_OperatingSystem; region.json → the Geo values, the
 *   culture, the time zone and the home location; kaspersky-registry.json → its keys and values (a
 *   key with an Error is one the user may not open); pending-restart.json → the keys and values
 *   whose presence the markers stand for.
 *
 * What the record does not show is not invented: a CIM class the scan queries and the record
 * does not hold fails with "not recorded" (so the scan reports it unreadable, as the replay of the
 * folder reports it absent, and neither claims the class was empty); a registry area it does not
 * hold is simply not there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatListToObject } from '../../replay/case-capture';
import type {
  CimInstance,
  FaultSpec,
  MachineState,
  RegistryKeySpec,
  RegistryValueSpec,
} from './machine-state';

type Json = Record<string, unknown>;

const asArray = (value: unknown): Json[] => (Array.isArray(value) ? value : [value]) as Json[];

/** What the scan queries, and the fixture file that shows it. */
const CIM_FILES: readonly { file: string; key: string }[] = [
  { file: 'securitycenter2.json', key: 'root/SecurityCenter2:AntiVirusProduct' },
  { file: 'antispywareproduct.json', key: 'root/SecurityCenter2:AntiSpywareProduct' },
  { file: 'firewallproduct.json', key: 'root/SecurityCenter2:FirewallProduct' },
  { file: 'os.json', key: 'root/cimv2:Win32_OperatingSystem' },
  { file: 'services.json', key: 'root/cimv2:Win32_Service' },
  { file: 'drivers.json', key: 'root/cimv2:Win32_SystemDriver' },
  { file: 'processes.json', key: 'root/cimv2:Win32_Process' },
  { file: 'mpstatus.json', key: 'root/Microsoft/Windows/Defender:MSFT_MpComputerStatus' },
];

export const NOT_RECORDED: FaultSpec = {
  fault: {
    kind: 'error',
    message: 'not recorded: the record this machine state was made from does not show this class',
    hresult: '0x80004005',
    category: 'NotSpecified',
  },
};

const MS_JSON_DATE = /^\/Date\((-?\d+)\)\/$/;

/** A value of MSFT_MpComputerStatus as the class holds it. */
function defenderValue(value: unknown): unknown {
  if (typeof value === 'string') {
    const ms = MS_JSON_DATE.exec(value);
    if (ms) return { $datetime: new Date(Number(ms[1])).toISOString() };
  }
  return value;
}

// Microsoft Learn, ServiceControllerStatus and ServiceStartMode (what ConvertTo-Json writes for Get-Service).
const STATUS_NAMES = [
  'Unknown',
  'Stopped',
  'Start Pending',
  'Stop Pending',
  'Running',
  'Continue Pending',
  'Pause Pending',
  'Paused',
];
const START_NAMES = ['Boot', 'System', 'Auto', 'Manual', 'Disabled'];
const START_WORDS: Readonly<Record<string, string>> = {
  automatic: 'Auto',
  auto: 'Auto',
  manual: 'Manual',
  disabled: 'Disabled',
  boot: 'Boot',
  system: 'System',
};

function win32Service(row: Json): CimInstance {
  const { Status, StartType, State, StartMode, ...rest } = row;
  const state = State ?? (typeof Status === 'number' ? STATUS_NAMES[Status] : Status);
  const mode = StartMode ?? StartType;
  const startMode =
    typeof mode === 'number'
      ? START_NAMES[mode]
      : typeof mode === 'string'
        ? (START_WORDS[mode.toLowerCase()] ?? mode)
        : undefined;
  return {
    Name: null,
    ...rest,
    ...(state !== undefined ? { State: state } : {}),
    ...(startMode !== undefined ? { StartMode: startMode } : {}),
  };
}

function win32SystemDriver(row: Json): CimInstance {
  if (typeof row.Directory !== 'string') return win32Service(row);
  const directory = row.Directory.endsWith('\\') ? row.Directory : `${row.Directory}\\`;
  return { Name: null, DisplayName: row.Description ?? null, PathName: `${directory}${String(row.Name)}` };
}

function registryValue(value: unknown): RegistryValueSpec {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff) return value;
  if (typeof value === 'number') return { kind: 'QWord', value };
  if (Array.isArray(value)) return value.map(String);
  return String(value);
}

function addKey(registry: Record<string, RegistryKeySpec>, path: string, values: Json, denied = false): void {
  const existing = registry[path];
  const merged: Record<string, RegistryValueSpec> = { ...(existing?.values ?? {}) };
  for (const [name, value] of Object.entries(values))
    if (value !== null && value !== undefined) merged[name] = registryValue(value);
  registry[path] = { ...(denied || existing?.denied ? { denied: true } : {}), values: merged };
}

const SOFTWARE = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion';
const SESSION_MANAGER = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager';

function pendingRestart(
  data: Json,
  registry: Record<string, RegistryKeySpec>,
  state: { methods: Record<string, CimInstance | FaultSpec> },
): string[] {
  const notes: string[] = [];
  const markers = (typeof data.markers === 'object' && data.markers !== null ? data.markers : data) as Json;
  const cbs = markers.ComponentBasedServicing ?? markers.CbsRebootPending;
  const wu = markers.WindowsUpdate ?? markers.WindowsUpdateRebootRequired;
  if (cbs === true) addKey(registry, `${SOFTWARE}\\Component Based Servicing\\RebootPending`, {});
  else addKey(registry, `${SOFTWARE}\\Component Based Servicing`, {});
  if (wu === true) addKey(registry, `${SOFTWARE}\\WindowsUpdate\\Auto Update\\RebootRequired`, {});
  else addKey(registry, `${SOFTWARE}\\WindowsUpdate\\Auto Update`, {});
  const active = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\ComputerName';
  addKey(registry, `${active}\\ActiveComputerName`, { ComputerName: 'HOST-1' });
  addKey(registry, `${active}\\ComputerName`, {
    ComputerName: markers.PendingComputerRename === true ? 'HOST-2' : 'HOST-1',
  });
  if (markers.ConfigurationManager !== undefined) {
    state.methods['root/ccm/ClientSDK:CCM_ClientUtilities.DetermineIfRebootPending'] = {
      ReturnValue: 0,
      RebootPending: markers.ConfigurationManager === true,
      IsHardRebootPending: false,
    };
  }
  const renames = data.PendingFileRenameOperations;
  const count = renames === true ? 1 : typeof renames === 'number' ? renames : 0;
  if (count > 0) {
    // The record gives only how many: the paths are placeholders (a delete is a pair: path, '').
    const entries = Array.from({ length: count }, (_, i) => [
      `\\??\\C:\\Windows\\Temp\\handover-fixture-${i + 1}.tmp`,
      '',
    ]).flat();
    addKey(registry, SESSION_MANAGER, { PendingFileRenameOperations: entries });
    notes.push(
      `PendingFileRenameOperations holds ${count} placeholder delete operation(s): the record gives only the count`,
    );
  } else {
    addKey(registry, SESSION_MANAGER, {});
  }
  return notes;
}

/** The machine state a case folder stands for. */
export function machineStateFromCase(dir: string, caseId: string): MachineState {
  const names = new Set(readdirSync(dir));
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const json = (name: string): unknown => JSON.parse(read(name));
  const classes: Record<string, readonly CimInstance[] | FaultSpec> = {};
  const namespaces: Record<string, 'missing'> = {};
  const methods: Record<string, CimInstance | FaultSpec> = {};
  const registry: Record<string, RegistryKeySpec> = {};
  const made: string[] = [];
  const state: { -readonly [K in keyof MachineState]?: MachineState[K] } = {};

  for (const { file, key } of CIM_FILES) {
    if (!names.has(file)) {
      classes[key] = NOT_RECORDED;
      continue;
    }
    const rows = asArray(json(file));
    if (file === 'services.json') classes[key] = rows.map(win32Service);
    else if (file === 'drivers.json') classes[key] = rows.map(win32SystemDriver);
    else if (file === 'mpstatus.json')
      classes[key] = rows.map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, defenderValue(v)])),
      );
    else classes[key] = rows;
    made.push(`${file} → ${key}`);
  }
  if (names.has('mpstatus.raw.txt') && !names.has('mpstatus.json')) {
    const row = formatListToObject(read('mpstatus.raw.txt'));
    classes['root/Microsoft/Windows/Defender:MSFT_MpComputerStatus'] = [
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, defenderValue(v)])),
    ];
    made.push('mpstatus.raw.txt (Format-List text) → MSFT_MpComputerStatus');
  }
  if (names.has('securitycenter2.error.txt')) {
    const text = read('securitycenter2.error.txt');
    if (/0x8004100e|invalid namespace/i.test(text)) {
      namespaces['root/SecurityCenter2'] = 'missing';
      for (const c of ['AntiVirusProduct', 'AntiSpywareProduct', 'FirewallProduct'])
        delete classes[`root/SecurityCenter2:${c}`];
      made.push('securitycenter2.error.txt (0x8004100e) → no root/SecurityCenter2 namespace');
    } else {
      classes['root/SecurityCenter2:AntiVirusProduct'] = {
        fault: {
          kind: 'error',
          message: text.trim().split(/\r?\n/)[0] ?? text,
          hresult: /0x[0-9a-f]{8}/i.exec(text)?.[0] ?? '0x80004005',
        },
      };
      made.push('securitycenter2.error.txt → AntiVirusProduct failing with its text');
    }
  }
  if (names.has('uninstall.json')) {
    for (const [i, entry] of asArray(json('uninstall.json')).entries()) {
      const { keyPath, KeyPath, keyPathInferred, ...values } = entry;
      const recorded = keyPath ?? KeyPath;
      // A record that does not show the key's name writes "(not shown)" for it, one placeholder
      // for many entries: on a machine each entry has its own key, so each gets a name of its own
      // under the recorded parent rather than all landing in one key.
      const placeholder = `handover-fixture-entry-${i + 1}`;
      const path = recorded
        ? String(recorded).replace(/\\\(not shown\)$/, `\\${placeholder}`)
        : `HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${placeholder}`;
      if (path.endsWith(placeholder))
        made.push(
          `uninstall entry ${i + 1} has no key path in the record: placed under a placeholder key name`,
        );
      addKey(registry, path, values);
    }
    made.push('uninstall.json → registry keys at their key paths');
  }
  if (names.has('region.json')) {
    const region = json('region.json') as Json;
    const geo: Json = {};
    if (region.GeoName !== undefined) geo.Name = region.GeoName;
    if (region.GeoNation !== undefined) geo.Nation = String(region.GeoNation);
    addKey(registry, 'HKCU\\Control Panel\\International\\Geo', geo);
    if (typeof region.Culture === 'string') state.culture = region.Culture;
    if (typeof region.TimeZoneId === 'string') state.timeZone = region.TimeZoneId;
    if (typeof region.HomeLocationGeoId === 'number')
      state.homeLocation = { GeoId: region.HomeLocationGeoId };
    made.push('region.json → Geo values, culture, time zone, home location');
  }
  if (names.has('kaspersky-registry.json')) {
    for (const entry of asArray(json('kaspersky-registry.json'))) {
      addKey(registry, String(entry.Path), (entry.Values ?? {}) as Json, typeof entry.Error === 'string');
    }
    made.push('kaspersky-registry.json → its keys and values');
  }
  if (names.has('pending-restart.json')) {
    made.push(
      'pending-restart.json → the marker keys and values',
      ...pendingRestart(json('pending-restart.json') as Json, registry, { methods }),
    );
  }

  // Get-Service and Get-Process (the scan's fallbacks when WMI fails) see the same machine.
  if (!names.has('services.json')) state.services = NOT_RECORDED;
  if (!names.has('processes.json')) state.processes = NOT_RECORDED;

  return {
    description: `Made from the case folder ${caseId} by machine-state-from-case.ts: ${made.join('; ')}. Every CIM class the scan queries that the folder does not show fails as "not recorded".`,
    ...state,
    cim: { namespaces, classes, methods },
    registry,
  };
}
