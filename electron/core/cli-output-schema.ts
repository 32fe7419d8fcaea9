/**
 * What every `--json` output of the command line is (issue 13 §0), as one schema:
 * docs/cli-output.schema.json is generated from it (the test compares the file), and the tests
 * hold real outputs to it. Each document says what it is with `format` and its version:
 * - `handover.scan-result` (scan --json, and the files --drop-dir writes): the scan result of
 *   docs/scan-result.md; its top-level fields are listed here, the rest is documented there;
 * - `handover.fleet-summary` (fleet summarize --json): every field (core/fleet/fleet-summary.ts);
 * - `handover.error`: what any of them prints instead when the command could not run.
 */
import { z } from 'zod';
import { FLEET_SUMMARY_FORMAT, FLEET_SUMMARY_VERSION } from './fleet/fleet-summary';
import { SCAN_OUTPUT_FORMAT } from './scan-output';

export const ERROR_FORMAT = 'handover.error';
export const ERROR_FORMAT_VERSION = 1;

const level = z.enum(['protected', 'at-risk', 'unprotected', 'cannot-tell']);
const instant = z.string().describe('ISO 8601.');
const tool = z.strictObject({ name: z.literal('handover'), version: z.string() });
const catalog = z.strictObject({
  version: z.string().describe('A digest of the product catalog and the bans that judged it.'),
});

export const scanOutputSchema = z
  .looseObject({
    format: z.literal(SCAN_OUTPUT_FORMAT),
    schemaVersion: z.literal(1),
    scannedAt: instant.describe('The clock every age was computed with.'),
    capturedAt: instant,
    replayed: z.boolean(),
    machine: z.looseObject({
      platform: z.enum(['windows', 'macos', 'linux']),
      hostname: z.string().nullable(),
      machineId: z.string().nullable().describe('docs/scan-result.md, "The machine id".'),
    }),
    region: z.looseObject({ code: z.string().nullable() }),
    verdict: z.looseObject({
      level,
      headline: z.string(),
      reasons: z.array(z.looseObject({ code: z.string() })),
    }),
    detections: z.array(z.looseObject({ id: z.string(), name: z.string() })),
    sources: z.array(z.looseObject({ id: z.string(), status: z.string() })),
    timings: z.looseObject({}),
    tool,
    catalog,
    supportCode: z.string(),
    capture: z
      .looseObject({ format: z.literal('handover.capture') })
      .optional()
      .describe('Only in a file --drop-dir writes.'),
  })
  .meta({ title: 'handover scan --json', description: 'docs/scan-result.md' });

const row = z.strictObject({
  file: z.string(),
  kind: z.enum(['capture', 'diagnostics', 'scan-result']),
  machine: z.string().nullable(),
  machineId: z.string().nullable(),
  platform: z.enum(['windows', 'macos', 'linux']),
  scannedAt: instant,
  staleDays: z.number().int().nonnegative(),
  stale: z.boolean(),
  level,
  headline: z.string(),
  banned: z.array(
    z.strictObject({ product: z.string(), banId: z.string(), daysSinceCutoff: z.number().int().nullable() }),
  ),
  protectors: z.array(z.string()),
  reasons: z.array(z.string()),
  supportCode: z.string(),
});

export const fleetSummarySchema = z
  .strictObject({
    format: z.literal(FLEET_SUMMARY_FORMAT),
    formatVersion: z.literal(FLEET_SUMMARY_VERSION),
    judgedAt: instant,
    tool,
    catalog,
    folder: z.string(),
    staleDays: z.number().int().nonnegative(),
    region: z.string().nullable(),
    totals: z.strictObject({
      machines: z.number().int(),
      byLevel: z.strictObject({
        protected: z.number().int(),
        'at-risk': z.number().int(),
        unprotected: z.number().int(),
        'cannot-tell': z.number().int(),
      }),
      banned: z.number().int(),
      stale: z.number().int(),
      duplicates: z.number().int(),
      skipped: z.number().int(),
    }),
    rows: z.array(row),
    duplicates: z.array(
      z.strictObject({
        machineId: z.string(),
        files: z.array(
          z.strictObject({ file: z.string(), machine: z.string().nullable(), scannedAt: instant }),
        ),
      }),
    ),
    skipped: z.array(z.strictObject({ file: z.string(), reason: z.string() })),
  })
  .meta({ title: 'handover fleet summarize --json', description: 'docs/fleet.md' });

export const errorDocumentSchema = z
  .strictObject({
    format: z.literal(ERROR_FORMAT),
    formatVersion: z.literal(ERROR_FORMAT_VERSION),
    tool,
    error: z.strictObject({ message: z.string().describe('What went wrong, as printed on standard error.') }),
    exitCode: z.number().int(),
  })
  .meta({
    title: 'An error, under --json',
    description: 'Printed instead of the result when the command could not run.',
  });

export const cliOutputSchema = z.union([scanOutputSchema, fleetSummarySchema, errorDocumentSchema]).meta({
  title: 'Handover command-line JSON',
  description:
    'Every --json output of the handover command line: a scan result, a fleet summary, or an error.',
});

/** docs/cli-output.schema.json, as an object. */
export function cliOutputJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(cliOutputSchema) as Record<string, unknown>;
}
