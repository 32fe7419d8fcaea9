/**
 * The process list as the processes probes store it: systeminformation's processes().list cut down
 * to name, path and pid (no command lines or users). Used by the Linux and macOS observers; the
 * full systeminformation shape ({ list: [...] }) is accepted too, for captures made by hand.
 */
import { err, ok, type Result } from '../../util/result';

export interface ProcessEntry {
  readonly name: string;
  readonly path?: string;
  readonly pid?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseProcessList(data: unknown): Result<readonly ProcessEntry[]> {
  const list = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.list) ? data.list : null;
  if (!list) return err('the process list is not a list');
  const processes: ProcessEntry[] = [];
  for (const item of list) {
    if (!isRecord(item) || typeof item.name !== 'string' || item.name === '') continue;
    processes.push({
      name: item.name,
      ...(typeof item.path === 'string' && item.path !== '' ? { path: item.path } : {}),
      ...(typeof item.pid === 'number' && Number.isInteger(item.pid) ? { pid: item.pid } : {}),
    });
  }
  if (processes.length === 0 && list.length > 0) return err('no entry of the process list has a name');
  return ok(processes);
}
