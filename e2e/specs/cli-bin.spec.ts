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

test('a closed pipe ends the output quietly: no EPIPE stack trace, the exit code stands', async () => {
  const { spawn } = await import('node:child_process');
  // `handover capture | head -c 100`: the reader goes away after the first bytes.
  const child = spawn(process.execPath, [join(ROOT, 'out/cli/handover.cjs'), 'capture'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((done) => child.on('close', done));
  expect(stderr).not.toMatch(/EPIPE|Error|at .*\(/);
  expect(code).toBe(0);
});
