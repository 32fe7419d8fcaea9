/**
 * Builders for hand-made captures in the Linux and macOS observer tests: each record shaped exactly
 * as the probes store it, so a test reads like the capture it stands for.
 */
import {
  CAPTURE_FORMAT,
  CAPTURE_FORMAT_VERSION,
  type Capture,
  type CaptureHost,
  type CommandRecord,
  type DirectoryRecord,
  type FileRecord,
  type Platform,
  type ProbeOutcome,
  type ProbeRecord,
} from '../capture';

const AT = { startedAt: '2026-11-29T12:00:00.000Z', durationMs: 5 };

export function captureOf(
  platform: Platform,
  records: readonly ProbeRecord[],
  host?: Partial<CaptureHost>,
): Capture {
  return {
    format: CAPTURE_FORMAT,
    formatVersion: CAPTURE_FORMAT_VERSION,
    capturedAt: AT.startedAt,
    tool: { name: 'handover', version: 'test' },
    platform,
    origin: { kind: 'fixture', description: 'test' },
    host: { locale: { env: {} }, ...host },
    records,
  };
}

export function commandOk(probe: string, file: string, args: string[], stdout: string): CommandRecord {
  return {
    probe,
    kind: 'command',
    command: { file, args },
    outcome: 'ok',
    exitCode: 0,
    stdout,
    stderr: '',
    ...AT,
  };
}

export function commandFailed(
  probe: string,
  file: string,
  args: string[],
  outcome: Exclude<ProbeOutcome, 'ok'>,
  error: string,
  stderr = '',
  exitCode: number | null = null,
): CommandRecord {
  return {
    probe,
    kind: 'command',
    command: { file, args },
    outcome,
    error,
    exitCode,
    stdout: '',
    stderr,
    ...AT,
  };
}

export function listing(probe: string, path: string, entries: string[]): DirectoryRecord {
  return { probe, kind: 'directory', path, entries, outcome: 'ok', ...AT };
}

export function listingFailed(
  probe: string,
  path: string,
  outcome: Exclude<ProbeOutcome, 'ok'>,
  error = outcome === 'missing' ? `${path} does not exist` : `${path} could not be read: permission denied`,
): DirectoryRecord {
  return { probe, kind: 'directory', path, entries: [], outcome, error, ...AT };
}

export function file(
  probe: string,
  path: string,
  content: string,
  encoding: 'utf8' | 'base64' = 'utf8',
): FileRecord {
  return { probe, kind: 'file', path, encoding, content, outcome: 'ok', ...AT };
}

export function fileFailed(
  probe: string,
  path: string,
  outcome: Exclude<ProbeOutcome, 'ok'>,
  error: string,
): FileRecord {
  return { probe, kind: 'file', path, encoding: 'utf8', content: '', outcome, error, ...AT };
}
