/**
 * The first step of making a diagnostics file: keep only what the capture format defines. A field
 * nobody reviewed is not sent, however it got into the capture (a probe that grew a field, a
 * capture read from elsewhere). This applies whether or not personal details are hidden: it is
 * about what the format promises to carry, not about who the sender is.
 *
 * - Every level of the capture: the capture schema (capture-file.ts) drops keys it does not know.
 * - host.locale.env: only the locale variables the region is resolved from (the schema allows any
 *   name there, because older captures are read as they are).
 * - The Windows PowerShell document (JSON inside the record's stdout): only the sections the scan
 *   script writes (WINDOWS_SCAN_SECTIONS), with `schema` and `sections` at its top. The data of a
 *   section is kept whole: the script picks its properties by name (scan-script.ts), and the
 *   Windows parsers read them.
 */
import { CAPTURED_ENV_KEYS, type Capture, type ProbeRecord } from '../capture';
import { captureSchema } from '../capture-file';
import { WINDOWS_PROBE_ID, WINDOWS_SCAN_SECTIONS } from '../parse/windows/scan-document';
import { err, ok, type Result } from '../util/result';
import { parseUntrustedJson } from '../util/untrusted-json';
import { describeIssue } from '../util/versioned-json';

/** Where the scan document starts in PowerShell's stdout (host warnings may come before it). */
const SCHEMA_MARK = '{"schema":';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The document with only known sections; the text unchanged when it is not a readable document. */
export function allowlistScanDocument(stdout: string): string {
  const start = stdout.indexOf(SCHEMA_MARK);
  if (start < 0) return stdout;
  const parsed = parseUntrustedJson(stdout.slice(start), { what: 'a scan document' });
  // Broken output is kept as it is: the replay must fail to read it exactly as the scan did.
  if (!parsed.ok || !isRecord(parsed.value) || !isRecord(parsed.value.sections)) return stdout;
  const sections = parsed.value.sections;
  const kept = Object.fromEntries(
    WINDOWS_SCAN_SECTIONS.filter((name) => Object.hasOwn(sections, name)).map((name) => [
      name,
      sections[name],
    ]),
  );
  return stdout.slice(0, start) + JSON.stringify({ schema: parsed.value.schema, sections: kept });
}

function allowlistRecord(record: ProbeRecord): ProbeRecord {
  if (record.kind === 'command' && record.probe === WINDOWS_PROBE_ID) {
    return { ...record, stdout: allowlistScanDocument(record.stdout) };
  }
  return record;
}

/** The capture with only the fields its format defines, or why it is not a capture at all. */
export function allowlistCapture(capture: Capture): Result<Capture> {
  const parsed = captureSchema.safeParse(capture);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map(describeIssue).join('; ');
    return err(`the capture does not follow the capture format (${issues})`);
  }
  const data = parsed.data as Capture;
  const env = Object.fromEntries(
    CAPTURED_ENV_KEYS.filter((key) => Object.hasOwn(data.host.locale.env, key)).map((key) => [
      key,
      data.host.locale.env[key] as string,
    ]),
  );
  return ok({
    ...data,
    host: { ...data.host, locale: { ...data.host.locale, env } },
    records: data.records.map(allowlistRecord),
  });
}
