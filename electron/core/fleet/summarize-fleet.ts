/**
 * The rows and refusals of one folder → the fleet summary: one row per machine (a machine id
 * seen in several files keeps its newest, and every file is listed under duplicates), totals by
 * level, the machines with a banned product and those silent too long.
 */
import type { VerdictLevel } from '../scan-result';
import {
  FLEET_SUMMARY_FORMAT,
  FLEET_SUMMARY_VERSION,
  type FleetDuplicate,
  type FleetRow,
  type FleetSkippedFile,
  type FleetSummary,
  VERDICT_LEVELS,
} from './fleet-summary';

/** Worst first: what needs someone soonest. */
const LEVEL_ORDER: Readonly<Record<VerdictLevel, number>> = {
  unprotected: 0,
  'cannot-tell': 1,
  'at-risk': 2,
  protected: 3,
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Newest scan first; equal times by file name, so the choice never depends on reading order. */
const newestFirst = (a: FleetRow, b: FleetRow) =>
  Date.parse(b.scannedAt) - Date.parse(a.scannedAt) || byText(a.file, b.file);

export function compareRows(a: FleetRow, b: FleetRow): number {
  return (
    LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
    Number(b.stale) - Number(a.stale) ||
    byText((a.machine ?? '').toLowerCase(), (b.machine ?? '').toLowerCase()) ||
    byText(a.file, b.file)
  );
}

export interface FleetSummaryFacts {
  readonly judgedAt: Date;
  readonly version: string;
  readonly catalogVersion: string;
  readonly folder: string;
  readonly staleDays: number;
  readonly region: string | null;
}

export function summarizeFleet(
  judged: readonly FleetRow[],
  skipped: readonly FleetSkippedFile[],
  facts: FleetSummaryFacts,
): FleetSummary {
  const byId = new Map<string, FleetRow[]>();
  const rows: FleetRow[] = [];
  for (const row of judged) {
    if (row.machineId === null) rows.push(row);
    else byId.set(row.machineId, [...(byId.get(row.machineId) ?? []), row]);
  }
  const duplicates: FleetDuplicate[] = [];
  for (const [machineId, group] of byId) {
    const ordered = [...group].sort(newestFirst);
    rows.push(ordered[0] as FleetRow);
    if (ordered.length > 1)
      duplicates.push({
        machineId,
        files: ordered.map((r) => ({ file: r.file, machine: r.machine, scannedAt: r.scannedAt })),
      });
  }
  rows.sort(compareRows);
  duplicates.sort((a, b) => byText(a.machineId, b.machineId));
  const byLevel = Object.fromEntries(
    VERDICT_LEVELS.map((level) => [level, rows.filter((r) => r.level === level).length]),
  ) as Record<VerdictLevel, number>;
  return {
    format: FLEET_SUMMARY_FORMAT,
    formatVersion: FLEET_SUMMARY_VERSION,
    judgedAt: facts.judgedAt.toISOString(),
    tool: { name: 'handover', version: facts.version },
    catalog: { version: facts.catalogVersion },
    folder: facts.folder,
    staleDays: facts.staleDays,
    region: facts.region,
    totals: {
      machines: rows.length,
      byLevel,
      banned: rows.filter((r) => r.banned.length > 0).length,
      stale: rows.filter((r) => r.stale).length,
      duplicates: duplicates.length,
      skipped: skipped.length,
    },
    rows,
    duplicates,
    skipped: [...skipped].sort((a, b) => byText(a.file, b.file)),
  };
}
