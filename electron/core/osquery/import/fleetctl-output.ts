/**
 * `fleetctl query --query … --hosts …` output, its JSON form (the default; --pretty prints a
 * table instead): one object per host per line, `{"host":"<hostname>","rows":[{…}],"error":"…"}`,
 * written by json.NewEncoder (fleetdm/fleet cmd/fleetctl/fleetctl/query_output.go, resultOutput:
 * HostIdentifier `json:"host"` is the host's hostname, Rows []map[string]string, Error
 * *string omitempty). Fleet adds host_hostname and host_display_name columns to live-query rows
 * (the pretty writer deletes them there); they are kept as received. A live query carries no
 * time: the file's time stands for it. One file may hold several queries' runs, one after another.
 */
import type { HandoverQuery } from '../handover-queries';
import { answersOf, type OsqueryAnswer, type ReadAnswers, rowsOf } from './osquery-answer';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function readFleetctlOutput(
  queries: readonly HandoverQuery[],
  file: string,
  content: string,
  at: string,
): ReadAnswers {
  const answers: OsqueryAnswer[] = [];
  const notes: string[] = [];
  const failures: string[] = [];
  let skipped = 0;
  let foreign = 0;
  for (const raw of content.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    let line: unknown;
    try {
      line = JSON.parse(raw);
    } catch {
      skipped += 1;
      continue;
    }
    if (!isObject(line) || typeof line.host !== 'string' || line.host.trim() === '') {
      skipped += 1;
      continue;
    }
    const host = { identifier: line.host.trim() };
    const rows = rowsOf(line.rows ?? []);
    if (!rows.ok) {
      skipped += 1;
      continue;
    }
    if (typeof line.error === 'string' && line.error !== '') {
      // The error names no query; the rows, if any, do. Without rows it cannot be placed.
      const split = answersOf(queries, rows.value, undefined);
      if (split.parts.length === 0) failures.push(`${host.identifier}: ${line.error}`);
      for (const part of split.parts)
        answers.push({ host, query: part.query, at, rows: part.rows, error: line.error });
      continue;
    }
    const split = answersOf(queries, rows.value, undefined);
    foreign += split.foreign;
    for (const part of split.parts) answers.push({ host, query: part.query, at, rows: part.rows });
  }
  if (skipped > 0) notes.push(`${file}: ${skipped} lines are not fleetctl query results, skipped`);
  if (foreign > 0) notes.push(`${file}: ${foreign} rows of queries that are not Handover's, left out`);
  if (failures.length > 0)
    notes.push(
      `${file}: the query failed on ${failures.length} hosts, which sent no rows to tell which query it was: ${failures.slice(0, 5).join('; ')}${failures.length > 5 ? '; …' : ''}`,
    );
  if (answers.length === 0)
    return {
      answers,
      notes,
      refused: `${file} holds no answer of a Handover query (fleetctl query --query-name handover-… --json, one line per host)`,
    };
  return { answers, notes };
}
