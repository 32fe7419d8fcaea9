/** Running processes (linux.processes / macos.processes, `ps` output) as ProcessObservations. */
import type { Capture } from '../../capture';
import { type ProcessEntry, parseProcessList } from '../../parse/linux/process-list';
import { couldNotRead, evidence, readCommand, recordsOf, type Sink, sourceReport } from './record-status';

/** Emits one observation per process; returns the list (null when it could not be read). */
export function observeProcesses(
  capture: Capture,
  probe: 'linux.processes' | 'macos.processes',
  sink: Sink,
): readonly ProcessEntry[] | null {
  const records = recordsOf(capture, probe);
  const read = readCommand(records, 'the running processes');
  if (!read) return null;
  if (!read.ok) {
    sink.sources.push(sourceReport(probe, records, read.status, read.reason));
    return null;
  }
  const parsed = parseProcessList(read.record.stdout, probe === 'linux.processes' ? 'linux' : 'macos');
  if (!parsed.ok) {
    sink.sources.push(
      sourceReport(probe, records, 'unreadable', couldNotRead('the running processes', parsed.error)),
    );
    return null;
  }
  for (const process of parsed.value) {
    sink.observations.push({
      kind: 'process',
      name: process.name,
      ...(process.path ? { path: process.path } : {}),
      ...(process.pid !== undefined ? { pid: process.pid } : {}),
      evidence: evidence(probe, process.line),
    });
  }
  sink.sources.push(sourceReport(probe, records, 'read'));
  return parsed.value;
}
