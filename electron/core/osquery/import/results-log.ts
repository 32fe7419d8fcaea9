/**
 * osquery's filesystem results log, one JSON object a line (osqueryd.results.log and
 * osqueryd.snapshots.log; docs/wiki/deployment/logging.md), in the shapes osquery/core/query.cpp
 * writes (osquery at a5b14f63):
 *
 * - Snapshot, batch (the default for snapshot queries, --logger_snapshot_event_type=false):
 *   `{"snapshot":[{…},…],"action":"snapshot","name":…,"hostIdentifier":…,"calendarTime":…,
 *   "unixTime":…,"epoch":…,"counter":…,"numerics":false,"decorations":{…}}`
 *   (serializeQueryLogItem).
 * - Snapshot, event (--logger_snapshot_event_type): one line per row,
 *   `{"name":…,"hostIdentifier":…,…,"columns":{…},"action":"snapshot"}` (serializeEvent).
 * - Differential, event (the default for other queries): `"action":"added"` or `"removed"` with
 *   `columns`; differential, batch (--logger_event_type=false): `"diffResults":{"added":[…],
 *   "removed":[…]}`. These say what changed since the last run, not what the computer holds, so
 *   they are not read: a file with nothing else is refused, saying how to get snapshots.
 *
 * Decorations sit under "decorations", or at the top level with --decorations_top_level; Fleet's
 * default agent options decorate every line with host_uuid and hostname (fleet.md §3). unixTime
 * is a number in current osquery and was digits in older ones (the docs' examples). A scheduled
 * pack query is reported as "pack" + delimiter + pack + delimiter + query (config.cpp): the name
 * is matched to a Handover query by its end, and the handover_query column settles it.
 */
import type { HandoverQuery } from '../handover-queries';
import { AnswerStore } from './answer-store';
import {
  answersOf,
  type HostNames,
  isoFromText,
  isoFromUnixSeconds,
  type OsqueryRow,
  type ReadAnswers,
  rowOf,
  rowsOf,
} from './osquery-answer';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** The host a line names: its decorations (nested or top level), then hostIdentifier. */
export function hostOfLine(line: Record<string, unknown>): HostNames {
  const decorations = isObject(line.decorations) ? line.decorations : line;
  const uuid = text(decorations.host_uuid);
  const hostname = text(decorations.hostname);
  // The docs' old event example names the host "hostname" and has no hostIdentifier.
  const identifier = text(line.hostIdentifier) ?? (isObject(line.decorations) ? undefined : hostname);
  return {
    ...(uuid ? { uuid } : {}),
    ...(identifier ? { identifier } : {}),
    ...(hostname ? { hostname } : {}),
  };
}

interface Counts {
  notJson: number;
  notResults: number;
  differential: number;
  differentialQueries: Set<string>;
  badRows: number;
  foreignRows: number;
  noTime: number;
}

export interface ResultsLogReader {
  /** One line of the file (without its line break). */
  line(text: string): void;
  finish(): ReadAnswers;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A reader fed line by line, so a log of any length costs one answer per host and query. */
export function createResultsLogReader(queries: readonly HandoverQuery[], file: string): ResultsLogReader {
  const store = new AnswerStore();
  const counts: Counts = {
    notJson: 0,
    notResults: 0,
    differential: 0,
    differentialQueries: new Set(),
    badRows: 0,
    foreignRows: 0,
    noTime: 0,
  };

  function snapshot(line: Record<string, unknown>, rows: OsqueryRow[], run: string): void {
    const reportedAs = text(line.name);
    const at = isoFromUnixSeconds(line.unixTime) ?? isoFromText(line.calendarTime);
    if (!at) {
      counts.noTime += 1;
      return;
    }
    const host = hostOfLine(line);
    const { parts, foreign } = answersOf(queries, rows, reportedAs);
    counts.foreignRows += foreign;
    for (const part of parts)
      store.add({ host, query: part.query, ...(reportedAs ? { reportedAs } : {}), at, rows: part.rows }, run);
  }

  return {
    line(raw: string): void {
      const trimmed = raw.trim();
      if (trimmed === '') return;
      let line: unknown;
      try {
        line = JSON.parse(trimmed);
      } catch {
        counts.notJson += 1;
        return;
      }
      if (!isObject(line) || typeof line.name !== 'string') {
        counts.notResults += 1;
        return;
      }
      if (line.diffResults !== undefined || line.action === 'added' || line.action === 'removed') {
        counts.differential += 1;
        counts.differentialQueries.add(line.name);
        return;
      }
      if (Array.isArray(line.snapshot)) {
        const rows = rowsOf(line.snapshot);
        if (!rows.ok) {
          counts.badRows += 1;
          return;
        }
        snapshot(line, rows.value, `batch ${JSON.stringify([line.name, line.unixTime, line.counter])}`);
        return;
      }
      if (line.action === 'snapshot' && line.columns !== undefined) {
        const row = rowOf(line.columns);
        if (!row.ok) {
          counts.badRows += 1;
          return;
        }
        // Every row of one run shares the host, the name, the time, the epoch and the counter.
        const run = `event ${JSON.stringify([hostOfLine(line), line.name, line.unixTime, line.epoch, line.counter])}`;
        snapshot(line, [row.value], run);
        return;
      }
      counts.notResults += 1;
    },

    finish(): ReadAnswers {
      const answers = store.answers();
      const notes: string[] = [];
      if (counts.notJson > 0) notes.push(`${file}: ${plural(counts.notJson, 'line')} not JSON, skipped`);
      if (counts.notResults > 0)
        notes.push(
          `${file}: ${plural(counts.notResults, 'line')} not a query result (a status log line?), skipped`,
        );
      if (counts.badRows > 0)
        notes.push(`${file}: ${plural(counts.badRows, 'line')} whose rows are not text columns, skipped`);
      if (counts.noTime > 0)
        notes.push(`${file}: ${plural(counts.noTime, 'line')} without a unixTime or calendarTime, skipped`);
      if (counts.foreignRows > 0)
        notes.push(
          `${file}: ${plural(counts.foreignRows, 'row')} of queries that are not Handover's, left out`,
        );
      const differential = [...counts.differentialQueries].sort().join(', ');
      if (answers.length === 0 && counts.differential > 0) {
        return {
          answers: [],
          notes,
          refused: `${file} holds only differential results (${plural(counts.differential, 'line')} of "added" and "removed" rows, for ${differential}): they say what changed between two runs, not what is on the computer now, so no computer can be judged from them. Schedule Handover's queries as snapshots ("snapshot": true in the pack from handover osquery pack, logging: snapshot in Fleet) and import osqueryd.snapshots.log`,
        };
      }
      if (counts.differential > 0)
        notes.push(
          `${file}: ${plural(counts.differential, 'differential line')} ("added"/"removed", for ${differential}) left out: only whole snapshots say what a computer holds`,
        );
      if (answers.length === 0)
        return {
          answers,
          notes,
          refused: `${file} holds no result of a Handover query (its queries are named handover-…; add the pack from handover osquery pack or the reports from handover fleet gitops)`,
        };
      return { answers, notes };
    },
  };
}

/** The whole text of a results log (tests, small files); the command line feeds lines as it reads. */
export function readResultsLog(
  queries: readonly HandoverQuery[],
  file: string,
  content: string,
): ReadAnswers {
  const reader = createResultsLogReader(queries, file);
  for (const line of content.split(/\r?\n/)) reader.line(line);
  return reader.finish();
}
