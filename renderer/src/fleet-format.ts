/**
 * The Fleet screen's filters and words, pure so they are tested without a browser: which rows a
 * level, "stale only", "banned only" and a search keep. The search looks at what a person would
 * type: the machine's name or id, the file, the headline, a product, the support code.
 */
import type { FleetRow, VerdictLevel } from '../../electron/api/contract';

export interface FleetFilter {
  /** 'all', or one level. */
  readonly level: VerdictLevel | 'all';
  readonly staleOnly: boolean;
  readonly bannedOnly: boolean;
  readonly search: string;
}

export const NO_FILTER: FleetFilter = { level: 'all', staleOnly: false, bannedOnly: false, search: '' };

/** Everything a row can be found by, lower case, computed once per row. */
export function searchTextOf(row: FleetRow): string {
  return [
    row.machine ?? '',
    row.machineId ?? '',
    row.file,
    row.headline,
    row.supportCode,
    ...row.banned.map((b) => b.product),
    ...row.protectors,
    ...row.reasons,
  ]
    .join('\n')
    .toLowerCase();
}

export function filterRows(
  rows: readonly FleetRow[],
  filter: FleetFilter,
  textOf: (row: FleetRow) => string = searchTextOf,
): FleetRow[] {
  const words = filter.search.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter(
    (row) =>
      (filter.level === 'all' || row.level === filter.level) &&
      (!filter.staleOnly || row.stale) &&
      (!filter.bannedOnly || row.banned.length > 0) &&
      words.every((word) => textOf(row).includes(word)),
  );
}

/** "today", "yesterday", "12 days ago": from the summary's count, never this machine's clock. */
export function scannedWords(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** "Kaspersky Endpoint Security for Windows (791 days without updates)". */
export function bannedCell(row: Pick<FleetRow, 'banned'>): string {
  return row.banned
    .map((b) =>
      b.daysSinceCutoff === null
        ? b.product
        : b.daysSinceCutoff >= 0
          ? `${b.product} (${b.daysSinceCutoff} days without updates)`
          : `${b.product} (updates stop in ${-b.daysSinceCutoff} days)`,
    )
    .join('; ');
}

// The characters core/util/visible-text.ts shows as code points (the renderer cannot import the
// core): a file name written by some machine may carry bidi overrides that make "exe.txt" read
// "txt.exe", or controls a screen would hide.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** A name from a file as the screen shows it: hidden and reordering characters as [U+XXXX]. */
export function shownName(text: string): string {
  return text.replace(
    HIDDEN,
    (c) => `[U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`,
  );
}
