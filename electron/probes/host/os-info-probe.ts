/**
 * 'host.os': the operating system's own description of itself, read directly (no library that
 * runs shell strings or looks up the host's FQDN).
 * - Linux: the os-release file, /etc/os-release, else /usr/lib/os-release (os-release(5)).
 * - macOS: `sw_vers` (ProductName, ProductVersion, BuildVersion).
 */
import type { ProbeRecord } from '../../core/capture';
import type { Probe } from '../probe-context';
import { runProgram, SYSTEM_PROGRAMS } from './programs';
import { readFile } from './read-steps';

export const OS_RELEASE_PATHS = ['/etc/os-release', '/usr/lib/os-release'] as const;
export const SW_VERS_TIMEOUT_MS = 10_000;
/** An os-release file is a few hundred bytes; anything past this is not one. */
const OS_RELEASE_MAX_BYTES = 64 * 1024;

export function osInfoProbe(platform: 'linux' | 'macos'): Probe {
  return {
    id: 'host.os',
    async run(context) {
      if (platform === 'macos')
        return runProgram(context, 'host.os', SYSTEM_PROGRAMS.macos.swVers, [], SW_VERS_TIMEOUT_MS);
      const records: ProbeRecord[] = [];
      for (const path of OS_RELEASE_PATHS) {
        const record = await readFile(context, 'host.os', path, { maxBytes: OS_RELEASE_MAX_BYTES });
        records.push(record);
        if (record.outcome !== 'missing') break;
      }
      return records;
    },
  };
}
