/**
 * 'host.machine-id': the id the operating system keeps for this machine, recorded raw (the
 * observer derives the id Handover shows: core/machine/machine-id.ts).
 * - Linux: /etc/machine-id, else /var/lib/dbus/machine-id, which D-Bus keeps on systems without
 *   systemd and which systemd links to /etc/machine-id (machine-id(5)).
 * - macOS: `ioreg -rd1 -c IOPlatformExpertDevice`, whose IOPlatformUUID is the hardware UUID.
 */
import type { ProbeRecord } from '../../core/capture';
import type { Probe } from '../probe-context';
import { runProgram, SYSTEM_PROGRAMS } from './programs';
import { readFile } from './read-steps';

export const MACHINE_ID_PATHS = ['/etc/machine-id', '/var/lib/dbus/machine-id'] as const;
export const IOREG_ARGS = ['-rd1', '-c', 'IOPlatformExpertDevice'] as const;
export const IOREG_TIMEOUT_MS = 10_000;
/** A machine-id file is 33 bytes; anything much larger is not one. */
const MACHINE_ID_MAX_BYTES = 4096;

export function machineIdProbe(platform: 'linux' | 'macos'): Probe {
  return {
    id: 'host.machine-id',
    async run(context) {
      if (platform === 'macos')
        return runProgram(
          context,
          'host.machine-id',
          SYSTEM_PROGRAMS.macos.ioreg,
          IOREG_ARGS,
          IOREG_TIMEOUT_MS,
        );
      const records: ProbeRecord[] = [];
      for (const path of MACHINE_ID_PATHS) {
        const record = await readFile(context, 'host.machine-id', path, { maxBytes: MACHINE_ID_MAX_BYTES });
        records.push(record);
        if (record.outcome !== 'missing') break;
      }
      return records;
    },
  };
}
