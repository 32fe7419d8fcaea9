/**
 * The command line as a person runs it after `npm ci` or `npm run build`: `npx handover`, through
 * package.json's "bin" (which must be executable), on plain Node. Not a browser test; it sits
 * with the e2e tests because it needs the build.
 */
import { execFile } from 'node:child_process';
import { access, constants, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

test('npx handover runs the built command, which writes a report', async () => {
  await access(join(ROOT, 'out/cli/handover.cjs'), constants.X_OK);
  const version = await run('npx', ['--no-install', 'handover', '--version'], { cwd: ROOT });
  expect(version.stdout).toMatch(/^handover \d+\.\d+\.\d+/);

  // Exit codes 1, 3 and 4 (at risk, not protected, cannot tell) are results, not failures:
  // execFile rejects, so read them off the error. 2 (could not run) is a failure.
  const dir = await mkdtemp(join(tmpdir(), 'handover-cli-bin-'));
  const out = join(dir, 'report.json');
  const report = await run('npx', ['--no-install', 'handover', 'report', '--format', 'json', '--out', out], {
    cwd: ROOT,
  }).catch((error: { code: number; stderr: string }) => error);
  expect([0, 1, 3, 4]).toContain('code' in report ? report.code : 0);
  expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({
    format: 'handover.report',
    formatVersion: 2,
  });
  await rm(dir, { recursive: true, force: true });
});
