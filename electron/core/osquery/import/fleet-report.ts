/**
 * A Fleet query report, in the three forms Fleet hands it out (fleetdm/fleet, cited per form):
 *
 * - `GET /api/v1/fleet/queries/:id/report` (docs/REST API/queries.md, "Get query report"):
 *   `{"query_id":31,"report_clipped":false,"results":[{"host_id":1,"host_name":"foo",
 *   "last_fetched":"2021-01-19T17:08:31Z","columns":{…}},…]}`.
 * - `GET /api/v1/fleet/hosts/:id/queries/:query_id` ("Get query report for one host"):
 *   `{"query_id":31,"host_id":1,"host_name":"foo","last_fetched":"…","report_clipped":false,
 *   "results":[{"columns":{…}},…]}`; `results: []` when nothing is stored yet.
 * - The UI's "Export results" (articles/queries.md: "select Export results to save it as a CSV"):
 *   frontend QueryReport.tsx flattens each result to `{host_display_name, last_fetched,
 *   ...columns}`; utilities/generate_csv puts host_display_name first; utilities/convert_to_csv
 *   quotes every cell, doubling quotes, joins rows with "\n", and writes a value of a 0 followed by
 *   digits as `"=""0123"""` so a spreadsheet keeps the zeros (convert_to_csv/index.ts @f8aead1).
 *   Older Fleet wrote each cell with JSON.stringify instead (index.ts @05618c6: `"C:\\Program
 *   Files"`); both are read.
 *
 * The report names no query, only its id: the handover_query column of each row says which
 * Handover query it is. "Fleet will store up to 1000 results for each scheduled query"
 * (articles/queries.md): a report marked report_clipped is incomplete, and is refused, because a
 * computer missing from it, or half in it, cannot be told from one that has nothing to report.
 */
import type { HandoverQuery } from '../handover-queries';
import {
  answersOf,
  type HostNames,
  isoFromText,
  type OsqueryAnswer,
  type OsqueryRow,
  type ReadAnswers,
  rowOf,
} from './osquery-answer';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface ReportRow {
  readonly host: HostNames;
  readonly at: string;
  readonly row: OsqueryRow;
}

function hostOf(hostId: unknown, hostName: unknown): HostNames {
  const id =
    typeof hostId === 'number' || (typeof hostId === 'string' && hostId !== '') ? String(hostId) : '';
  const name = typeof hostName === 'string' ? hostName.trim() : '';
  return { ...(id ? { fleetHostId: id } : {}), ...(name ? { identifier: name } : {}) };
}

/** The report's rows, from either REST shape; null with a reason when it is neither. */
function restRows(json: Record<string, unknown>): { rows: ReportRow[]; bad: number } | string {
  if (!Array.isArray(json.results)) return 'it has no "results" list';
  const perHost = json.host_id !== undefined || json.host_name !== undefined;
  const rows: ReportRow[] = [];
  let bad = 0;
  for (const result of json.results) {
    if (!isObject(result)) {
      bad += 1;
      continue;
    }
    const host = perHost ? hostOf(json.host_id, json.host_name) : hostOf(result.host_id, result.host_name);
    const at = isoFromText(perHost ? json.last_fetched : result.last_fetched);
    const row = rowOf(result.columns);
    if (!at || !row.ok || (!host.fleetHostId && !host.identifier)) {
      bad += 1;
      continue;
    }
    rows.push({ host, at, row: row.value });
  }
  return { rows, bad };
}

/** RFC 4180 fields of a CSV text (quotes doubled, quoted line breaks kept), row by row. */
export function csvRecords(content: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < content.length; i += 1) {
    const c = content[i] as string;
    if (quoted) {
      if (c === '"' && content[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && content[i + 1] === '\n') i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** The older export: each line is JSON strings joined by commas. Null when it is not. */
function jsonStringLines(content: string): string[][] | null {
  const records: string[][] = [];
  for (const line of content.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    try {
      const cells: unknown = JSON.parse(`[${line}]`);
      if (!Array.isArray(cells) || !cells.every((cell) => typeof cell === 'string')) return null;
      records.push(cells as string[]);
    } catch {
      return null;
    }
  }
  return records;
}

/** `="0123"`, the export's guard for leading zeros, back to 0123. */
const unguarded = (cell: string) => (/^="0\d+"$/.test(cell) ? cell.slice(2, -1) : cell);

function csvRows(content: string): { rows: ReportRow[]; bad: number } | string {
  const old = jsonStringLines(content);
  const records = (old ?? csvRecords(content)).map((r) => r.map(unguarded));
  const [header, ...data] = records;
  if (!header?.includes('host_display_name') || !header.includes('last_fetched'))
    return 'its first line is not the header of an exported query report (host_display_name, last_fetched, then the columns)';
  const rows: ReportRow[] = [];
  let bad = 0;
  for (const cells of data) {
    if (cells.length !== header.length) {
      bad += 1;
      continue;
    }
    const record = Object.fromEntries(header.map((name, i) => [name, cells[i] as string]));
    const { host_display_name: hostName, last_fetched: lastFetched, ...columns } = record;
    const at = isoFromText(lastFetched);
    const host = hostOf(undefined, hostName);
    if (!at || !host.identifier) {
      bad += 1;
      continue;
    }
    rows.push({ host, at, row: columns });
  }
  return { rows, bad };
}

export function readFleetReport(
  queries: readonly HandoverQuery[],
  file: string,
  content: string,
): ReadAnswers {
  const text = content.replace(/^\uFEFF/, '').trim();
  let read: { rows: ReportRow[]; bad: number } | string;
  let clipped = false;
  if (text.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return {
        answers: [],
        notes: [],
        refused: `${file} is damaged (not valid JSON: ${(error as Error).message})`,
      };
    }
    if (!isObject(json)) return { answers: [], notes: [], refused: `${file} is not a Fleet query report` };
    clipped = json.report_clipped === true;
    read = restRows(json);
  } else {
    read = csvRows(text);
  }
  if (typeof read === 'string')
    return { answers: [], notes: [], refused: `${file} is not a Fleet query report: ${read}` };
  if (clipped)
    return {
      answers: [],
      notes: [],
      refused: `${file} is a clipped report (report_clipped: true): Fleet stopped storing results at 1,000 rows, so some computers are missing or only partly there. Narrow the query to fewer computers (a team or a label) or read the results log instead`,
    };
  // One answer per host and query: the rows a host last sent, all stamped with its last_fetched.
  const groups = new Map<string, { host: HostNames; at: string; rows: OsqueryRow[] }>();
  for (const { host, at, row } of read.rows) {
    const key = JSON.stringify([host.fleetHostId ?? '', host.identifier ?? '', at]);
    const group = groups.get(key) ?? { host, at, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  const answers: OsqueryAnswer[] = [];
  let foreign = 0;
  for (const group of groups.values()) {
    const split = answersOf(queries, group.rows, undefined);
    foreign += split.foreign;
    for (const part of split.parts)
      answers.push({ host: group.host, query: part.query, at: group.at, rows: part.rows });
  }
  const notes: string[] = [];
  if (read.bad > 0)
    notes.push(`${file}: ${read.bad} results without a host, a time or text columns, skipped`);
  if (foreign > 0) notes.push(`${file}: ${foreign} rows of queries that are not Handover's, left out`);
  if (answers.length === 0)
    return {
      answers,
      notes,
      refused: `${file} holds no answer of a Handover query (export the reports named handover-… that handover fleet gitops adds)`,
    };
  return { answers, notes };
}
