/**
 * For unit tests: a temporary folder that is removed when the test that made it ends, passed or
 * failed. Made under os.tmpdir(), which during a test run is the run's own folder
 * (test-support/temp-dir-check.ts), so a folder a test forgets shows up there.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, onTestFinished } from 'vitest';

/** Call it in a test or in a beforeEach: the folder goes when that test finishes. */
export async function temporaryFolder(purpose: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `handover-${purpose}-`));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * For a whole test file: call it at the top level, before the file's own beforeAll that uses the
 * folder; the folder is made before the first test and removed after the last. Returns a getter.
 */
export function temporaryFolderForSuite(purpose: string): () => string {
  let dir: string | null = null;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), `handover-${purpose}-`));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error('The suite folder exists only from the first beforeAll to the last afterAll');
    return dir;
  };
}
