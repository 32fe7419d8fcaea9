/** One machine's row of the fleet summary, from its scan result judged again today. */
import type { ScanResult } from '../scan-result';
import type { FleetBannedProduct, FleetFileKind, FleetRow } from './fleet-summary';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `from` to `to` (0 for a time in the future or unreadable). */
export function wholeDaysBetween(from: string, to: Date): number {
  const start = Date.parse(from);
  if (Number.isNaN(start)) return 0;
  return Math.max(0, Math.floor((to.getTime() - start) / DAY_MS));
}

export function fleetRowOf(
  result: Omit<ScanResult, 'timings'>,
  facts: {
    readonly file: string;
    readonly kind: FleetFileKind;
    readonly supportCode: string;
    readonly now: Date;
    readonly staleDays: number;
  },
): FleetRow {
  const banned = result.detections.flatMap((d): FleetBannedProduct[] =>
    d.ban && d.status !== 'leftover'
      ? [{ product: d.name, banId: d.ban.banId, daysSinceCutoff: d.ban.daysSinceUpdatesEnded }]
      : [],
  );
  const staleDays = wholeDaysBetween(result.capturedAt, facts.now);
  return {
    file: facts.file,
    kind: facts.kind,
    machine: result.machine.hostname,
    machineId: result.machine.machineId,
    platform: result.machine.platform,
    scannedAt: result.capturedAt,
    staleDays,
    stale: staleDays > facts.staleDays,
    level: result.verdict.level,
    headline: result.verdict.headline,
    banned,
    protectors: result.detections.filter((d) => d.protecting === true).map((d) => d.name),
    reasons: result.verdict.reasons.map((r) => r.code),
    supportCode: facts.supportCode,
  };
}
