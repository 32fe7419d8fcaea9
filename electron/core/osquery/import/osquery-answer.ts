/**
 * What every import format comes down to: one answer of one osquery host to one query, at one
 * time, with its rows. The format readers (results-log.ts, osqueryi-output.ts, fleetctl-output.ts,
 * fleet-report.ts) make these; answer-store.ts keeps the newest per host and query; hosts.ts puts
 * the answers of one computer together; imported-capture.ts writes its capture.
 *
 * Rows are kept as received: osquery sends every value as text, "" where a column had no value
 * (osquery/sql/sqlite_util.cpp readRows: SQLITE_NULL becomes FLAGS_nullvalue, default ""). Only
 * with --logger_numerics (or --log_numerics_as_numbers) does the results log write INTEGER and
 * DOUBLE columns as JSON numbers (osquery/core/query.cpp adds "numerics": true to each line then);
 * those are written back as the same digits, so a row always holds text.
 */
import type { OsqueryVia } from '../../capture';
import { err, ok, type Result } from '../../util/result';
import { FORBIDDEN_KEYS } from '../../util/untrusted-json';
import { type HandoverQuery, handoverQueryNamed, QUERY_COLUMN } from '../handover-queries';

export type OsqueryRow = Readonly<Record<string, string>>;

/** The names an answer came under. A computer may send under more than one (hosts.ts). */
export interface HostNames {
  /** Hardware UUID: Fleet's host_uuid decoration, or the uuid column of handover-system-info. */
  readonly uuid?: string;
  /** Fleet's host id (its REST API's host_id). */
  readonly fleetHostId?: string;
  /** osquery's hostIdentifier, Fleet's host_name / host_display_name, fleetctl's host, --host. */
  readonly identifier?: string;
  /** The hostname decoration (Fleet's default agent options add one). */
  readonly hostname?: string;
}

export interface OsqueryAnswer {
  readonly host: HostNames;
  readonly query: HandoverQuery;
  /** The name osquery or Fleet reported it under, when it named one ('pack/Global/handover-…'). */
  readonly reportedAs?: string;
  /** ISO 8601: when osquery ran the query (unixTime, last_fetched, or the file's time). */
  readonly at: string;
  readonly rows: readonly OsqueryRow[];
  /** A live query that failed on this host (fleetctl's "error"): no rows to read. */
  readonly error?: string;
}

/**
 * What a format reader gives: the answers, and what it skipped, in plain words; or, when the file
 * holds nothing Handover can judge, why (`refused`), and then no answers.
 */
export interface ReadAnswers {
  readonly answers: readonly OsqueryAnswer[];
  readonly notes: readonly string[];
  readonly refused?: string;
}

export const VIA_WORDS: Readonly<Record<OsqueryVia, string>> = {
  'osquery-log': "osquery's results log",
  osqueryi: 'osqueryi --json output',
  fleetctl: 'fleetctl query output',
  'fleet-report': 'a Fleet query report',
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A row as osquery sent it, every value text. Numbers (--logger_numerics) become their digits;
 * anything else (an object, a null) is not an osquery row.
 */
export function rowOf(value: unknown): Result<OsqueryRow> {
  if (!isPlainObject(value)) return err('a row is not an object of columns');
  const row: Record<string, string> = {};
  for (const [column, cell] of Object.entries(value)) {
    // No osquery table has such a column; a row that names one was made to reach a prototype.
    if (FORBIDDEN_KEYS.has(column)) return err(`a row has a column named ${column}`);
    if (typeof cell === 'string') row[column] = cell;
    else if (typeof cell === 'number' && Number.isFinite(cell)) row[column] = String(cell);
    else return err(`column ${column} holds ${cell === null ? 'null' : typeof cell}, not text`);
  }
  return ok(row);
}

export function rowsOf(value: unknown): Result<OsqueryRow[]> {
  if (!Array.isArray(value)) return err('the rows are not a list');
  const rows: OsqueryRow[] = [];
  for (const item of value) {
    const row = rowOf(item);
    if (!row.ok) return row;
    rows.push(row.value);
  }
  return ok(rows);
}

/**
 * The Handover queries rows answer, split by the handover_query column every Handover query
 * answers first (handover-queries.ts), or by the reported name when the rows carry none. Rows of
 * any other query are not Handover's: they are counted, not read.
 */
export function answersOf(
  queries: readonly HandoverQuery[],
  rows: readonly OsqueryRow[],
  reportedAs: string | undefined,
): { readonly parts: readonly { query: HandoverQuery; rows: OsqueryRow[] }[]; readonly foreign: number } {
  const named = reportedAs ? handoverQueryNamed(queries, reportedAs) : undefined;
  const parts = new Map<HandoverQuery, OsqueryRow[]>();
  let foreign = 0;
  for (const row of rows) {
    const column = row[QUERY_COLUMN];
    const query = column ? queries.find((q) => q.name === column) : named;
    if (!query) {
      foreign += 1;
      continue;
    }
    parts.set(query, [...(parts.get(query) ?? []), row]);
  }
  return { parts: [...parts].map(([query, partRows]) => ({ query, rows: partRows })), foreign };
}

/** Seconds since 1970 (a number, or digits as older osquery wrote them) → ISO 8601. */
export function isoFromUnixSeconds(value: unknown): string | null {
  const seconds =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 32_503_680_000) return null;
  return new Date(seconds * 1000).toISOString();
}

/** An ISO 8601 time as Fleet writes last_fetched ('2021-01-19T17:08:31Z'), checked. */
export function isoFromText(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
