/**
 * 'linux.processes' / 'macos.processes': the running processes from `ps`, as pid, name and
 * executable path only. Command-line arguments and user names are never asked for: they can hold
 * secrets and personal data, and detection needs neither.
 * - Linux (procps-ng): `ps -eo pid=,comm=,exe=`: comm is the 15-character task name, exe the
 *   executable's path or '-' when it cannot be read.
 * - macOS: `ps -axo pid=,comm=`: there comm is the executable's path.
 */
import type { Probe } from '../probe-context';
import { runProgram, SYSTEM_PROGRAMS } from './programs';

export const PS_ARGS = {
  linux: ['-eo', 'pid=,comm=,exe='],
  macos: ['-axo', 'pid=,comm='],
} as const;
export const PS_TIMEOUT_MS = 10_000;

export function processesProbe(platform: 'linux' | 'macos'): Probe {
  const id = platform === 'linux' ? 'linux.processes' : 'macos.processes';
  return {
    id,
    async run(context) {
      return runProgram(context, id, SYSTEM_PROGRAMS[platform].ps, PS_ARGS[platform], PS_TIMEOUT_MS);
    },
  };
}
