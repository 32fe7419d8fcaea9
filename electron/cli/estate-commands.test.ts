/**
 * `handover osquery pack`, `handover fleet gitops` and `handover import` on the command line: what
 * they write, what they refuse and their exit codes. Input shapes as their readers cite them
 * (osqueryi: osquery/devtools/printer.cpp; fleetctl: fleetdm/fleet cmd/fleetctl/fleetctl/
 * query_output.go); rows made for the test in the Handover queries' columns.
 */
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../test-support/temporary-folder';
import { checkCapture } from '../core/capture-file';
import { loadCatalog } from '../core/catalog/load-catalog';
import { fleetGitopsFiles } from '../core/osquery/fleet-gitops';
import { defenderRow, WSP } from '../core/osquery/import/test-support/handover-rows';
import { osqueryPackText } from '../core/osquery/osquery-pack';
import { parseCli } from './parse-args';
import { runCliCaptured } from './test-support/run-cli';

const NOW = '2026-11-29T12:00:00Z';
const run = (args: string[]) => runCliCaptured(args, NOW);
const defender = defenderRow;
const osVersion = {
  handover_query: 'handover-os-version',
  handover_row: '1',
  name: 'Microsoft Windows 11 Pro',
  version: '10.0.22631',
  major: '10',
  minor: '0',
  build: '22631',
  platform: 'windows',
  arch: '64-bit',
};
const printed = (rows: readonly object[]) =>
  `[\n${rows.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]\n`;

describe('handover osquery pack and handover fleet gitops', () => {
  it('prints the pack, the same bytes as the generator', async () => {
    const { code, stdout } = await run(['osquery', 'pack']);
    expect(code).toBe(0);
    expect(stdout).toBe(osqueryPackText(loadCatalog()));
  });

  it('writes the two GitOps files into the folder', async () => {
    const dir = join(await temporaryFolder('gitops'), 'lib');
    const { code, stderr } = await run(['fleet', 'gitops', '--out', dir]);
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['handover.policies.yml', 'handover.reports.yml']);
    for (const file of fleetGitopsFiles(loadCatalog()))
      expect(await readFile(join(dir, file.name), 'utf8')).toBe(file.text);
    expect(stderr).toContain('handover.policies.yml');
  });

  it('says what a mistyped estate command needs', () => {
    expect(parseCli(['fleet', 'gitops'])).toMatchObject({
      ok: false,
      error: { message: '"handover fleet gitops" needs --out DIR, the folder to write the two files into' },
    });
    expect(parseCli(['osquery', 'packs'])).toMatchObject({
      ok: false,
      error: { message: '"handover osquery" takes one command: pack' },
    });
    expect(parseCli(['import', 'x.log', '--out', 'dir'])).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/needs --from osquery-log, osqueryi, fleetctl, fleet-report/) },
    });
    expect(parseCli(['import', '--from', 'osqueryi', 'x.json', '--out', 'dir'])).toMatchObject({
      ok: false,
      error: {
        message: 'osqueryi output names no computer: give it with --host NAME (one computer per import)',
      },
    });
    expect(
      parseCli(['import', '--from', 'fleetctl', 'x.json', '--out', 'dir', '--host', 'pc']),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/--host is for osqueryi output only/) },
    });
    expect(parseCli(['scan', '--from', 'osqueryi'])).toMatchObject({
      ok: false,
      error: { message: '"handover scan" does not take --from (see the usage below)' },
    });
  });
});

describe('handover import', () => {
  it('osqueryi output: one capture for the host given, judged like any capture', async () => {
    const dir = await temporaryFolder('import-osqueryi');
    const file = join(dir, 'pc-07.json');
    await writeFile(file, printed([osVersion]) + printed([defender]));
    const out = join(dir, 'captures');
    const imported = await run(['import', '--from', 'osqueryi', file, '--out', out, '--host', 'PC-07']);
    expect(imported.code).toBe(0);
    expect(readdirSync(out)).toEqual(['PC-07.json']);
    const capture = JSON.parse(await readFile(join(out, 'PC-07.json'), 'utf8'));
    expect(checkCapture(capture).ok).toBe(true);
    expect(capture).toMatchObject({
      formatVersion: 2,
      platform: 'windows',
      origin: { kind: 'osquery', via: 'osqueryi', hostIdentifier: 'PC-07' },
      records: [
        { probe: 'osquery.os-version', kind: 'osquery', query: 'handover-os-version', rows: [osVersion] },
        { probe: 'osquery.windows-security-products', kind: 'osquery', query: WSP, rows: [defender] },
      ],
    });
    const scanned = await run(['scan', '--replay', join(out, 'PC-07.json'), '--region', 'US']);
    expect(scanned.code).toBe(0);
    expect(scanned.stdout).toContain('Microsoft Defender Antivirus is protecting this computer.');
  });

  it('fleetctl output of several hosts: one capture each; exit 1 when one of the files gave nothing', async () => {
    const dir = await temporaryFolder('import-fleetctl');
    const live = join(dir, 'live.json');
    await writeFile(
      live,
      [
        JSON.stringify({ host: 'PC-07', rows: [defender] }),
        JSON.stringify({ host: 'PC-08', rows: [defender] }),
        JSON.stringify({ host: 'PC-09', rows: [osVersion] }),
      ].join('\n'),
    );
    const out = join(dir, 'captures');
    const { code, stderr } = await run(['import', '--from', 'fleetctl', live, '--out', out]);
    expect(readdirSync(out).sort()).toEqual(['PC-07.json', 'PC-08.json', 'PC-09.json']);
    expect(code).toBe(0);
    expect(stderr).toContain('Imported 3 computers into');
    const other = join(dir, 'other.json');
    await writeFile(other, JSON.stringify({ host: 'PC-07', rows: [{ model: 'USB 2.0 Hub' }] }));
    const mixed = await run(['import', '--from', 'fleetctl', live, other, '--out', out]);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain(`Refused: ${other} holds no answer of a Handover query`);
  });

  it('refuses a differential-only results log with the reason, and exits 2', async () => {
    const dir = await temporaryFolder('import-diff');
    const log = join(dir, 'osqueryd.results.log');
    await writeFile(
      log,
      `${JSON.stringify({ name: `pack/Global/${WSP}`, hostIdentifier: 'PC-07', calendarTime: 'Sun Nov 29 11:00:00 2026 UTC', unixTime: 1_796_468_400, epoch: 0, counter: 1, numerics: false, columns: defender, action: 'added' })}\n`,
    );
    const { code, stderr } = await run(['import', '--from', 'osquery-log', log, '--out', join(dir, 'out')]);
    expect(code).toBe(2);
    expect(stderr).toContain(`Refused: ${log} holds only differential results`);
    expect(stderr).toContain('handover: nothing was imported.');
    expect(readdirSync(dir)).toEqual(['osqueryd.results.log']);
  });

  it('says so when a file cannot be read', async () => {
    const dir = await temporaryFolder('import-missing');
    const { code, stderr } = await run([
      'import',
      '--from',
      'fleet-report',
      join(dir, 'missing.json'),
      '--out',
      join(dir, 'out'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Refused: could not read .*missing\.json/);
  });
});
