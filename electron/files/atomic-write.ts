import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { removeAtExit } from './exit-cleanup';

/**
 * The temporary name: random, so it says nothing of the file it becomes (a drop file is named by
 * its host, issue 13 §0) and two writers never share one; a leading dot, so listings hide it.
 */
const TEMPORARY_NAME = /^\.handover-[0-9a-f]{12}\.tmp$/;

/** Whether a file name is one writeFileAtomic writes before renaming (a reader skips it). */
export const isAtomicWriteTemporary = (name: string) => TEMPORARY_NAME.test(name);

/**
 * Writes a file so that readers see the old content or the new, never half of it: write a
 * temporary file beside the target, then rename over it (rename is atomic within a folder; on
 * Windows, Node's rename is MoveFileEx with MOVEFILE_REPLACE_EXISTING). The temporary file is
 * removed on every failure.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.handover-${randomBytes(6).toString('hex')}.tmp`);
  const registered = removeAtExit(temporary);
  try {
    await writeFile(temporary, content, { flag: 'wx', mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    registered();
  }
}
