/**
 * Reading a capture back from JSON text: the replay path's front door. A capture may come from
 * a user, so it is untrusted: the shape is checked field by field, and every problem becomes a
 * clear message (never an exception, never a half-read capture).
 */
import { z } from 'zod';
import {
  CAPTURE_FORMAT,
  CAPTURE_FORMAT_VERSION,
  type Capture,
  OLDEST_CAPTURE_FORMAT_VERSION,
} from './capture';
import { WINDOWS_PROBE_ID } from './parse/windows/scan-document';
import { err, ok, type Result } from './util/result';
import { DEFAULT_MAX_DEPTH, parseUntrustedJson, scanJsonShape } from './util/untrusted-json';
import { describeIssue } from './util/versioned-json';

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
  z.object({
    ...base,
    kind: z.literal('osquery'),
    query: z.string().min(1),
    reportedAs: z.string().optional(),
    rows: z.array(z.record(z.string(), z.string())),
  }),
]);

/**
 * The capture format, field by field. It is also the allowlist of what a diagnostics file may
 * carry of a capture (electron/core/diagnostics/allowlist.ts): zod drops keys it does not know.
 */
export const captureSchema = z.object({
  format: z.literal(CAPTURE_FORMAT),
  formatVersion: z.literal(CAPTURE_FORMAT_VERSION),
  capturedAt: z.string().datetime({ offset: true }),
  tool: z.object({ name: z.literal('handover'), version: z.string() }),
  platform: z.enum(['windows', 'macos', 'linux']),
  origin: z.object({
    kind: z.enum(['live', 'fixture', 'osquery']),
    description: z.string().optional(),
    via: z.enum(['osquery-log', 'osqueryi', 'fleetctl', 'fleet-report']).optional(),
    hostIdentifier: z.string().optional(),
    alsoKnownAs: z.array(z.string()).optional(),
  }),
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

/**
 * A record that does not match its kind's shape (a duration of 1e999, which parses as Infinity;
 * a missing field) becomes a failed record of the same probe, saying what is damaged: that one
 * source reads "could not read X because ...", and the rest of the capture is replayed. A record
 * without even a probe and a kind cannot be placed, so it still makes the capture damaged.
 */
function damagedRecordAsFailed(record: unknown, index: number): unknown {
  if (recordSchema.safeParse(record).success) return record;
  if (typeof record !== 'object' || record === null) return record;
  const { probe, kind, path, query } = record as Record<string, unknown>;
  if (
    typeof probe !== 'string' ||
    probe === '' ||
    !['command', 'file', 'directory', 'osquery'].includes(kind as string)
  )
    return record;
  const issue = recordSchema.safeParse(record).error?.issues[0];
  const common = {
    probe,
    outcome: 'failed',
    error: `record ${index + 1} of the capture is damaged (${issue ? describeIssue(issue) : 'its shape is wrong'})`,
    startedAt: '',
    durationMs: 0,
  };
  const where = typeof path === 'string' ? path : '';
  switch (kind) {
    case 'command':
      return { ...common, kind, command: { file: '', args: [] }, exitCode: null, stdout: '', stderr: '' };
    case 'file':
      return { ...common, kind, path: where, encoding: 'utf8', content: '' };
    case 'osquery':
      return { ...common, kind, query: typeof query === 'string' && query !== '' ? query : probe, rows: [] };
    default:
      return { ...common, kind, path: where, entries: [] };
  }
}

/** What a capture file is called in messages. */
export const CAPTURE_WHAT = 'a Handover capture';

/**
 * Checks an already parsed value is a capture this version reads. `subject` starts every message:
 * 'it' for a capture file, 'the capture in it' for one inside a diagnostics file.
 */
export function checkCapture(json: unknown, subject = 'it'): Result<Capture> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return err(`${subject} is not ${CAPTURE_WHAT} (expected a JSON object)`);
  }
  const record = json as Record<string, unknown>;
  if (record.format !== CAPTURE_FORMAT)
    return err(`${subject} is not ${CAPTURE_WHAT} (format is not "${CAPTURE_FORMAT}")`);
  const version = record.formatVersion;
  if (typeof version === 'number' && version > CAPTURE_FORMAT_VERSION) {
    return err(
      `${subject} was made by a newer Handover (capture format ${version}); this version reads format ${CAPTURE_FORMAT_VERSION}. Update Handover to open it.`,
    );
  }
  if (version !== CAPTURE_FORMAT_VERSION && version !== OLDEST_CAPTURE_FORMAT_VERSION) {
    return err(
      `${subject} has capture format version ${String(version)}, which is not one this version reads`,
    );
  }
  // Format 1 is format 2 without osquery records and imported origins: read as it is, then named 2.
  const rawRecords = Array.isArray(record.records) ? record.records : [];
  if (version === OLDEST_CAPTURE_FORMAT_VERSION) {
    const origin = record.origin as { kind?: unknown } | undefined;
    if (
      rawRecords.some((r) => (r as { kind?: unknown } | null)?.kind === 'osquery') ||
      origin?.kind === 'osquery'
    )
      return err(`${subject} is damaged or incomplete (capture format 1 has no osquery records)`);
  }
  const records = Array.isArray(record.records) ? rawRecords.map(damagedRecordAsFailed) : record.records;
  const parsed = captureSchema.safeParse({ ...record, formatVersion: CAPTURE_FORMAT_VERSION, records });
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map(describeIssue).join('; ');
    return err(`${subject} is damaged or incomplete (${issues})`);
  }
  // The PowerShell document is JSON inside a string: the file's own depth check never saw it, and
  // the Windows parsers walk it recursively.
  const deep = parsed.data.records.findIndex(
    (r) =>
      r.kind === 'command' &&
      r.probe === WINDOWS_PROBE_ID &&
      scanJsonShape(r.stdout, DEFAULT_MAX_DEPTH) === 'too-deep',
  );
  if (deep >= 0) {
    return err(
      `${subject} is damaged or incomplete (records.${deep}.stdout is nested more than ${DEFAULT_MAX_DEPTH} levels deep)`,
    );
  }
  return ok(parsed.data as Capture);
}

/**
 * Parses and checks a capture file's text (or bytes) through the untrusted-file guard. The error
 * says what is wrong in words a person can act on.
 */
export function parseCaptureText(
  input: string | Uint8Array,
  options: { byteLength?: number } = {},
): Result<Capture> {
  const json = parseUntrustedJson(input, { what: CAPTURE_WHAT, ...options });
  return json.ok ? checkCapture(json.value) : json;
}
