/**
 * Opening a file someone sent: a diagnostics file for "Open diagnostics", and a capture or a
 * diagnostics file for `handover scan --replay` (which replays the capture inside). Both go
 * through the guard and identifyHandoverFile; every refusal is one "it ..." clause.
 */
import type { Capture } from '../capture';
import { checkCapture } from '../capture-file';
import { err, ok, type Result } from '../util/result';
import { checkDiagnostics, type DiagnosticsFile } from './diagnostics-file';
import { identifyHandoverFile } from './identify';

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
    return err(`it is a Handover ${file.value.kind}, not a diagnostics file`);
  return checkDiagnostics(file.value.json);
}

/** A file that can be replayed: its capture, and the diagnostics file around it if there is one. */
export interface ReplayFile {
  readonly capture: Capture;
  readonly diagnostics: DiagnosticsFile | null;
}

export function readReplayFile(input: string | Uint8Array, options: OpenOptions = {}): Result<ReplayFile> {
  const file = identifyHandoverFile(input, options);
  if (!file.ok) return file;
  switch (file.value.kind) {
    case 'capture': {
      const capture = checkCapture(file.value.json);
      return capture.ok ? ok({ capture: capture.value, diagnostics: null }) : capture;
    }
    case 'diagnostics': {
      const diagnostics = checkDiagnostics(file.value.json);
      return diagnostics.ok
        ? ok({ capture: diagnostics.value.capture, diagnostics: diagnostics.value })
        : diagnostics;
    }
    case 'report':
      return err('it is a Handover report, which holds no capture to replay (ask for a diagnostics file)');
  }
}
