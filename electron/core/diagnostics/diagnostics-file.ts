/**
 * The diagnostics file: one JSON file a person saves ("Save diagnostics") and sends to whoever
 * helps them, holding the capture of their machine, the report they saw and the app's own log.
 * Opening it ("Open diagnostics", `handover scan --replay`) replays the capture, so the helper
 * sees the sender's machine exactly as they saw it. Documented in docs/diagnostics-format.md;
 * bump DIAGNOSTICS_FORMAT_VERSION (and read the previous one here) when it changes shape.
 */
import { z } from 'zod';
import type { Capture, Platform } from '../capture';
import { checkCapture } from '../capture-file';
import { err, ok, type Result } from '../util/result';
import { describeIssue } from '../util/versioned-json';

export const DIAGNOSTICS_FORMAT = 'handover.diagnostics';
export const DIAGNOSTICS_FORMAT_VERSION = 1;

export interface DiagnosticsSender {
  /** Whose machine: a token such as "host-1" when personal details are hidden, else the host name. */
  readonly label: string;
  readonly platform: Platform;
}

/** What a diagnostics file is made of, before redaction. */
export interface DiagnosticsParts {
  readonly capture: Capture;
  /** The report of the scan (handover.report, built elsewhere), or null: opaque JSON here. */
  readonly report: unknown;
  /** The app's JSON-lines log entries, oldest first. */
  readonly log: readonly unknown[];
}

export interface DiagnosticsFile extends DiagnosticsParts {
  readonly format: typeof DIAGNOSTICS_FORMAT;
  readonly formatVersion: typeof DIAGNOSTICS_FORMAT_VERSION;
  /** When the file was saved (the capture says when the scan ran). */
  readonly createdAt: string;
  /** Whether user names, host names, home paths and e-mail addresses were replaced by tokens. */
  readonly personalDetailsHidden: boolean;
  readonly sender: DiagnosticsSender;
  readonly app: { readonly version: string };
}

const present = z.unknown().refine((value) => value !== undefined, 'Required');

/** The envelope; the capture inside is checked by checkCapture, so its messages stay the capture's own. */
export const diagnosticsSchema = z.object({
  format: z.literal(DIAGNOSTICS_FORMAT),
  formatVersion: z.literal(DIAGNOSTICS_FORMAT_VERSION),
  createdAt: z.string().datetime({ offset: true }),
  personalDetailsHidden: z.boolean(),
  sender: z.object({ label: z.string().max(300), platform: z.enum(['windows', 'macos', 'linux']) }),
  app: z.object({ version: z.string().max(100) }),
  capture: present,
  report: present,
  log: z.array(z.unknown()),
});

/** Checks a parsed value whose format is DIAGNOSTICS_FORMAT. Every problem is an "it ..." clause. */
export function checkDiagnostics(json: Readonly<Record<string, unknown>>): Result<DiagnosticsFile> {
  const version = json.formatVersion;
  if (typeof version === 'number' && version > DIAGNOSTICS_FORMAT_VERSION) {
    return err(`it was made by a newer Handover (format ${version}); update Handover to open it`);
  }
  if (version !== DIAGNOSTICS_FORMAT_VERSION) {
    return err(`it has diagnostics format version ${String(version)}, which is not one this version reads`);
  }
  const parsed = diagnosticsSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map(describeIssue).join('; ');
    return err(`it is damaged or incomplete (${issues})`);
  }
  const capture = checkCapture(parsed.data.capture, 'the capture in it');
  if (!capture.ok) return capture;
  return ok({ ...parsed.data, report: parsed.data.report, capture: capture.value });
}
