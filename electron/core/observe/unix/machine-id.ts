/**
 * The machine's id on Linux and macOS, from the host.machine-id records (probes/host/
 * machine-id-probe.ts): the first that worked is read, reported as a source, and turned into the
 * id Handover shows (core/machine/machine-id.ts). A capture without the records (older captures,
 * captures made from published records) has no id and no report: its absence says nothing.
 */
import type { Capture, CommandRecord, FileRecord } from '../../capture';
import { machineIdOf } from '../../machine/machine-id';
import { parseIoregPlatformUuid } from '../../parse/macos/ioreg-platform-uuid';
import { couldNotRead, failureOf, recordsOf, type Sink, sourceReport } from './record-status';

export function observeMachineId(capture: Capture, sink: Sink): string | null {
  const records = recordsOf(capture, 'host.machine-id').filter(
    (r): r is FileRecord | CommandRecord => r.kind === 'file' || r.kind === 'command',
  );
  if (records.length === 0) return null;
  const unreadable = (reason: string) => {
    sink.sources.push(
      sourceReport('host.machine-id', records, 'unreadable', couldNotRead("this machine's id", reason)),
    );
    return null;
  };
  const record = records.find((r) => r.outcome === 'ok');
  if (!record) {
    const failed = records.find((r) => r.outcome !== 'missing') ?? records[0];
    return unreadable(failed ? failureOf(failed) : 'no record was made');
  }
  const raw =
    record.kind === 'file'
      ? { ok: true as const, value: record.content }
      : parseIoregPlatformUuid(record.stdout);
  if (!raw.ok) return unreadable(raw.error);
  const where = record.kind === 'file' ? record.path : 'IOPlatformUUID';
  const id = machineIdOf(raw.value);
  if (!id.ok) return unreadable(`${where}: ${id.error}`);
  sink.sources.push(sourceReport('host.machine-id', records, 'read'));
  return id.value;
}
