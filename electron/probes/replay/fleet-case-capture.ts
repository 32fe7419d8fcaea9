/**
 * A fixture case as one machine of a made-up fleet, for tests, the e2e folder and the benchmark
 * (npm run bench): the case's real records, with the host name, the machine id and the time of
 * the scan set to the given values, and the capture's origin saying so. The id is recorded where
 * the probes record it (the Windows document's machine-id section, /etc/machine-id, ioreg), so
 * it goes through the same observers as a live scan's.
 */
import type { Capture, HostLocale, ProbeRecord } from '../../core/capture';
import { WINDOWS_PROBE_ID } from '../../core/parse/windows/scan-document';
import { IOREG_ARGS, MACHINE_ID_PATHS } from '../host/machine-id-probe';
import { SYSTEM_PROGRAMS } from '../host/programs';

export interface FleetMachine {
  readonly hostname: string;
  /** The OS's own id: a GUID (Windows, macOS) or 32 hex digits (Linux). */
  readonly osMachineId: string;
  readonly capturedAt: string;
  /** Where the made-up machine is: its locale and time zone, from which its region is resolved. */
  readonly locale?: HostLocale;
}

/** A distinct, valid OS machine id for machine number `n` of a made-up fleet (GUID form). */
export function madeUpMachineGuid(n: number): string {
  const hex = (n + 1).toString(16).padStart(12, '0');
  return `4f1eed00-0000-4000-8000-${hex}`;
}

/** The Windows document with a machine-id section before its end line. */
function withMachineGuid(stdout: string, guid: string): string {
  const lines = stdout.split('\r\n');
  const end = lines.findIndex((line) => line.startsWith('{"end"'));
  const section = [
    JSON.stringify({ section: 'machine-id', begin: true }),
    JSON.stringify({ section: 'machine-id', ok: true, data: { MachineGuid: guid }, ms: 0 }),
  ];
  lines.splice(end < 0 ? lines.length : end, 0, ...section);
  return lines.join('\r\n');
}

function machineIdRecords(capture: Capture, machine: FleetMachine): ProbeRecord[] {
  const at = { startedAt: machine.capturedAt, durationMs: 0 };
  if (capture.platform === 'linux')
    return [
      {
        probe: 'host.machine-id',
        kind: 'file',
        path: MACHINE_ID_PATHS[0],
        encoding: 'utf8',
        content: `${machine.osMachineId.replace(/-/g, '').toLowerCase()}\n`,
        outcome: 'ok',
        ...at,
      },
    ];
  if (capture.platform === 'macos')
    return [
      {
        probe: 'host.machine-id',
        kind: 'command',
        command: { file: SYSTEM_PROGRAMS.macos.ioreg[0], args: [...IOREG_ARGS] },
        outcome: 'ok',
        exitCode: 0,
        stdout: `+-o Mac  <class IOPlatformExpertDevice, registered, matched, active, busy 0 (0 ms), retain 20>\n    {\n      "IOPlatformUUID" = "${machine.osMachineId.toUpperCase()}"\n    }\n`,
        stderr: '',
        ...at,
      },
    ];
  return [];
}

export function asFleetMachine(capture: Capture, machine: FleetMachine): Capture {
  const records = capture.records.map((record) =>
    record.kind === 'command' && record.probe === WINDOWS_PROBE_ID
      ? { ...record, stdout: withMachineGuid(record.stdout, machine.osMachineId) }
      : record,
  );
  return {
    ...capture,
    capturedAt: machine.capturedAt,
    origin: {
      kind: 'fixture',
      description: `A made-up machine of a test fleet: ${capture.origin.description ?? 'a capture'} Host name "${machine.hostname}", machine id and scan time set for the fleet, not read from any machine.`,
    },
    host: {
      ...capture.host,
      hostname: machine.hostname,
      ...(machine.locale ? { locale: machine.locale } : {}),
    },
    records: [...records, ...machineIdRecords(capture, machine)],
  };
}
