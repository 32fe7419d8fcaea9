/**
 * The report: one versioned shape, built from a scan, its verdict and the migration progress
 * (build-report.ts), rendered as JSON, HTML (and PDF from that) and a short summary. The zod
 * schema is the one definition: the types below are inferred from it, docs/report.schema.json is
 * generated from it, and readReport checks files against it.
 *
 * Versioning: any change to the shape (a field added, removed, renamed, or an enum value added)
 * bumps REPORT_FORMAT_VERSION and adds a migration for the previous version (docs/report.md).
 * Objects are strict, so an older Handover refuses a newer report instead of misreading it.
 */
import { z } from 'zod';
import { STEP_IDS } from '../plan/migration-steps';

export const REPORT_FORMAT = 'handover.report';
export const REPORT_FORMAT_VERSION = 2;

/** Instants Handover makes itself with toISOString (or checks on reading a capture). */
const instant = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();
const milliseconds = z.number().nonnegative();
const platform = z.enum(['windows', 'macos', 'linux']);

const reasonCode = z.enum([
  'protected-by',
  'banned-product-updates-stopped',
  'banned-product-updates-stop-soon',
  'banned-product-installed',
  'ban-advisory',
  'no-active-antivirus',
  'realtime-off',
  'signatures-out-of-date',
  'signatures-missing',
  'realtime-unknown',
  'leftover-present',
  'source-unreadable',
  'inventory-incomplete',
  'stepped-aside',
]);

const actionCode = z.enum([
  'choose-region',
  'replace-banned-antivirus',
  'turn-on-realtime',
  'update-signatures',
  'install-antivirus',
  'replace-banned-vpn',
  'replace-banned-password-manager',
  'remove-banned-product',
  'check-antivirus',
]);

const banStatus = z.strictObject({
  banId: z.string(),
  jurisdiction: z.string().describe('Where it applies (ISO 3166 alpha-2, or a group such as "EU").'),
  summary: z.string().describe('One plain sentence.'),
  binding: z.boolean(),
  scope: z.array(z.string()).describe('Who it concerns: consumers, businesses, federal-agencies, ...'),
  updatesEndAt: instant.nullable().describe('When updates stop or stopped, if the ban has that milestone.'),
  updatesEndDisplay: z.string().nullable(),
  daysSinceUpdatesEnded: z.number().int().nullable().describe('Negative before the cutoff.'),
  updatesEnded: z.boolean(),
});

const evidence = z.strictObject({
  source: z.string().describe('Logical source id, e.g. windows.wsc.antivirus.'),
  sourceLabel: z.string().nullable().describe("The source's name in words, when the scan lists it."),
  record: z.string().describe('The record as read: a JSON object, a line of output, a file path.'),
  // A list, not an object: keys come from parsers (and from files people send), and a list keeps
  // their order and cannot collide with Object.prototype.
  decoded: z
    .array(z.strictObject({ name: z.string(), value: z.string() }))
    .describe('Decoded values shown beside the record (productState bits in hex, converted dates).'),
});

const detection = z.strictObject({
  id: z.string().describe('Catalog product id, or "wsc:<name>" for a product the catalog does not know.'),
  productId: z.string().nullable(),
  name: z.string(),
  vendor: z.string(),
  kind: z.string().describe('antivirus, vpn, password-manager, parental-control, management-agent, ...'),
  builtIn: z.boolean(),
  business: z.boolean(),
  version: z.string().nullable(),
  status: z.enum(['installed', 'running', 'leftover']),
  realtime: z.boolean().nullable().describe('Real-time protection; null when no source tells.'),
  signatures: z.strictObject({
    date: z.string().nullable().describe('ISO 8601 database release or update time, as read.'),
    version: z.string().nullable(),
    ageDays: z.number().int().nullable().describe('Whole days between that date and the scan.'),
    upToDate: z.boolean().nullable().describe("Handover's judgement, the ban applied."),
    reportedUpToDate: z.boolean().nullable().describe('What the product itself reports.'),
  }),
  ban: banStatus.nullable().describe('A ban in force in this region that covers the product.'),
  advisories: z.array(banStatus).describe('Other actions in this region that name its vendor.'),
  protecting: z.boolean().nullable().describe('Real-time protection on and signatures current.'),
  managedBy: z.string().nullable().describe('The administration server managing it.'),
  passwordProtected: z.boolean().nullable(),
  evidence: z.array(evidence),
});

const reason = z.strictObject({
  code: reasonCode.describe('Stable: never renamed.'),
  severity: z.enum(['action', 'info']),
  text: z.string(),
  detectionIds: z.array(z.string()),
});

const action = z.strictObject({
  code: actionCode.describe('Stable: never renamed.'),
  text: z.string().describe('One instruction in plain words.'),
  detectionIds: z.array(z.string()),
});

const stepId = z.enum(STEP_IDS);

const migration = z.strictObject({
  started: z.boolean().describe('False when the plan is shown but the person has not started it.'),
  needed: z
    .boolean()
    .describe('False when the machine needs nothing (a started journey still runs to Done).'),
  currentStep: stepId,
  steps: z.array(
    z.strictObject({
      id: stepId,
      title: z.string(),
      state: z.enum(['done', 'current', 'upcoming', 'skipped']),
      skippedBecause: z.string().nullable(),
      what: z.string().describe('What the step does on this machine, in one sentence.'),
    }),
  ),
  chosen: z
    .strictObject({ id: z.string(), name: z.string(), builtIn: z.boolean() })
    .nullable()
    .describe('The alternative the person chose.'),
  keepData: z.array(
    z.strictObject({ id: z.string(), title: z.string(), how: z.string(), ticked: z.boolean() }),
  ),
  removals: z
    .array(
      z.strictObject({
        detectionId: z.string(),
        name: z.string(),
        routes: z.array(
          z.strictObject({
            kind: z.enum([
              'registered-uninstaller',
              'package-manager',
              'settings-apps',
              'vendor-uninstaller-app',
            ]),
            via: z.string().nullable().describe('The registered uninstall command, or the package name.'),
          }),
        ),
        notes: z.array(z.string()),
        kavremoverFallback: z.boolean(),
      }),
    )
    .describe('Products still to remove, and how.'),
  removed: z
    .array(z.strictObject({ detectionId: z.string(), how: z.enum(['uninstaller', 'other-way']) }))
    .describe('Products already removed during the journey.'),
  restartReasons: z.array(z.string()),
  checks: z.array(
    z.strictObject({
      id: z.enum(['no-banned-product', 'realtime-on', 'signatures-fresh']),
      ok: z.boolean(),
      text: z.string(),
      fixStep: stepId.nullable(),
    }),
  ),
  unprotectedFor: z.string().nullable().describe('How long the machine was without current protection.'),
});

export const reportSchema = z
  .strictObject({
    format: z.literal(REPORT_FORMAT),
    formatVersion: z.literal(REPORT_FORMAT_VERSION),
    generatedAt: instant,
    app: z.strictObject({
      version: z.string(),
      host: z.string().describe('What made the report: electron (the window), cli, harness.'),
    }),
    scan: z.strictObject({
      scannedAt: instant.describe('The clock every age is measured against.'),
      capturedAt: instant.describe('When the probes ran (or the replayed capture was made).'),
      replayed: z.boolean().describe('True when a capture file was analysed instead of this computer.'),
      timings: z.strictObject({ captureMs: milliseconds, analyseMs: milliseconds }),
    }),
    machine: z.strictObject({
      platform,
      osName: z.string().nullable(),
      osVersion: z.string().nullable(),
      isServer: z.boolean().nullable(),
      hostname: z.string().nullable(),
      pendingRestart: z
        .array(z.string())
        .nullable()
        .describe('Why Windows waits for a restart; [] when it does not; null when unread.'),
      bootedAt: z.string().nullable(),
    }),
    region: z.strictObject({
      code: z
        .string()
        .regex(/^[A-Z]{2}$/)
        .nullable(),
      name: z.string().nullable(),
      source: z.enum(['override', 'windows-home-location', 'locale', 'time-zone', 'unknown']),
      explanation: z.string().describe('How the region was determined, in words.'),
    }),
    verdict: z.strictObject({
      level: z.enum(['protected', 'at-risk', 'unprotected', 'cannot-tell']),
      headline: z.string(),
      reasons: z.array(reason),
      actions: z
        .array(action)
        .nullable()
        .describe('What needs doing, in order; null in a report of format 1, which did not record it.'),
      deadline: z
        .strictObject({ banId: z.string(), at: instant, display: z.string(), daysSince: z.number().int() })
        .nullable(),
    }),
    detections: z.array(detection),
    sources: z.array(
      z.strictObject({
        id: z.string(),
        label: z.string(),
        status: z.enum(['read', 'unreadable', 'not-present']),
        reason: z.string().nullable().describe('Why it was not read, in words.'),
        records: count,
        durationMs: milliseconds.nullable(),
      }),
    ),
    migration: migration.nullable().describe('The guided migration; null when there is none.'),
    supportCode: z.string().nullable().describe('The code a person reads out to the help desk.'),
  })
  .meta({
    title: 'Handover report',
    description:
      'Whether a computer’s antivirus protects it, the evidence, and the migration progress. See docs/report.md.',
  });

export type Report = z.infer<typeof reportSchema>;
export type ReportDetection = Report['detections'][number];
export type ReportEvidence = ReportDetection['evidence'][number];
export type ReportBan = z.infer<typeof banStatus>;
export type ReportMigration = NonNullable<Report['migration']>;

/** docs/report.schema.json, as an object (the test compares it with the file). */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(reportSchema) as Record<string, unknown>;
}
