/**
 * "Save diagnostics": capture + report + log → the file's text. In order:
 * 1. allowlist the capture (allowlist.ts), always;
 * 2. when the person left "hide personal details" ticked, replace user names, host names, home
 *    folders, e-mail addresses and SIDs with tokens (redact-diagnostics.ts), and check the result
 *    still replays alike (replays-alike.ts); if replacing names as free words changed it, they are
 *    replaced only where they cannot be ordinary words (paths, name fields), and if even that
 *    changes it, nothing is saved: the person is told, rather than sent a file that lies;
 * 3. check the text reads back through the same reader that opens it (readDiagnosticsFile), so a
 *    saved file always opens: within 50 MB, 64 levels, no prototype keys.
 */
import { type CompiledCatalog, loadCatalog } from '../catalog/load-catalog';
import { err, ok, type Result } from '../util/result';
import { allowlistCapture } from './allowlist';
import { catalogWords } from './catalog-words';
import {
  DIAGNOSTICS_FORMAT,
  DIAGNOSTICS_FORMAT_VERSION,
  type DiagnosticsFile,
  type DiagnosticsParts,
} from './diagnostics-file';
import { readDiagnosticsFile } from './open-file';
import { type RedactedDiagnostics, redactDiagnostics } from './redact-diagnostics';
import type { RedactionSummary } from './redactor';
import { replaysAlike } from './replays-alike';

export interface BuildDiagnosticsOptions {
  /** ISO 8601, from the caller's clock. */
  readonly createdAt: string;
  readonly appVersion: string;
  readonly hidePersonalDetails: boolean;
  /** For the words never replaced, and to check the redacted capture replays alike (default: loadCatalog()). */
  readonly catalog?: CompiledCatalog;
}

export interface BuiltDiagnostics {
  readonly file: DiagnosticsFile;
  /** The file's text, as it is to be written. */
  readonly text: string;
  /** What was hidden; null when personal details were kept. */
  readonly hidden: RedactionSummary | null;
}

/** Shown when the sender's computer has no name in the capture. */
export const UNNAMED_COMPUTER = 'an unnamed computer';

function redactKeepingReplay(parts: DiagnosticsParts, catalog: CompiledCatalog): Result<RedactedDiagnostics> {
  const protectedWords = catalogWords(catalog);
  for (const freeWords of [true, false]) {
    const redacted = redactDiagnostics(parts, { protectedWords, freeWords });
    if (replaysAlike(parts.capture, redacted.parts.capture, catalog) === null) return ok(redacted);
  }
  return err(
    'hiding personal details would change what the file shows; untick "hide personal details" to save it as it is',
  );
}

export function buildDiagnostics(
  input: DiagnosticsParts,
  options: BuildDiagnosticsOptions,
): Result<BuiltDiagnostics> {
  const capture = allowlistCapture(input.capture);
  if (!capture.ok) return capture;
  const parts: DiagnosticsParts = { capture: capture.value, report: input.report ?? null, log: input.log };

  let content = parts;
  let hidden: RedactionSummary | null = null;
  let label = capture.value.host.hostname || UNNAMED_COMPUTER;
  if (options.hidePersonalDetails) {
    const redacted = redactKeepingReplay(parts, options.catalog ?? loadCatalog());
    if (!redacted.ok) return redacted;
    content = redacted.value.parts;
    hidden = redacted.value.hidden;
    label = redacted.value.hostToken ?? UNNAMED_COMPUTER;
  }

  const file: DiagnosticsFile = {
    format: DIAGNOSTICS_FORMAT,
    formatVersion: DIAGNOSTICS_FORMAT_VERSION,
    createdAt: options.createdAt,
    personalDetailsHidden: options.hidePersonalDetails,
    sender: { label, platform: capture.value.platform },
    app: { version: options.appVersion },
    capture: content.capture,
    report: content.report,
    log: content.log,
  };
  const text = serializeDiagnostics(file);
  const readBack = readDiagnosticsFile(text);
  if (!readBack.ok) return err(`the diagnostics file would not open again: ${readBack.error}`);
  return ok({ file, text, hidden });
}

/** The file alone, for a caller that writes it with serializeDiagnostics (or JSON.stringify). */
export function buildDiagnosticsFile(
  input: DiagnosticsParts,
  options: BuildDiagnosticsOptions,
): Result<DiagnosticsFile> {
  const built = buildDiagnostics(input, options);
  return built.ok ? ok(built.value.file) : built;
}

/** The text written to disk: indented, so a helper can read it, with a final newline. */
export function serializeDiagnostics(file: DiagnosticsFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
