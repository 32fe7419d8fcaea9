/**
 * The fleet summary (`handover fleet summarize DIR`, the Fleet screen): one row per machine of a
 * folder many machines write into, each judged again with today's catalog, policy and clock.
 * The shape is the --json output, documented in docs/fleet.md; bump FLEET_SUMMARY_VERSION when a
 * field is removed or renamed.
 */
import type { Platform } from '../capture';
import type { VerdictLevel } from '../scan-result';

export const FLEET_SUMMARY_FORMAT = 'handover.fleet-summary';
export const FLEET_SUMMARY_VERSION = 1;

export const VERDICT_LEVELS: readonly VerdictLevel[] = ['protected', 'at-risk', 'unprotected', 'cannot-tell'];

/** What kind of file a row was read from. */
export type FleetFileKind = 'capture' | 'diagnostics' | 'scan-result';

export interface FleetBannedProduct {
  readonly product: string;
  readonly banId: string;
  /** Whole days since its updates stopped (negative: days still to go); null when the ban has no cutoff. */
  readonly daysSinceCutoff: number | null;
}

export interface FleetRow {
  /** The file in the folder, as its name reads (escaped wherever it is shown). */
  readonly file: string;
  readonly kind: FleetFileKind;
  /** The host name the capture recorded (a token such as host-1 in a redacted diagnostics file). */
  readonly machine: string | null;
  /** docs/scan-result.md, "The machine id"; null when the capture did not record it. */
  readonly machineId: string | null;
  readonly platform: Platform;
  /** When the machine was scanned: the capture's time. */
  readonly scannedAt: string;
  /** Whole days from scannedAt to the time it was judged. */
  readonly staleDays: number;
  /** More than the summary's staleDays: the machine has been silent too long. */
  readonly stale: boolean;
  readonly level: VerdictLevel;
  readonly headline: string;
  readonly banned: readonly FleetBannedProduct[];
  /** The products protecting it now (real-time on, definitions current). */
  readonly protectors: readonly string[];
  /** The verdict's reason codes (docs/scan-result.md), actions first. */
  readonly reasons: readonly string[];
  readonly supportCode: string;
}

export interface FleetSkippedFile {
  readonly file: string;
  /** One clause: "it is a symbolic link, which is never followed". */
  readonly reason: string;
}

/** Two or more files with one machine id: the newest is the machine's row, all are listed. */
export interface FleetDuplicate {
  readonly machineId: string;
  /** Newest first; the first is the one in rows. */
  readonly files: readonly {
    readonly file: string;
    readonly machine: string | null;
    readonly scannedAt: string;
  }[];
}

export interface FleetTotals {
  readonly machines: number;
  readonly byLevel: Readonly<Record<VerdictLevel, number>>;
  readonly banned: number;
  readonly stale: number;
  readonly duplicates: number;
  readonly skipped: number;
}

export interface FleetSummary {
  readonly format: typeof FLEET_SUMMARY_FORMAT;
  readonly formatVersion: typeof FLEET_SUMMARY_VERSION;
  /** The clock every age was computed with (--now moves it). */
  readonly judgedAt: string;
  readonly tool: { readonly name: 'handover'; readonly version: string };
  readonly catalog: { readonly version: string };
  /** The folder as given. */
  readonly folder: string;
  /** A machine silent for more than this many days is stale (--stale-days). */
  readonly staleDays: number;
  /** The country whose rules applied to every machine (--region), or null: each machine's own. */
  readonly region: string | null;
  readonly totals: FleetTotals;
  /** One per machine, worst level first, then by name. */
  readonly rows: readonly FleetRow[];
  readonly duplicates: readonly FleetDuplicate[];
  readonly skipped: readonly FleetSkippedFile[];
}

/**
 * Whether everything in the summary is as it should be: every machine protected and fresh, no
 * file that could not be read. The CLI exits 0 only then (docs/fleet.md, "Exit codes").
 */
export function fleetAllWell(summary: Pick<FleetSummary, 'rows' | 'skipped'>): boolean {
  return (
    summary.rows.length > 0 &&
    summary.skipped.length === 0 &&
    summary.rows.every((row) => row.level === 'protected' && !row.stale)
  );
}
