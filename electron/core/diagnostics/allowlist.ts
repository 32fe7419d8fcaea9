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
 *   script writes (WINDOWS_SCAN_SECTIONS), with their known fields; for schema /2 the header line
 *   with its known fields, the section lines and the end line (other lines are dropped), for /1
 *   `schema` and `sections` at its top. The data of a section is kept whole: the script picks its
 *   properties by name (scan-script.ts), and the Windows parsers read them.
 */
import { CAPTURED_ENV_KEYS, type Capture, type ProbeRecord } from '../capture';
import { captureSchema } from '../capture-file';
import { WINDOWS_PROBE_ID, WINDOWS_SCAN_SECTIONS } from '../parse/windows/scan-document';
import { err, ok, type Result } from '../util/result';
import { describeIssue } from '../util/versioned-json';
import { joinScanDocumentParts, type ScanDocumentPart, scanDocumentParts } from './scan-document-parts';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The header fields of a /2 document (scan-script.ts writes exactly these). */
const HEADER_KEYS = [
  'schema',
  'languageMode',
  'psVersion',
  'processArchitecture',
  'wow64',
  'arrayTypeData',
  'startedAt',
];
/** The fields of a /2 section line, and of a /1 section. */
const SECTION_KEYS = [
  'section',
  'begin',
  'ok',
  'data',
  'problems',
  'ms',
  'error',
  'errorId',
  'category',
  'hresult',
  'blockedBy',
];

const pick = (value: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((key) => Object.hasOwn(value, key)).map((key) => [key, value[key]]));

const isKnownSection = (name: unknown): boolean =>
  typeof name === 'string' && (WINDOWS_SCAN_SECTIONS as readonly string[]).includes(name);

/** A /2 line that the format defines, with only its fields; null for anything else. */
function allowlistLine(part: ScanDocumentPart, index: number): ScanDocumentPart | null {
  if (part.kind !== 'json' || !isRecord(part.value)) return null;
  const value = part.value;
  if (index === 0) return { kind: 'json', value: pick(value, HEADER_KEYS) };
  if (value.end === true) return { kind: 'json', value: pick(value, ['end', 'ms']) };
  return isKnownSection(value.section) ? { kind: 'json', value: pick(value, SECTION_KEYS) } : null;
}

/** The document with only known sections and fields; the text unchanged when it is not a readable document. */
export function allowlistScanDocument(stdout: string): string {
  const document = scanDocumentParts(stdout);
  // Broken output is kept as it is: the replay must fail to read it exactly as the scan did.
  if (!document) return stdout;
  if (document.layout === 'lines') {
    const parts = document.parts.map(allowlistLine).filter((part): part is ScanDocumentPart => part !== null);
    return joinScanDocumentParts({ ...document, parts });
  }
  const value = document.parts[0]?.kind === 'json' ? document.parts[0].value : undefined;
  if (!isRecord(value) || !isRecord(value.sections)) return stdout;
  const sections = value.sections;
  const kept = Object.fromEntries(
    WINDOWS_SCAN_SECTIONS.filter((name) => Object.hasOwn(sections, name)).map((name) => [
      name,
      isRecord(sections[name])
        ? pick(sections[name] as Record<string, unknown>, SECTION_KEYS)
        : sections[name],
    ]),
  );
  return joinScanDocumentParts({
    ...document,
    parts: [{ kind: 'json', value: { schema: value.schema, sections: kept } }],
  });
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
