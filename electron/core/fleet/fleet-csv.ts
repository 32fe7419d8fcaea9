/**
 * The fleet summary as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, a
 * quote or a line break quoted, quotes doubled), one row per machine, for a spreadsheet. Every
 * value comes from a file some machine wrote, so a cell that starts like a formula (=, +, -, @,
 * a tab or a carriage return) is written behind a single quote, as OWASP's "CSV Injection" page
 * advises: the spreadsheet then shows it as text instead of evaluating it.
 */
import { startsLikeFormula } from '../util/untrusted-json';
import type { FleetRow } from './fleet-summary';
import { bannedListWords } from './fleet-words';

const COLUMNS: readonly (readonly [string, (row: FleetRow) => string])[] = [
  ['machine', (r) => r.machine ?? ''],
  ['machine id', (r) => r.machineId ?? ''],
  ['platform', (r) => r.platform],
  ['scanned at', (r) => r.scannedAt],
  ['days since scanned', (r) => String(r.staleDays)],
  ['stale', (r) => (r.stale ? 'yes' : 'no')],
  ['level', (r) => r.level],
  ['headline', (r) => r.headline],
  ['banned products', bannedListWords],
  ['protected by', (r) => r.protectors.join('; ')],
  ['reasons', (r) => r.reasons.join(' ')],
  ['support code', (r) => r.supportCode],
  ['file', (r) => r.file],
];

/** One cell: neutralised when it starts like a formula, quoted when it must be. */
export function csvCell(value: string): string {
  const text = startsLikeFormula(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * The rows as CSV. `bom`: start with U+FEFF, which Excel needs to read the file as UTF-8 (it
 * reads a CSV without one in the machine's ANSI code page); left out on standard output.
 */
export function fleetCsv(rows: readonly FleetRow[], options: { readonly bom?: boolean } = {}): string {
  const header = csvLine(COLUMNS.map(([name]) => name));
  const body = rows.map((row) => csvLine(COLUMNS.map(([, cell]) => cell(row)))).join('');
  return `${options.bom ? '\uFEFF' : ''}${header}${body}`;
}
