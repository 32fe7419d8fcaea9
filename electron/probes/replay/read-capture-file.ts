import { readFile, stat } from 'node:fs/promises';
import type { Capture } from '../../core/capture';
import { parseCaptureText } from '../../core/capture-file';
import { err, type Result } from '../../core/util/result';

/** Captures are text and rarely above a few MB; anything far larger is not one. */
export const MAX_CAPTURE_BYTES = 64 * 1024 * 1024;

/** Reads a capture file for replay. Every failure is a sentence: "could not replay FILE: it ...". */
export async function readCaptureFile(path: string): Promise<Result<Capture>> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return err(`Could not replay ${path}: it is not a file`);
    if (info.size > MAX_CAPTURE_BYTES)
      return err(`Could not replay ${path}: it is larger than 64 MB, so it is not a capture`);
    const result = parseCaptureText(await readFile(path, 'utf8'));
    return result.ok ? result : err(`Could not replay ${path}: ${result.error}`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return err(`Could not replay ${path}: there is no such file`);
    return err(`Could not replay ${path}: ${(error as Error).message}`);
  }
}
