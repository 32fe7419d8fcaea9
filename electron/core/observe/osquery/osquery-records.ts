/**
 * Reading an imported capture's osquery records (core/osquery/import): each Handover query's
 * answer is one record, its rows as osquery sent them. Every Handover query answers one row even
 * when it found nothing (handover-queries.ts: its rows LEFT JOINed to one "asked" row), so a
 * record tells "asked, nothing found" (only the asked row, handover_row '') from "not asked"
 * (no record: the source says it was not recorded in this import, never that the thing is absent).
 */
import type { Capture, OsqueryRecord } from '../../capture';
import type { Evidence, SourceReport } from '../../observations';
import { ROW_COLUMN } from '../../osquery/handover-queries';
import type { OsqueryRow } from '../../osquery/import/osquery-answer';
import { type SourceId, sourceLabel } from '../../sources';
import { evidence, type Sink } from '../unix/record-status';

export type { Sink } from '../unix/record-status';

export interface QueryRows {
  readonly record: OsqueryRecord;
  /** The rows osquery found (handover_row '1'), without the one row every query answers. */
  readonly rows: readonly OsqueryRow[];
}

export function osqueryRecord(capture: Capture, query: string): OsqueryRecord | undefined {
  return capture.records.find((r): r is OsqueryRecord => r.kind === 'osquery' && r.query === query);
}

function report(
  id: SourceId,
  status: SourceReport['status'],
  records: number,
  reason?: string,
): SourceReport {
  return { id, label: sourceLabel(id), status, ...(reason ? { reason } : {}), records };
}

/**
 * The found rows of a query, with its source reported: read (with how many rows), unreadable
 * when osquery or Fleet reported an error, not recorded when the import holds no answer.
 */
export function readQuery(capture: Capture, query: string, source: SourceId, sink: Sink): QueryRows | null {
  const record = osqueryRecord(capture, query);
  if (!record) {
    sink.sources.push({
      ...report(source, 'not-present', 0, `osquery sent no answer to ${query}, so it is not in this import`),
      recorded: false,
    });
    return null;
  }
  if (record.outcome !== 'ok') {
    const why = record.error ?? 'it failed';
    sink.sources.push(
      report(
        source,
        'unreadable',
        0,
        `could not read ${sourceLabel(source)} because osquery reported: ${why}`,
      ),
    );
    return null;
  }
  const rows = record.rows.filter((row) => row[ROW_COLUMN] === '1');
  sink.sources.push(report(source, 'read', rows.length));
  return { record, rows };
}

/** The row as osquery sent it, without Handover's two bookkeeping columns, for evidence. */
export function rowEvidence(source: SourceId, row: OsqueryRow, decoded?: Record<string, string>): Evidence {
  const { handover_query: _query, handover_row: _row, ...columns } = row;
  return evidence(source, JSON.stringify(columns), decoded);
}

/** Replaces the source's report (read, with a reason; or unreadable) once its rows are understood. */
export function amendReport(sink: Sink, source: SourceId, change: Partial<SourceReport>): void {
  const index = sink.sources.findIndex((s) => s.id === source);
  const current = sink.sources[index];
  if (current) sink.sources[index] = { ...current, ...change };
}

/** A column's text, trimmed; undefined when osquery had no value (""). */
export function cell(row: OsqueryRow, column: string): string | undefined {
  const value = row[column]?.trim();
  return value ? value : undefined;
}

/** An INTEGER column's value as a number; undefined when empty or not digits. */
export function integerCell(row: OsqueryRow, column: string): number | undefined {
  const value = cell(row, column);
  return value !== undefined && /^-?\d+$/.test(value) ? Number(value) : undefined;
}
