import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../api/contract';
import { captureFromCaseDir } from '../probes/replay/case-capture';
import { runCli } from './main';

const CASES = resolve(import.meta.dirname, '../../fixtures/detection');
let dir: string;

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: {},
    now: () => new Date('2026-11-29T12:00:00Z'),
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'handover-cli-'));
  await writeFile(
    join(dir, 'kes.json'),
    JSON.stringify(await captureFromCaseDir(join(CASES, 'win-kes10-de-wsc'))),
  );
  await writeFile(
    join(dir, 'bitdefender.json'),
    JSON.stringify(await captureFromCaseDir(join(CASES, 'win10-bitdefender-defender-off-thm'))),
  );
});

describe('handover scan --replay', () => {
  it('prints a short plain verdict and exits 1 when action is needed', async () => {
    const { code, stdout } = await run(['scan', '--replay', join(dir, 'kes.json'), '--region', 'us']);
    expect(code).toBe(1);
    expect(stdout).toContain('NOT PROTECTED: Your antivirus stopped receiving updates 791 days ago.');
    expect(stdout).toContain('Updates ended on 29 September 2024 (791 days ago).');
    expect(stdout).toContain('Region: United States (US), set by you.');
  });

  it('exits 0 for a protected machine, and --json prints the documented shape', async () => {
    const { code, stdout } = await run([
      'scan',
      '--json',
      '--replay',
      join(dir, 'bitdefender.json'),
      '--region',
      'US',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as ScanResult;
    expect(result.schemaVersion).toBe(1);
    expect(result.verdict.level).toBe('protected');
    expect(result.detections.map((d) => d.vendor).sort()).toEqual(['Bitdefender', 'Microsoft']);
  });

  it('--now moves the clock: before the cutoff the same machine is at risk, not unprotected', async () => {
    const { stdout } = await run([
      'scan',
      '--replay',
      join(dir, 'kes.json'),
      '--region',
      'US',
      '--now',
      '2024-09-17T12:00:00Z',
    ]);
    expect(stdout).toContain(
      'AT RISK: Your antivirus stops receiving updates in 11 days, on 29 September 2024.',
    );
  });
});

describe('handover could not run (exit 2)', () => {
  it.each([
    ['a missing replay file', ['scan', '--replay', '/no/such/capture.json'], /there is no such file/],
    ['a bad region', ['scan', '--region', 'USA'], /two-letter country code/],
    ['a bad date', ['scan', '--now', 'yesterday'], /ISO 8601/],
    ['an unknown command', ['uninstall'], /Unknown command "uninstall"/],
    ['an unknown option', ['scan', '--fast'], /Unknown option '--fast'/],
  ])('%s', async (_name, args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('a capture from a newer Handover', async () => {
    const path = join(dir, 'newer.json');
    await writeFile(path, JSON.stringify({ format: 'handover.capture', formatVersion: 2 }));
    const { code, stderr } = await run(['scan', '--replay', path]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/made by a newer Handover \(capture format 2\)/);
  });

  it('a file that is not a capture', async () => {
    const path = join(dir, 'garbage.json');
    await writeFile(path, 'MZ\u0000\u0001 this is not JSON');
    const { code, stderr } = await run(['scan', '--replay', path]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Could not replay .*garbage\.json: it is not valid JSON/);
  });
});
