/**
 * How a source went, from its capture records: read, unreadable ("could not read X because Y") or
 * not present on this machine. Shared by the Linux and macOS observers.
 */
import type { Capture, CommandRecord, DirectoryRecord, FileRecord, ProbeRecord } from '../../capture';
import type { Evidence, Observation, SourceReport } from '../../observations';
import { type ProbeId, type SourceId, sourceLabel } from '../../sources';
import type { Result } from '../../util/result';

export type SourceStatus = SourceReport['status'];

export function recordsOf(capture: Capture, probe: ProbeId): readonly ProbeRecord[] {
  return capture.records.filter((record) => record.probe === probe);
}

export function commandRecords(records: readonly ProbeRecord[]): CommandRecord[] {
  return records.filter((r): r is CommandRecord => r.kind === 'command');
}

export function directoryRecords(records: readonly ProbeRecord[]): DirectoryRecord[] {
  return records.filter((r): r is DirectoryRecord => r.kind === 'directory');
}

export function fileRecords(records: readonly ProbeRecord[]): FileRecord[] {
  return records.filter((r): r is FileRecord => r.kind === 'file');
}

/** Why a record is not 'ok', in the probe's own words when it gave some. */
export function failureOf(record: ProbeRecord): string {
  if (record.error) return record.error;
  switch (record.outcome) {
    case 'missing':
      return 'it is not on this machine';
    case 'timeout':
      return 'it did not finish in time';
    default:
      return 'it failed';
  }
}

export function couldNotRead(what: string, because: string): string {
  return `could not read ${what} because ${because}`;
}

export function sourceReport(
  id: SourceId,
  records: readonly ProbeRecord[],
  status: SourceStatus,
  reason?: string,
): SourceReport {
  const durationMs = records.reduce((sum, record) => sum + record.durationMs, 0);
  return {
    id,
    label: sourceLabel(id),
    status,
    ...(reason ? { reason } : {}),
    records: records.length,
    ...(records.length > 0 ? { durationMs } : {}),
  };
}

/** A command as a short evidence string: `dpkg-query -W …`. */
export function commandLine(record: CommandRecord): string {
  return [record.command.file, ...record.command.args].join(' ');
}

export function evidence(source: SourceId, record: string, decoded?: Record<string, string>): Evidence {
  const short = record.length > 400 ? `${record.slice(0, 397)}...` : record;
  return decoded && Object.keys(decoded).length > 0
    ? { source, record: short, decoded }
    : { source, record: short };
}

/** Where a platform observer puts what it finds. */
export interface Sink {
  readonly observations: Observation[];
  readonly sources: SourceReport[];
}

export type CommandRead =
  | { readonly ok: true; readonly record: CommandRecord }
  | { readonly ok: false; readonly status: 'unreadable' | 'not-present'; readonly reason: string };

/**
 * The command record a source is read from: the first attempt that found its program (kesl-control
 * is tried at its install path, then on PATH). All attempts missing → not present; failed or timed
 * out → unreadable with the runner's reason.
 */
export function readCommand(records: readonly ProbeRecord[], what: string): CommandRead | null {
  const commands = commandRecords(records);
  if (commands.length === 0) return null;
  const found = commands.find((record) => record.outcome !== 'missing');
  if (!found)
    return { ok: false, status: 'not-present', reason: failureOf(commands.at(-1) as CommandRecord) };
  if (found.outcome === 'ok') return { ok: true, record: found };
  return { ok: false, status: 'unreadable', reason: couldNotRead(what, failureOf(found)) };
}

export interface ParsedCommand<T> {
  readonly value: T;
  readonly record: CommandRecord;
}

/**
 * The common shape of a command source: find its command record, report it unreadable or absent
 * with the reason, parse its output (a parse error is "could not read <what> because ..."),
 * and report it read. Returns the parsed value for the caller's observations, or null.
 */
export function readParsedCommand<T>(
  capture: Capture,
  sink: Sink,
  source: { readonly id: ProbeId; readonly what: string },
  parse: (stdout: string) => Result<T>,
): ParsedCommand<T> | null {
  const records = recordsOf(capture, source.id);
  const read = readCommand(records, source.what);
  if (!read) return null;
  if (!read.ok) {
    sink.sources.push(sourceReport(source.id, records, read.status, read.reason));
    return null;
  }
  const parsed = parse(read.record.stdout);
  if (!parsed.ok) {
    const reason = couldNotRead(source.what, parsed.error);
    sink.sources.push(sourceReport(source.id, records, 'unreadable', reason));
    return null;
  }
  sink.sources.push(sourceReport(source.id, records, 'read'));
  return { value: parsed.value, record: read.record };
}
