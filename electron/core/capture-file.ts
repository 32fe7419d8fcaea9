/**
 * Reading a capture back from JSON text: the replay path's front door. A capture may come from
 * a user, so it is untrusted: the shape is checked field by field, and every problem becomes a
 * clear message (never an exception, never a half-read capture).
 */
import { z } from 'zod';
import { CAPTURE_FORMAT, CAPTURE_FORMAT_VERSION, type Capture } from './capture';
import { err, ok, type Result } from './util/result';
import { describeIssue, readVersionedJson } from './util/versioned-json';

const outcome = z.enum(['ok', 'failed', 'timeout', 'missing']);
const base = {
  probe: z.string().min(1),
  outcome,
  error: z.string().optional(),
  startedAt: z.string(),
  durationMs: z.number().nonnegative(),
};

const recordSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('command'),
    command: z.object({ file: z.string(), args: z.array(z.string()) }),
    exitCode: z.number().int().nullable(),
    stdout: z.string(),
    stderr: z.string(),
  }),
  z.object({
    ...base,
    kind: z.literal('file'),
    path: z.string(),
    encoding: z.enum(['utf8', 'base64']),
    content: z.string(),
    truncatedTo: z
      .object({ bytes: z.number().int().nonnegative(), from: z.enum(['start', 'end']) })
      .optional(),
  }),
  z.object({ ...base, kind: z.literal('directory'), path: z.string(), entries: z.array(z.string()) }),
]);

const captureSchema = z.object({
  format: z.literal(CAPTURE_FORMAT),
  formatVersion: z.literal(CAPTURE_FORMAT_VERSION),
  capturedAt: z.string().datetime({ offset: true }),
  tool: z.object({ name: z.literal('handover'), version: z.string() }),
  platform: z.enum(['windows', 'macos', 'linux']),
  origin: z.object({ kind: z.enum(['live', 'fixture']), description: z.string().optional() }),
  host: z.object({
    hostname: z.string().optional(),
    nodePlatform: z.string().optional(),
    release: z.string().optional(),
    arch: z.string().optional(),
    locale: z.object({
      env: z.record(z.string(), z.string()),
      intlLocale: z.string().optional(),
      timeZone: z.string().optional(),
    }),
  }),
  records: z.array(recordSchema),
});

/** Parses and checks a capture. The error says what is wrong in words a person can act on. */
export function parseCaptureText(text: string): Result<Capture> {
  const read = readVersionedJson(text, CAPTURE_FORMAT, 'a Handover capture');
  if (!read.ok) return read;
  const { json, version } = read.value;
  if (typeof version === 'number' && version > CAPTURE_FORMAT_VERSION) {
    return err(
      `it was made by a newer Handover (capture format ${version}); this version reads format ${CAPTURE_FORMAT_VERSION}. Update Handover to open it.`,
    );
  }
  if (version !== CAPTURE_FORMAT_VERSION) {
    return err(`its capture format version (${String(version)}) is not one this version reads`);
  }
  const parsed = captureSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map(describeIssue).join('; ');
    return err(`it is damaged or incomplete (${issues})`);
  }
  return ok(parsed.data as Capture);
}
