/**
 * The steps the Linux and macOS probes are made of: run one command, list one folder, read one
 * file. Each returns a capture record and never throws, even if a seam breaks its promise not to
 * reject: a probe that throws would lose every other record.
 */
import type { CommandRecord, DirectoryRecord, FileRecord } from '../../core/capture';
import type { ProbeId } from '../../core/sources';
import { personMessage } from '../../core/util/person-message';
import type { ProbeContext } from '../probe-context';
import { commandRecord, directoryRecord, fileRecord, timed } from '../records';

export async function runCommand(
  context: ProbeContext,
  probe: ProbeId,
  file: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<CommandRecord> {
  const startedAt = context.now().toISOString();
  try {
    const result = await context.runner.run(file, args, { timeoutMs });
    return commandRecord(probe, { file, args }, result);
  } catch (error) {
    return {
      probe,
      kind: 'command',
      command: { file, args: [...args] },
      outcome: 'failed',
      error: `${file} could not run: ${personMessage(error)}`,
      exitCode: null,
      stdout: '',
      stderr: '',
      startedAt,
      durationMs: 0,
    };
  }
}

export async function listDirectory(
  context: ProbeContext,
  probe: ProbeId,
  path: string,
): Promise<DirectoryRecord> {
  try {
    const { value, ...timing } = await timed(context.now, () => context.files.listDirectory(path));
    return directoryRecord(probe, path, value, timing);
  } catch (error) {
    const result = {
      ok: false as const,
      outcome: 'failed' as const,
      error: `${path}: ${personMessage(error)}`,
    };
    return directoryRecord(probe, path, result, { startedAt: context.now().toISOString(), durationMs: 0 });
  }
}

export interface ReadOptions {
  readonly maxBytes: number;
  readonly from?: 'start' | 'end';
  readonly encoding?: 'utf8' | 'base64';
}

export async function readFile(
  context: ProbeContext,
  probe: ProbeId,
  path: string,
  options: ReadOptions,
): Promise<FileRecord> {
  const read = { maxBytes: options.maxBytes, from: options.from ?? 'start' };
  try {
    const { value, ...timing } = await timed(context.now, () => context.files.readFile(path, read));
    return fileRecord(probe, path, value, timing, { ...read, encoding: options.encoding ?? 'utf8' });
  } catch (error) {
    const result = {
      ok: false as const,
      outcome: 'failed' as const,
      error: `${path}: ${personMessage(error)}`,
    };
    return fileRecord(
      probe,
      path,
      result,
      { startedAt: context.now().toISOString(), durationMs: 0 },
      {
        ...read,
        encoding: options.encoding ?? 'utf8',
      },
    );
  }
}

export function joinPath(directory: string, name: string): string {
  return `${directory.replace(/\/+$/, '')}/${name}`;
}
