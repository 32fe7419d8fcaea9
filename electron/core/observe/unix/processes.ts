/** Running processes (linux.processes / macos.processes) as ProcessObservations. */
import type { Capture, SystemInformationRecord } from '../../capture';
import { type ProcessEntry, parseProcessList } from '../../parse/linux/process-list';
import { couldNotRead, evidence, failureOf, recordsOf, type Sink, sourceReport } from './record-status';

export const PROCESSES_LABEL = 'Running processes';

/** Emits one observation per process; returns the list (null when it could not be read). */
export function observeProcesses(
  capture: Capture,
  probe: 'linux.processes' | 'macos.processes',
  sink: Sink,
): readonly ProcessEntry[] | null {
  const records = recordsOf(capture, probe);
  const record = records.find((r): r is SystemInformationRecord => r.kind === 'systeminformation');
  if (!record) return null;
  const parsed =
    record.outcome === 'ok'
      ? parseProcessList(record.data)
      : { ok: false as const, error: failureOf(record) };
  if (!parsed.ok) {
    sink.sources.push(
      sourceReport(
        probe,
        PROCESSES_LABEL,
        records,
        'unreadable',
        couldNotRead('the running processes', parsed.error),
      ),
    );
    return null;
  }
  for (const process of parsed.value) {
    const shown = [process.name, process.path, process.pid !== undefined ? `pid ${process.pid}` : '']
      .filter(Boolean)
      .join(' ');
    sink.observations.push({
      kind: 'process',
      name: process.name,
      ...(process.path ? { path: process.path } : {}),
      ...(process.pid !== undefined ? { pid: process.pid } : {}),
      evidence: evidence(probe, shown),
    });
  }
  sink.sources.push(sourceReport(probe, PROCESSES_LABEL, records, 'read'));
  return parsed.value;
}
