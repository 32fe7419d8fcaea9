/**
 * 'linux.processes' / 'macos.processes': systeminformation processes(), stored as name, path and pid
 * only. Command-line arguments and user names are never kept: they can hold secrets and personal
 * data, and detection needs neither.
 */
import type { Probe } from '../probe-context';
import { systemInformationCall } from './read-steps';

export interface StoredProcess {
  readonly pid: number | null;
  readonly name: string;
  readonly path: string;
}

export function keepProcesses(data: unknown): StoredProcess[] {
  const list = (data as { list?: unknown } | null)?.list;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item): StoredProcess[] => {
    if (typeof item !== 'object' || item === null) return [];
    const { pid, name, path } = item as Record<string, unknown>;
    if (typeof name !== 'string' || name === '') return [];
    return [{ pid: typeof pid === 'number' ? pid : null, name, path: typeof path === 'string' ? path : '' }];
  });
}

export function processesProbe(id: 'linux.processes' | 'macos.processes'): Probe {
  return {
    id,
    label: 'Reading running processes',
    async run(context) {
      return [
        await systemInformationCall(
          context,
          id,
          'processes',
          () => context.systemInformation.processes(),
          keepProcesses,
          30_000,
        ),
      ];
    },
  };
}
