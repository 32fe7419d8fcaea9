/**
 * Opening a file someone sent: a diagnostics file for "Open diagnostics", and a capture or a
 * diagnostics file for `handover scan --replay` (which replays the capture inside). Both go
 * through the guard and identifyHandoverFile; every refusal is one "it ..." clause.
 */
import type { Capture } from '../capture';
import { checkCapture } from '../capture-file';
import { err, ok, type Result } from '../util/result';
import { checkDiagnostics, type DiagnosticsFile } from './diagnostics-file';
import { type HandoverFileKind, identifyHandoverFile } from './identify';

const KIND_WORDS: Readonly<Record<HandoverFileKind, string>> = {
  capture: 'a Handover capture',
  diagnostics: 'a Handover diagnostics file',
  report: 'a Handover report',
  'scan-result': 'a Handover scan result',
};

interface OpenOptions {
  /** The file's size, when the caller read bytes (checked before anything is decoded). */
  readonly byteLength?: number;
}

export function readDiagnosticsFile(
  input: string | Uint8Array,
  options: OpenOptions = {},
): Result<DiagnosticsFile> {
  const file = identifyHandoverFile(input, options);
  if (!file.ok) return file;
  if (file.value.kind !== 'diagnostics')
    return err(`it is ${KIND_WORDS[file.value.kind]}, not a diagnostics file`);
  return checkDiagnostics(file.value.json);
}

/**
 * A scan result written with --drop-dir carries the capture it was judged from; one printed by
 * `handover scan --json` alone does not, and its verdict cannot be judged again.
 */
function capturedScanResult(json: Readonly<Record<string, unknown>>): Result<ReplayFile> {
  if (json.capture === undefined)
    return err(
      'it is a Handover scan result without its capture (handover scan --json --drop-dir writes one with it), so there is nothing to judge again',
    );
  const capture = checkCapture(json.capture, 'the capture in it');
  return capture.ok ? ok({ kind: 'scan-result', capture: capture.value, diagnostics: null }) : capture;
}

/** A file that can be replayed: its capture, and the diagnostics file around it if there is one. */
export interface ReplayFile {
  readonly kind: Exclude<HandoverFileKind, 'report'>;
  readonly capture: Capture;
  readonly diagnostics: DiagnosticsFile | null;
}

export function readReplayFile(input: string | Uint8Array, options: OpenOptions = {}): Result<ReplayFile> {
  const file = identifyHandoverFile(input, options);
  if (!file.ok) return file;
  switch (file.value.kind) {
    case 'capture': {
      const capture = checkCapture(file.value.json);
      return capture.ok ? ok({ kind: 'capture', capture: capture.value, diagnostics: null }) : capture;
    }
    case 'diagnostics': {
      const diagnostics = checkDiagnostics(file.value.json);
      return diagnostics.ok
        ? ok({ kind: 'diagnostics', capture: diagnostics.value.capture, diagnostics: diagnostics.value })
        : diagnostics;
    }
    case 'report':
      return err('it is a Handover report, which holds no capture to replay (ask for a diagnostics file)');
    case 'scan-result':
      return capturedScanResult(file.value.json);
  }
}
