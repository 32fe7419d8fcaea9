import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolderForSuite } from '../../test-support/temporary-folder';
import type { ScanResult } from '../api/contract';
import { buildDiagnosticsFile } from '../core/diagnostics/build-diagnostics';
import { readReport } from '../core/report/parse-report';
import { decodeSupportCode } from '../core/support-code/support-code';
import { captureFromCaseDir } from '../probes/replay/case-capture';
import { runCli } from './main';

const CASES = resolve(import.meta.dirname, '../../fixtures/detection');
const suiteDir = temporaryFolderForSuite('cli');
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
  dir = suiteDir();
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
    // The code to read out over the phone, and it decodes to what was printed.
    const supportCode =
      /Support code: (HND-\w{4}-\w{4}) \(read it to whoever helps you\)\./.exec(stdout)?.[1] ?? '';
    const facts = decodeSupportCode(supportCode);
    expect(facts.ok && facts.value).toMatchObject({ verdict: 'unprotected', region: 'US', step: null });
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
    expect(stderr).toMatch(
      /Could not replay .*garbage\.json: it is not a Handover diagnostics file, report or capture/,
    );
  });
});

describe('handover report', () => {
  it('writes the JSON report of a replayed capture, with its support code, and exits like scan', async () => {
    const out = join(dir, 'report.json');
    const { code, stderr } = await run([
      'report',
      '--replay',
      join(dir, 'kes.json'),
      '--region',
      'US',
      '--format',
      'json',
      '--out',
      out,
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `Report written to ${out}: Your antivirus stopped receiving updates 791 days ago.`,
    );
    const report = readReport(JSON.parse(await readFile(out, 'utf8')));
    expect(report.ok && report.value.detections.map((d) => d.name)).toContain(
      'Kaspersky Endpoint Security for Windows',
    );
    expect(report.ok && report.value.supportCode).toMatch(/^HND-[0-9A-Y]{4}-[0-9A-Y]{4}$/);
    expect(report.ok && report.value.app.host).toBe('cli');
  });

  it('writes the self-contained page', async () => {
    const out = join(dir, 'report.html');
    const { code } = await run([
      'report',
      '--replay',
      join(dir, 'bitdefender.json'),
      '--format',
      'html',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Bitdefender');
    expect(html).not.toMatch(/<script/i);
  });

  it('refuses PDF, a missing --out and an unknown format with exit code 2', async () => {
    for (const args of [
      ['report', '--format', 'pdf', '--out', join(dir, 'r.pdf')],
      ['report', '--format', 'json'],
      ['report', '--out', join(dir, 'r.json')],
    ]) {
      const { code, stderr } = await run(args);
      expect(code).toBe(2);
      expect(stderr).toMatch(/--format|--out/);
    }
  });
});

describe('handover scan --replay on a diagnostics file', () => {
  it('says whose machine and when, and judges it as the sender saw it', async () => {
    const capture = {
      ...(await captureFromCaseDir(join(CASES, 'win-kes10-de-wsc'), '2025-02-28T10:00:00.000Z')),
      host: { hostname: 'ALICE-PC', locale: { env: {} } },
    };
    const built = buildDiagnosticsFile(
      { capture, report: null, log: [] },
      { createdAt: '2025-03-01T09:00:00.000Z', appVersion: '0.1.0', hidePersonalDetails: true },
    );
    if (!built.ok) throw new Error(built.error);
    const path = join(dir, 'diagnostics.json');
    await writeFile(path, JSON.stringify(built.value));
    const { code, stdout, stderr } = await run(['scan', '--replay', path, '--region', 'US']);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^Diagnostics from host-1 \(Windows\): scanned 2025-02-28 10:00 UTC, saved 2025-03-01 09:00 UTC\. Read-only; personal details were hidden\./,
    );
    expect(stderr + stdout).not.toMatch(/alice/i);
    // Judged at the capture's own time (no report inside says otherwise), not at the test's clock.
    expect(stdout).toContain('Your antivirus stopped receiving updates 152 days ago.');
    const now = await run(['scan', '--replay', path, '--region', 'US', '--now', '2026-11-29T12:00:00Z']);
    expect(now.stdout).toContain('791 days ago');
  });
});
