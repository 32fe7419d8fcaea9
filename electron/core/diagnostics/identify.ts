/**
 * Which of Handover's files a person opened: the one place that tells a capture, a diagnostics
 * file and a report apart, after the untrusted-file guard. Each reader then checks its own
 * version and shape.
 */
import { CAPTURE_FORMAT } from '../capture';
import { REPORT_FORMAT } from '../report/report-schema';
import { SCAN_OUTPUT_FORMAT } from '../scan-output';
import { err, ok, type Result } from '../util/result';
import { parseUntrustedJson } from '../util/untrusted-json';
import { DIAGNOSTICS_FORMAT } from './diagnostics-file';

export type HandoverFileKind = 'capture' | 'diagnostics' | 'report' | 'scan-result';

export interface HandoverFile {
  readonly kind: HandoverFileKind;
  readonly json: Readonly<Record<string, unknown>>;
}

/** What an opened file should be, in messages ("it is larger than 50 MB, so it is not ..."). */
export const HANDOVER_FILE_WHAT = 'a Handover diagnostics file, report or capture';

// A Map, not an object: a format of "constructor" must not find Object.prototype.constructor.
const KINDS: ReadonlyMap<unknown, HandoverFileKind> = new Map([
  [CAPTURE_FORMAT, 'capture'],
  [DIAGNOSTICS_FORMAT, 'diagnostics'],
  [REPORT_FORMAT, 'report'],
  [SCAN_OUTPUT_FORMAT, 'scan-result'],
]);

/** An already guarded value → its kind, or "it is not a Handover diagnostics file, report or capture". */
export function identifyParsed(json: unknown): Result<HandoverFile> {
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
    const record = json as Readonly<Record<string, unknown>>;
    const kind = KINDS.get(record.format);
    if (kind) return ok({ kind, json: record });
  }
  return err(`it is not ${HANDOVER_FILE_WHAT}`);
}

/** A file's text or bytes → which Handover file it is, through the guard. */
export function identifyHandoverFile(
  input: string | Uint8Array,
  options: { readonly byteLength?: number } = {},
): Result<HandoverFile> {
  const json = parseUntrustedJson(input, { what: HANDOVER_FILE_WHAT, ...options });
  return json.ok ? identifyParsed(json.value) : json;
}
