/**
 * Services and kernel drivers → ServiceObservation. Three record shapes are accepted:
 *
 * - Win32_Service / Win32_SystemDriver (what the scan script writes): Name, DisplayName,
 *   State ('Running', 'Start Pending', …), StartMode ('Auto', 'Manual', 'Disabled', 'Boot',
 *   'System'), PathName (Microsoft Learn, "Win32_Service class").
 * - Get-Service style: Name, DisplayName, Status, StartType, PathName as the fixtures record
 *   them [S4][S45]. ConvertTo-Json writes these enums as numbers: ServiceControllerStatus
 *   1 Stopped … 4 Running … 7 Paused; ServiceStartMode 0 Boot, 1 System, 2 Automatic, 3 Manual,
 *   4 Disabled (Microsoft Learn, System.ServiceProcess).
 * - A driver file listing {Name: 'klif.sys', Description, Directory} (win-kts21.2 drivers.json
 *   [S45]): a kernel driver whose path is Directory + Name.
 */
import type { ServiceObservation, ServiceState } from '../../observations';
import type { SourceId } from '../../sources';
import { err, ok, type Result } from '../../util/result';
import { asList, type FieldReader, fieldReader, isRecord, lazyEvidence } from './convert-to-json-values';

const STATES: Readonly<Record<string, ServiceState>> = {
  running: 'running',
  stopped: 'stopped',
  startpending: 'starting',
  continuepending: 'starting',
  stoppending: 'stopping',
  paused: 'paused',
  pausepending: 'paused',
  unknown: 'unknown',
};
const STATUS_NUMBERS: readonly ServiceState[] = [
  'unknown',
  'stopped',
  'starting',
  'stopping',
  'running',
  'starting',
  'paused',
  'paused',
];
const START_MODES: Readonly<Record<string, string>> = {
  auto: 'auto',
  automatic: 'auto',
  manual: 'manual',
  disabled: 'disabled',
  boot: 'boot',
  system: 'system',
};
const START_MODE_NUMBERS = ['boot', 'system', 'auto', 'manual', 'disabled'];

function readState(f: FieldReader, record: Readonly<Record<string, unknown>>): ServiceState {
  const value = record.State ?? record.Status;
  if (typeof value === 'number') return STATUS_NUMBERS[value] ?? 'unknown';
  const text = f.string('State') ?? f.string('Status');
  return text === undefined ? 'unknown' : (STATES[text.replace(/\s+/g, '').toLowerCase()] ?? 'unknown');
}

function readStartMode(f: FieldReader, record: Readonly<Record<string, unknown>>): string | undefined {
  const value = record.StartMode ?? record.StartType;
  if (typeof value === 'number') return START_MODE_NUMBERS[value] ?? String(value);
  const text = f.string('StartMode') ?? f.string('StartType');
  return text === undefined ? undefined : (START_MODES[text.toLowerCase()] ?? text);
}

function joinPath(directory: string, name: string): string {
  return directory.endsWith('\\') ? `${directory}${name}` : `${directory}\\${name}`;
}

export function parseServices(
  data: unknown,
  serviceType: 'service' | 'kernel-driver',
  source: SourceId,
): Result<ServiceObservation[]> {
  const observations: ServiceObservation[] = [];
  for (const [index, record] of asList(data).entries()) {
    const where = `record ${index + 1}`;
    if (!isRecord(record)) return err(`${where} is not an object`);
    const f = fieldReader(record, where);
    const name = f.string('Name');
    const directory = f.string('Directory');
    const isFileListing = directory !== undefined;
    const displayName = isFileListing ? f.string('Description') : f.string('DisplayName');
    const pathName = f.string('PathName');
    const state = readState(f, record);
    const startMode = readStartMode(f, record);
    if (f.problems.length > 0) return err(f.problems.join('; '));
    const path = isFileListing && name !== undefined ? joinPath(directory, name) : pathName;
    if (name === undefined && displayName === undefined && path === undefined) {
      return err(`${where} has no Name, DisplayName or path`);
    }
    observations.push({
      kind: 'service',
      serviceType: isFileListing ? 'kernel-driver' : serviceType,
      ...(name ? { name } : {}),
      ...(displayName ? { displayName } : {}),
      state,
      ...(startMode ? { startMode } : {}),
      ...(path ? { path } : {}),
      evidence: lazyEvidence(source, record),
    });
  }
  return ok(observations);
}
