/**
 * Results-log lines in the shapes osquery writes them, for tests: the fields and their order are
 * those of osquery/core/query.cpp at a5b14f63 (addLegacyFieldsAndDecorations: name,
 * hostIdentifier, calendarTime, unixTime, epoch, counter, numerics, decorations; the batch
 * snapshot adds "snapshot" and "action"; an event adds "columns" and "action"). Fleet's default
 * agent options decorate with host_uuid and hostname and name pack queries "pack/Global/<query>"
 * (research fleet.md §3). The rows are what the caller gives: made for the test, and said so there.
 */
export interface LineHost {
  readonly hostIdentifier: string;
  readonly decorations?: Readonly<Record<string, string>>;
}

const calendar = (unixTime: number) => new Date(unixTime * 1000).toUTCString().replace('GMT', 'UTC');

function legacy(name: string, host: LineHost, unixTime: number, counter: number) {
  return {
    name,
    hostIdentifier: host.hostIdentifier,
    calendarTime: calendar(unixTime),
    unixTime,
    epoch: 0,
    counter,
    numerics: false,
    ...(host.decorations ? { decorations: host.decorations } : {}),
  };
}

/** A snapshot in the batch form (the default for snapshot queries). */
export function batchSnapshotLine(
  name: string,
  host: LineHost,
  unixTime: number,
  rows: readonly Record<string, string | number>[],
  counter = 0,
): string {
  return JSON.stringify({ snapshot: rows, action: 'snapshot', ...legacy(name, host, unixTime, counter) });
}

/** A snapshot in the event form (--logger_snapshot_event_type): one line per row. */
export function eventSnapshotLines(
  name: string,
  host: LineHost,
  unixTime: number,
  rows: readonly Record<string, string>[],
  counter = 0,
): string[] {
  return rows.map((columns) =>
    JSON.stringify({ ...legacy(name, host, unixTime, counter), columns, action: 'snapshot' }),
  );
}

/** A differential result, event form (the default for differential queries). */
export function eventDiffLine(
  name: string,
  host: LineHost,
  unixTime: number,
  action: 'added' | 'removed',
  columns: Record<string, string>,
): string {
  return JSON.stringify({ ...legacy(name, host, unixTime, 1), columns, action });
}

/** A differential result, batch form (--logger_event_type=false). */
export function batchDiffLine(
  name: string,
  host: LineHost,
  unixTime: number,
  added: readonly Record<string, string>[],
  removed: readonly Record<string, string>[],
): string {
  return JSON.stringify({ diffResults: { removed, added }, ...legacy(name, host, unixTime, 1) });
}
