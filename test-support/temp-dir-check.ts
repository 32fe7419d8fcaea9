/**
 * Run-wide setup for Vitest and Playwright: every test run gets a fresh, empty temporary folder
 * (TMPDIR, and TEMP/TMP for Windows), so nothing a test writes lands among the machine's own
 * temporary files, and at the end of the run that folder must be empty again: a test or a piece
 * of the app that leaves a file or folder behind fails the run, naming what it left.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const VARIABLES = ['TMPDIR', 'TEMP', 'TMP'] as const;

/** Points the run's temporary folder at a fresh one; returns the check that runs at the end. */
export function isolateTempDir(runner: string): () => void {
  const previous = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  const dir = mkdtempSync(join(tmpdir(), `handover-${runner}-run-`));
  for (const name of VARIABLES) process.env[name] = dir;
  return () => {
    const left = readdirSync(dir);
    rmSync(dir, { recursive: true, force: true });
    for (const name of VARIABLES) {
      const value = previous[name];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    if (left.length > 0) {
      // Vitest reports an error thrown here but still exits 0: the exit code says it too.
      process.exitCode = 1;
      throw new Error(
        `The ${runner} run left ${left.length} temporary ${left.length === 1 ? 'entry' : 'entries'} behind: ${left.sort().join(', ')}. A test that makes a temporary folder must remove it (test-support/temporary-folder.ts does).`,
      );
    }
  };
}
