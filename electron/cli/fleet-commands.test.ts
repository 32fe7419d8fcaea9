/**
 * The command line for small offices (issue 13): scan --drop-dir, scan --line, the JSON error
 * document, and fleet summarize on folders made for each test from real fixture cases (the host
 * names, machine ids and times are made up, fleet-case-capture.ts).
 */
import { readdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../test-support/temporary-folder';
import type { Capture } from '../core/capture';
import type { FleetSummary } from '../core/fleet/fleet-summary';
import { machineIdOf } from '../core/machine/machine-id';
import type { ScanOutput } from '../core/scan-output';
import { captureFromCaseDir } from '../probes/replay/case-capture';
import { asFleetMachine, madeUpMachineGuid } from '../probes/replay/fleet-case-capture';
import { DETECTION_CASES } from '../probes/replay/test-support/replayed-scans';
import { CLI_NOW, runCliCaptured as run } from './test-support/run-cli';

let kaspersky: Capture;
let defender: Capture;
beforeAll(async () => {
  kaspersky = await captureFromCaseDir(join(DETECTION_CASES, 'win-kes10-de-wsc'));
  defender = await captureFromCaseDir(join(DETECTION_CASES, 'win-defender-alone-may2024'));
});

const fleetMachine = (
  capture: Capture,
  n: number,
  hostname: string,
  capturedAt = '2026-11-28T12:00:00.000Z',
) => asFleetMachine(capture, { hostname, osMachineId: madeUpMachineGuid(n), capturedAt });

async function captureFile(capture: Capture): Promise<string> {
  const path = join(await temporaryFolder('cli-capture'), 'capture.json');
  await writeFile(path, JSON.stringify(capture));
  return path;
}

describe('handover scan --drop-dir', () => {
  it('writes <host>-<machine id>.json with the result and its capture, replacing it on each run', async () => {
    const drop = await temporaryFolder('drop');
    const input = await captureFile(fleetMachine(kaspersky, 1, 'PC-07'));
    const first = await run(['scan', '--json', '--drop-dir', drop, '--replay', input, '--region', 'US']);
    expect(first.code).toBe(3);
    const id = machineIdOf(madeUpMachineGuid(1));
    const name = `pc-07-${id.ok ? id.value : ''}.json`;
    expect(await readdir(drop)).toEqual([name]);
    expect(first.stderr).toContain(`Written to ${join(drop, name)}.`);
    const written = JSON.parse(await readFile(join(drop, name), 'utf8')) as ScanOutput;
    expect(written).toMatchObject({
      format: 'handover.scan-result',
      schemaVersion: 1,
      machine: { hostname: 'PC-07', machineId: id.ok ? id.value : '' },
      tool: { name: 'handover' },
      supportCode: expect.stringMatching(/^HND-/),
      capture: { format: 'handover.capture', host: { hostname: 'PC-07' } },
    });
    expect((JSON.parse(first.stdout) as ScanOutput).capture).toBeUndefined();
    await run([
      'scan',
      '--drop-dir',
      drop,
      '--replay',
      input,
      '--region',
      'US',
      '--now',
      '2026-12-01T00:00:00Z',
    ]);
    expect(await readdir(drop)).toEqual([name]);
    const again = JSON.parse(await readFile(join(drop, name), 'utf8')) as ScanOutput;
    expect(again.scannedAt).toBe('2026-12-01T00:00:00.000Z');
  });

  it('two machines with one name write two files', async () => {
    const drop = await temporaryFolder('drop');
    for (const n of [1, 2]) {
      const input = await captureFile(fleetMachine(defender, n, 'RECEPTION'));
      await run(['scan', '--drop-dir', drop, '--replay', input]);
    }
    expect((await readdir(drop)).filter((f) => f.startsWith('reception-'))).toHaveLength(2);
  });

  it('says so, in the form asked for, when the folder cannot be written', async () => {
    const input = await captureFile(fleetMachine(defender, 1, 'PC-01'));
    const { code, stdout } = await run([
      'scan',
      '--json',
      '--drop-dir',
      '/no/such/folder',
      '--replay',
      input,
    ]);
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toMatchObject({
      format: 'handover.error',
      error: { message: expect.stringContaining('could not write to /no/such/folder') },
    });
  });
});

describe('handover scan --json', () => {
  it('carries the support code, the tool and catalog versions and the time it was judged', async () => {
    const input = await captureFile(fleetMachine(defender, 1, 'PC-01'));
    const { stdout } = await run(['scan', '--json', '--replay', input, '--region', 'US']);
    expect(JSON.parse(stdout)).toMatchObject({
      format: 'handover.scan-result',
      schemaVersion: 1,
      scannedAt: '2026-11-29T12:00:00.000Z',
      tool: { name: 'handover', version: expect.any(String) },
      catalog: { version: expect.stringMatching(/^[0-9a-f]{16}$/) },
      supportCode: expect.stringMatching(/^HND-/),
    });
  });

  it.each([
    [
      'a mistyped option',
      ['scan', '--json', '--regoin', 'US'],
      '--regoin is not an option of handover: did you mean --region?',
    ],
    ['a missing file', ['scan', '--json', '--replay', '/no/such.json'], 'there is no such file'],
    [
      'a folder that is not there',
      ['fleet', 'summarize', '/no/such/dir', '--json'],
      'there is no folder /no/such/dir',
    ],
  ])('prints an error document for %s', async (_what, args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    const document = JSON.parse(stdout);
    expect(document).toEqual({
      format: 'handover.error',
      formatVersion: 1,
      tool: { name: 'handover', version: expect.any(String) },
      error: { message: expect.stringContaining(message) },
      exitCode: 2,
    });
    expect(stderr).toContain(message);
  });
});

describe('handover scan --line', () => {
  const line = async (capture: Capture) =>
    run(['scan', '--line', '--replay', await captureFile(capture), '--region', 'US']);

  it('one line, the level first; exit 0 only for a protected machine', async () => {
    const good = await line(fleetMachine(defender, 1, 'PC-01'));
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(
      /^HND1 level=protected host=PC-01 id=[0-9a-f]{8} banned=none protect=[\w.:-]+ code=HND-\S+ scanned=2026-11-28 \| /,
    );
    expect(good.stdout.trimEnd().split('\n')).toHaveLength(1);
    const bad = await line(fleetMachine(kaspersky, 2, 'PC-07'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^HND1 level=unprotected .* banned=[\w.-]+:791d /);
  });

  it('a scan that could not run reads as an issue (exit 1), never as "no issue"', async () => {
    const { code, stdout } = await run(['scan', '--line', '--replay', '/no/such.json']);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^HND1 level=error \| could not run: Could not replay \/no\/such\.json: there is no such file\n$/,
    );
  });

  it('fits 255 characters for a Datto RMM field, whatever the names', async () => {
    const long = asFleetMachine(kaspersky, {
      hostname: `PC-${'X'.repeat(300)}`,
      osMachineId: madeUpMachineGuid(3),
      capturedAt: '2026-11-28T12:00:00.000Z',
    });
    const { stdout } = await run([
      'scan',
      '--line',
      '--max-chars',
      '255',
      '--replay',
      await captureFile(long),
      '--region',
      'US',
    ]);
    const line = stdout.trimEnd();
    expect(line.length).toBeLessThanOrEqual(255);
    expect(line).toMatch(/^HND1 level=unprotected host=PC-X+ /);
    const refused = await run(['scan', '--line', '--max-chars', '3000']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('--max-chars must be a whole number from 80 to 2048');
  });
});

describe('handover fleet summarize', () => {
  async function fleetFolder(): Promise<string> {
    const dir = await temporaryFolder('fleet');
    const files: [string, Capture][] = [
      ['pc-01.json', fleetMachine(defender, 1, 'PC-01')],
      ['pc-07.json', fleetMachine(kaspersky, 7, 'PC-07', '2026-10-29T12:00:00.000Z')],
      ['pc-07-old.json', fleetMachine(kaspersky, 7, 'PC-07', '2026-10-01T12:00:00.000Z')],
    ];
    for (const [name, capture] of files) await writeFile(join(dir, name), JSON.stringify(capture));
    return dir;
  }

  it('prints the table: totals, one row per machine, banned, stale, duplicates; exit 1', async () => {
    const dir = await fleetFolder();
    const { code, stdout } = await run(['fleet', 'summarize', dir, '--region', 'US', '--no-cache']);
    expect(code).toBe(1);
    expect(stdout).toContain(`Fleet: 2 machines in ${dir}, judged 2026-11-29 12:00 UTC`);
    expect(stdout).toContain('Levels: Protected 1, At risk 0, Not protected 1, Cannot tell 0');
    expect(stdout).toMatch(/\nNot protected\s+PC-07\s+[0-9a-f]{8}\s+2026-10-29 STALE/);
    expect(stdout).toMatch(
      /Machines that still have a banned product:\n- PC-07: Kaspersky .*: 791 days since its updates stopped \(us-bis-icts-2024\)/,
    );
    expect(stdout).toContain('Machines silent for more than 7 days:\n- PC-07: last scanned 31 days ago');
    expect(stdout).toMatch(
      /Files with the same machine id \(the newest is the one counted\):\n- [0-9a-f]{32}: pc-07\.json .* counted; pc-07-old\.json/,
    );
  });

  it('--json is the documented summary; exit 0 when every machine is protected and fresh', async () => {
    const dir = await temporaryFolder('fleet');
    await writeFile(join(dir, 'pc-01.json'), JSON.stringify(fleetMachine(defender, 1, 'PC-01')));
    const { code, stdout } = await run(['fleet', 'summarize', dir, '--json', '--region', 'US', '--no-cache']);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as FleetSummary;
    expect(summary).toMatchObject({
      format: 'handover.fleet-summary',
      formatVersion: 1,
      judgedAt: '2026-11-29T12:00:00.000Z',
      staleDays: 7,
      totals: { machines: 1, byLevel: { protected: 1 }, skipped: 0 },
    });
    expect(summary.rows[0]).toMatchObject({
      machine: 'PC-01',
      level: 'protected',
      staleDays: 1,
      stale: false,
    });
  });

  it('--stale-days moves the line between fresh and silent', async () => {
    const dir = await fleetFolder();
    const { stdout } = await run(['fleet', 'summarize', dir, '--json', '--stale-days', '60', '--no-cache']);
    expect((JSON.parse(stdout) as FleetSummary).totals.stale).toBe(0);
  });

  it('--csv and --html to a file, and to standard output with --out -', async () => {
    const dir = await fleetFolder();
    const out = join(await temporaryFolder('fleet-out'), 'fleet.csv');
    await run(['fleet', 'summarize', dir, '--csv', '--out', out, '--no-cache']);
    const csv = await readFile(out, 'utf8');
    expect(csv.startsWith('\uFEFFmachine,machine id,')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
    const html = await run(['fleet', 'summarize', dir, '--html', '--out', '-', '--no-cache']);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(html.stdout).toContain('<svg role="img"');
  });

  it('treats every file as hostile: each is skipped with its reason, nothing crashes', async () => {
    const dir = await temporaryFolder('fleet');
    const outside = await temporaryFolder('outside');
    await writeFile(join(dir, 'pc-01.json'), JSON.stringify(fleetMachine(defender, 1, 'PC-01')));
    await writeFile(join(outside, 'elsewhere.json'), JSON.stringify(fleetMachine(defender, 2, 'ELSEWHERE')));
    await symlink(join(outside, 'elsewhere.json'), join(dir, 'link.json'));
    await writeFile(join(dir, 'huge.json'), '');
    await truncate(join(dir, 'huge.json'), 60 * 1024 * 1024);
    await writeFile(join(dir, 'deep.json'), `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    await writeFile(join(dir, 'broken.json'), '{"format":"handover.capture",');
    await writeFile(
      join(dir, 'junk.bin'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]),
    );
    await writeFile(join(dir, 'evil\u001b]52;c;aGk=\u0007.json'), 'null');
    await writeFile(
      join(dir, 'report.json'),
      JSON.stringify({ format: 'handover.report', formatVersion: 2 }),
    );
    const { code, stdout } = await run(['fleet', 'summarize', dir, '--json', '--no-cache']);
    expect(code).toBe(1);
    const summary = JSON.parse(stdout) as FleetSummary;
    expect(summary.rows.map((r) => r.machine)).toEqual(['PC-01']);
    expect(Object.fromEntries(summary.skipped.map((s) => [s.file, s.reason]))).toEqual({
      'link.json': expect.stringContaining('symbolic link, which is never followed'),
      'huge.json': expect.stringMatching(/^it is larger than 50 MB/),
      'deep.json': expect.stringMatching(/nested more than 64 levels deep/),
      'broken.json': 'it is cut short (truncated)',
      'junk.bin': expect.stringContaining('it is not text'),
      'evil\u001b]52;c;aGk=\u0007.json': expect.stringContaining('it is not a Handover'),
      'report.json': expect.stringContaining('a Handover report, which holds no capture'),
    });
    // The table shows the hostile name escaped, never raw.
    const table = await run(['fleet', 'summarize', dir, '--no-cache']);
    expect(table.stdout).toContain('evil[U+001B]]52;c;aGk=[U+0007].json');
    expect(table.stdout).not.toContain('\u001b');
  });

  it("keeps its cache in the app data folder, never in the folder, and judges cached files with today's clock", async () => {
    const dir = await temporaryFolder('fleet');
    const home = await temporaryFolder('home');
    const env = { XDG_CONFIG_HOME: home, APPDATA: home, HOME: home };
    await writeFile(join(dir, 'pc-01.json'), JSON.stringify(fleetMachine(defender, 1, 'PC-01')));
    const first = JSON.parse(
      (await run(['fleet', 'summarize', dir, '--json'], CLI_NOW, env)).stdout,
    ) as FleetSummary;
    expect(await readdir(dir)).toEqual(['pc-01.json']);
    expect(await readdir(join(home, 'Handover', 'fleet-cache'))).toHaveLength(1);
    const second = JSON.parse(
      (await run(['fleet', 'summarize', dir, '--json'], CLI_NOW, env)).stdout,
    ) as FleetSummary;
    expect(second).toEqual(first);
    const later = JSON.parse(
      (await run(['fleet', 'summarize', dir, '--json', '--now', '2026-12-29T12:00:00Z'], CLI_NOW, env))
        .stdout,
    ) as FleetSummary;
    expect(later.rows[0]).toMatchObject({ machine: 'PC-01', staleDays: 31, stale: true });
  });

  it('refuses what it cannot run with exit 2', async () => {
    expect((await run(['fleet', 'summarize'])).code).toBe(2);
    expect((await run(['fleet', 'sumarize', '.'])).stderr).toContain(
      'did you mean "handover fleet summarize"?',
    );
    expect((await run(['fleet', 'summarize', '.', '--csv', '--html'])).stderr).toContain('choose one');
    expect((await run(['fleet', 'summarize', '.', '--stale-days', 'week'])).stderr).toContain(
      '--stale-days must be a whole number',
    );
  });
});
