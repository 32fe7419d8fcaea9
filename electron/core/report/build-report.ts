/**
 * The report of one scan, with the verdict and the migration progress: pure, so the window, the
 * CLI and the tests make the same report from the same inputs.
 *
 * Every field is picked by name, never spread: the progress store holds more than the plan needs
 * and the report is sent to other people, so only what is listed in report-schema.ts leaves.
 * Nothing of the password export (entries, file paths) is in the plan or progress, and nothing
 * here reaches for it.
 */

import type { Evidence } from '../observations';
import type { MigrationPlan } from '../plan/build-plan';
import type { PlanProgress } from '../plan/migration-steps';
import type { RemovalRoute } from '../plan/removal-routes';
import type { BanStatus, Detection, ScanResult } from '../scan-result';
import {
  REPORT_FORMAT,
  REPORT_FORMAT_VERSION,
  type Report,
  type ReportBan,
  type ReportDetection,
  type ReportEvidence,
  type ReportMigration,
} from './report-schema';

export interface ReportInput {
  readonly scan: ScanResult;
  readonly journey: { readonly plan: MigrationPlan | null; readonly progress: PlanProgress | null } | null;
  readonly app: { readonly version: string; readonly host: string };
  /** ISO 8601: the caller's clock (core has none of its own). */
  readonly generatedAt: string;
  /** Computed by the support-code module; the report only carries it. */
  readonly supportCode: string | null;
}

function banOf(ban: BanStatus): ReportBan {
  return {
    banId: ban.banId,
    jurisdiction: ban.jurisdiction,
    summary: ban.summary,
    binding: ban.binding,
    scope: [...ban.scope],
    updatesEndAt: ban.updatesEndAt,
    updatesEndDisplay: ban.updatesEndDisplay,
    daysSinceUpdatesEnded: ban.daysSinceUpdatesEnded,
    updatesEnded: ban.updatesEnded,
  };
}

function evidenceOf(item: Evidence, labels: ReadonlyMap<string, string>): ReportEvidence {
  return {
    source: item.source,
    sourceLabel: labels.get(item.source) ?? null,
    record: item.record,
    decoded: Object.entries(item.decoded ?? {}).map(([name, value]) => ({ name, value })),
  };
}

function detectionOf(d: Detection, labels: ReadonlyMap<string, string>): ReportDetection {
  return {
    id: d.id,
    productId: d.productId,
    name: d.name,
    vendor: d.vendor,
    kind: d.kind,
    builtIn: d.builtIn,
    business: d.business,
    version: d.version,
    status: d.status,
    realtime: d.realtime,
    signatures: {
      date: d.signatures.date,
      version: d.signatures.version,
      ageDays: d.signatures.ageDays,
      upToDate: d.signatures.upToDate,
      reportedUpToDate: d.signatures.reportedUpToDate,
    },
    ban: d.ban ? banOf(d.ban) : null,
    advisories: d.advisories.map(banOf),
    protecting: d.protecting,
    managedBy: d.managedBy,
    passwordProtected: d.passwordProtected,
    evidence: d.evidence.map((e) => evidenceOf(e, labels)),
  };
}

/** What a route runs, for the technician: the registered command or the package, never a guess. */
function routeOf(route: RemovalRoute): ReportMigration['removals'][number]['routes'][number] {
  switch (route.kind) {
    case 'registered-uninstaller':
      return { kind: route.kind, via: route.entry.uninstallString ?? route.entry.productCode };
    case 'package-manager':
      return { kind: route.kind, via: route.entry.identifier };
    default:
      return { kind: route.kind, via: null };
  }
}

/**
 * The migration part: null when there is no plan, or when the machine needs nothing and no
 * journey was started. A plan not yet started is still reported: it tells the help desk what
 * the move would involve.
 */
function migrationOf(journey: ReportInput['journey']): ReportMigration | null {
  const plan = journey?.plan ?? null;
  const progress = journey?.progress ?? null;
  if (plan === null || (!plan.needed && progress === null)) return null;
  const ticked = new Set(progress?.ticked ?? []);
  return {
    started: progress !== null,
    needed: plan.needed,
    currentStep: plan.current,
    steps: plan.steps.map((s) => ({
      id: s.id,
      title: s.title,
      state: s.state,
      skippedBecause: s.skippedBecause,
      what: s.what,
    })),
    chosen: plan.chosen ? { id: plan.chosen.id, name: plan.chosen.name, builtIn: plan.chosen.builtIn } : null,
    keepData: plan.keepData.map((i) => ({ id: i.id, title: i.title, how: i.how, ticked: ticked.has(i.id) })),
    removals: plan.removals.map((r) => ({
      detectionId: r.detectionId,
      name: r.name,
      routes: r.routes.map(routeOf),
      notes: [...r.notes],
      kavremoverFallback: r.kavremoverFallback,
    })),
    removed: (progress?.removed ?? []).map((r) => ({ detectionId: r.detectionId, how: r.how })),
    restartReasons: [...plan.restartReasons],
    checks: plan.checks.map((c) => ({ id: c.id, ok: c.ok, text: c.text, fixStep: c.fixStep })),
    unprotectedFor: plan.unprotectedFor,
  };
}

export function buildReport(input: ReportInput): Report {
  const { scan } = input;
  const labels = new Map(scan.sources.map((s) => [s.id, s.label]));
  return {
    format: REPORT_FORMAT,
    formatVersion: REPORT_FORMAT_VERSION,
    generatedAt: input.generatedAt,
    app: { version: input.app.version, host: input.app.host },
    scan: {
      scannedAt: scan.scannedAt,
      capturedAt: scan.capturedAt,
      replayed: scan.replayed,
      timings: { captureMs: scan.timings.captureMs, analyseMs: scan.timings.analyseMs },
    },
    machine: {
      platform: scan.machine.platform,
      osName: scan.machine.osName,
      osVersion: scan.machine.osVersion,
      isServer: scan.machine.isServer,
      hostname: scan.machine.hostname,
      pendingRestart: scan.machine.pendingRestart ? [...scan.machine.pendingRestart] : null,
      bootedAt: scan.machine.bootedAt,
    },
    region: {
      code: scan.region.code,
      name: scan.region.name,
      source: scan.region.source,
      explanation: scan.region.explanation,
    },
    verdict: {
      level: scan.verdict.level,
      headline: scan.verdict.headline,
      reasons: scan.verdict.reasons.map((r) => ({
        code: r.code,
        severity: r.severity,
        text: r.text,
        detectionIds: [...r.detectionIds],
      })),
      actions: scan.verdict.actions.map((a) => ({
        code: a.code,
        text: a.text,
        detectionIds: [...a.detectionIds],
      })),
      deadline: scan.verdict.deadline
        ? {
            banId: scan.verdict.deadline.banId,
            at: scan.verdict.deadline.at,
            display: scan.verdict.deadline.display,
            daysSince: scan.verdict.deadline.daysSince,
          }
        : null,
    },
    detections: scan.detections.map((d) => detectionOf(d, labels)),
    sources: scan.sources.map((s) => ({
      id: s.id,
      label: s.label,
      status: s.status,
      reason: s.reason ?? null,
      records: s.records,
      durationMs: s.durationMs ?? null,
    })),
    migration: migrationOf(input.journey),
    supportCode: input.supportCode,
  };
}
