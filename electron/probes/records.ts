/** Builders that turn seam results into capture records, so every probe stores the same way. */
import type { CommandRecord, DirectoryRecord, FileRecord } from '../core/capture';
import type { CommandResult } from '../core/commands';
import type { ProbeId } from '../core/sources';
import type { DirectoryReadResult, FileReadResult } from './probe-context';

export function commandRecord(
  probe: ProbeId,
  command: { file: string; args: readonly string[] },
  result: CommandResult,
  decode: (bytes: Buffer) => string = (bytes) => bytes.toString('utf8'),
  decodeErrors: (bytes: Buffer) => string = (bytes) => bytes.toString('utf8'),
): CommandRecord {
  return {
    probe,
    kind: 'command',
    command: { file: command.file, args: [...command.args] },
    outcome: result.outcome,
    ...(result.error ? { error: result.error } : {}),
    exitCode: result.exitCode,
    stdout: decode(result.stdout),
    stderr: decodeErrors(result.stderr),
    startedAt: result.startedAt,
    durationMs: result.durationMs,
  };
}

export function fileRecord(
  probe: ProbeId,
  path: string,
  result: FileReadResult,
  timing: { startedAt: string; durationMs: number },
  options: { encoding?: 'utf8' | 'base64'; maxBytes?: number; from?: 'start' | 'end' } = {},
): FileRecord {
  const encoding = options.encoding ?? 'utf8';
  if (!result.ok) {
    return {
      probe,
      kind: 'file',
      path,
      encoding,
      content: '',
      outcome: result.outcome,
      error: result.error,
      ...timing,
    };
  }
  return {
    probe,
    kind: 'file',
    path,
    encoding,
    content: result.bytes.toString(encoding),
    outcome: 'ok',
    ...(result.truncated && options.maxBytes
      ? { truncatedTo: { bytes: options.maxBytes, from: options.from ?? 'start' } }
      : {}),
    ...timing,
  };
}

export function directoryRecord(
  probe: ProbeId,
  path: string,
  result: DirectoryReadResult,
  timing: { startedAt: string; durationMs: number },
): DirectoryRecord {
  if (!result.ok)
    return {
      probe,
      kind: 'directory',
      path,
      entries: [],
      outcome: result.outcome,
      error: result.error,
      ...timing,
    };
  return { probe, kind: 'directory', path, entries: result.entries, outcome: 'ok', ...timing };
}

/** Times an async step against the injected clock. */
export async function timed<T>(
  now: () => Date,
  step: () => Promise<T>,
): Promise<{ value: T; startedAt: string; durationMs: number }> {
  const startedAt = now().toISOString();
  const started = performance.now();
  const value = await step();
  return { value, startedAt, durationMs: Math.round(performance.now() - started) };
}
