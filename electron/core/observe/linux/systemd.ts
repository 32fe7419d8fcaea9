/** systemd units (linux.systemd) as ServiceObservations; units systemd does not know are skipped. */
import type { Capture } from '../../capture';
import type { ServiceState } from '../../observations';
import { isSystemdNotRunning, parseSystemdShow, type SystemdUnit } from '../../parse/linux/systemd-show';
import type { ProbeId } from '../../sources';
import {
  commandRecords,
  couldNotRead,
  evidence,
  readCommand,
  recordsOf,
  type Sink,
  sourceReport,
} from '../unix/record-status';

const NOT_RUNNING =
  'systemd is not running on this machine (it was not booted with systemd), so there are no units to read';

/** ActiveState per systemd.unit(5): active, reloading, inactive, failed, activating, deactivating. */
export function serviceState(activeState: string): ServiceState {
  switch (activeState) {
    case 'active':
    case 'reloading':
      return 'running';
    case 'inactive':
    case 'failed':
      return 'stopped';
    case 'activating':
      return 'starting';
    case 'deactivating':
      return 'stopping';
    default:
      return 'unknown';
  }
}

/** UnitFileState (enabled, disabled, static, …) as a start mode. */
export function startMode(unitFileState: string): string | undefined {
  if (unitFileState === 'enabled') return 'auto';
  if (unitFileState === 'disabled') return 'disabled';
  return unitFileState || undefined;
}

/** Returns the units read (null when unreadable or absent), for the ClamAV real-time check. */
export function observeSystemd(capture: Capture, sink: Sink): readonly SystemdUnit[] | null {
  const id: ProbeId = 'linux.systemd';
  const records = recordsOf(capture, id);
  const notBooted = records.some(
    (r) => r.kind === 'directory' && r.path === '/run/systemd/system' && r.outcome === 'missing',
  );
  if (notBooted) {
    sink.sources.push(sourceReport(id, records, 'not-present', NOT_RUNNING));
    return null;
  }
  const read = readCommand(records, 'the services (systemd)');
  if (!read) return null;
  if (!read.ok) {
    const record = commandRecords(records).find((r) => r.outcome !== 'missing');
    if (record && isSystemdNotRunning(record.stderr)) {
      sink.sources.push(sourceReport(id, records, 'not-present', NOT_RUNNING));
    } else {
      sink.sources.push(sourceReport(id, records, read.status, read.reason));
    }
    return null;
  }
  const parsed = parseSystemdShow(read.record.stdout);
  if (!parsed.ok) {
    sink.sources.push(
      sourceReport(id, records, 'unreadable', couldNotRead('the services (systemd)', parsed.error)),
    );
    return null;
  }
  for (const unit of parsed.value) {
    if (unit.loadState === 'not-found') continue;
    const mode = startMode(unit.unitFileState);
    sink.observations.push({
      kind: 'service',
      serviceType: 'systemd-unit',
      name: unit.id,
      state: serviceState(unit.activeState),
      ...(mode ? { startMode: mode } : {}),
      evidence: evidence(id, unit.block.replace(/\r?\n/g, ' '), {
        ActiveState: `${unit.activeState} (${unit.subState})`,
      }),
    });
  }
  sink.sources.push(sourceReport(id, records, 'read'));
  return parsed.value;
}
