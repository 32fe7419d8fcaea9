/**
 * A private temporary folder for work files (the page the app prints to PDF): made with mkdtemp
 * under the system's temporary folder (mode 0700 on macOS and Linux: only this user may list or
 * open it; on Windows, %TEMP% is already the user's own), named with random characters only, so
 * nothing in a shared /tmp says whose it is or which machine, and removed when the work ends,
 * however it ends (exit-cleanup.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeAtExit } from './exit-cleanup';

export async function withPrivateTemporaryFolder<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'handover-'));
  const registered = removeAtExit(dir);
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
    registered();
  }
}
