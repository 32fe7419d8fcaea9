/**
 * Reading a file to replay (`handover scan --replay FILE`): a capture, or a diagnostics file whose
 * capture is replayed. The size is checked before the file is read, then the bytes go through the
 * untrusted-file guard (electron/core/util/untrusted-json.ts) and identifyHandoverFile. Every
 * failure is one sentence: "Could not replay FILE: it ...".
 */
import { readFile, stat } from 'node:fs/promises';
import type { Capture } from '../../core/capture';
import { type ReplayFile, readReplayFile } from '../../core/diagnostics/open-file';
import { err, type Result } from '../../core/util/result';
import { DEFAULT_MAX_BYTES, tooLargeMessage } from '../../core/util/untrusted-json';

/** No capture or diagnostics file comes near this; anything larger is refused before it is read. */
export const MAX_REPLAY_FILE_BYTES = DEFAULT_MAX_BYTES;

const WHAT = 'a Handover capture or diagnostics file';

/** The capture to replay and, for a diagnostics file, the file itself (whose machine, when). */
export async function readReplayFileAt(path: string): Promise<Result<ReplayFile>> {
  const fail = (reason: string) => err(`Could not replay ${path}: ${reason}`);
  try {
    const info = await stat(path);
    if (!info.isFile()) return fail('it is not a file');
    if (info.size > MAX_REPLAY_FILE_BYTES) return fail(tooLargeMessage(MAX_REPLAY_FILE_BYTES, WHAT));
    const bytes = await readFile(path);
    const result = readReplayFile(bytes, { byteLength: bytes.byteLength });
    return result.ok ? result : fail(result.error);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('there is no such file');
    return fail((error as Error).message);
  }
}

/** The capture to replay, from a capture or a diagnostics file. */
export async function readCaptureFile(path: string): Promise<Result<Capture>> {
  const file = await readReplayFileAt(path);
  return file.ok ? { ok: true, value: file.value.capture } : file;
}
