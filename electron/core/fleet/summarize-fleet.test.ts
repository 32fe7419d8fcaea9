import { beforeAll, describe, expect, it } from 'vitest';
import { captureFromCaseDir } from '../../probes/replay/case-capture';
import { asFleetMachine, madeUpMachineGuid } from '../../probes/replay/fleet-case-capture';
import { DETECTION_CASES } from '../../probes/replay/test-support/replayed-scans';
import type { Capture } from '../capture';
import { loadCatalog } from '../catalog/load-catalog';
import { machineIdOf } from '../machine/machine-id';
import { HOSTILE_TEXT_SAMPLES, survivesAsInertText } from '../util/untrusted-json';
import { fleetCsv } from './fleet-csv';
import { fleetHtml } from './fleet-html';
import type { FleetRow } from './fleet-summary';
import { fleetAllWell } from './fleet-summary';
import { fleetText } from './fleet-text';
import { judgeFleetFile, prepareFleetFile } from './judge-fleet-file';
import { summarizeFleet } from './summarize-fleet';

const catalog = loadCatalog();
const NOW = new Date('2026-11-29T12:00:00Z');
const FACTS = {
  judgedAt: NOW,
  version: 'test',
  catalogVersion: 'c',
  folder: '/srv/fleet',
  staleDays: 7,
  region: 'US',
};
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

let kaspersky: Capture;
let defender: Capture;
beforeAll(async () => {
  kaspersky = await captureFromCaseDir(`${DETECTION_CASES}/win-kes10-de-wsc`);
  defender = await captureFromCaseDir(`${DETECTION_CASES}/win-defender-alone-may2024`);
});

function rowOf(capture: Capture, file: string, now = NOW, staleDays = 7): FleetRow {
  const prepared = prepareFleetFile(bytes(capture), catalog);
  if (!prepared.ok) throw new Error(prepared.error);
  return judgeFleetFile(file, prepared.value, catalog, { now, regionOverride: 'US', staleDays });
}

const machine = (capture: Capture, n: number, hostname: string, capturedAt: string) =>
  asFleetMachine(capture, { hostname, osMachineId: madeUpMachineGuid(n), capturedAt });

describe('a fleet row', () => {
  it("is judged with today's clock: a scan from last month shows today's days since the cutoff", () => {
    const capture = machine(kaspersky, 1, 'PC-07', '2026-10-29T12:00:00.000Z');
    const today = rowOf(capture, 'pc-07.json');
    const later = rowOf(capture, 'pc-07.json', new Date('2026-12-29T12:00:00Z'));
    expect(today).toMatchObject({
      machine: 'PC-07',
      machineId: machineIdOf(madeUpMachineGuid(1)).ok ? expect.stringMatching(/^[0-9a-f]{32}$/) : null,
      scannedAt: '2026-10-29T12:00:00.000Z',
      staleDays: 31,
      stale: true,
      kind: 'capture',
    });
    expect(today.banned).toEqual([
      expect.objectContaining({ banId: 'us-bis-icts-2024', daysSinceCutoff: 791 }),
    ]);
    expect(later.banned[0]?.daysSinceCutoff).toBe(821);
    expect(today.supportCode).toMatch(/^HND-/);
    expect(today.reasons.length).toBeGreaterThan(0);
  });

  it('names what protects a machine', () => {
    const row = rowOf(machine(defender, 2, 'PC-01', '2026-11-28T12:00:00.000Z'), 'pc-01.json');
    expect(row.banned).toEqual([]);
    expect(row.stale).toBe(false);
    expect(row.staleDays).toBe(1);
  });

  it('reads a drop file (a scan result with its capture) and refuses one without it', () => {
    const capture = machine(defender, 3, 'PC-03', '2026-11-28T12:00:00.000Z');
    const drop = { format: 'handover.scan-result', schemaVersion: 1, capture };
    const prepared = prepareFleetFile(bytes(drop), catalog);
    expect(prepared.ok && prepared.value.kind).toBe('scan-result');
    const bare = prepareFleetFile(bytes({ format: 'handover.scan-result', schemaVersion: 1 }), catalog);
    expect(bare).toMatchObject({ ok: false, error: expect.stringContaining('without its capture') });
  });
});

describe('the fleet summary', () => {
  it('keeps the newest file of a machine id and lists both; machines with one name stay apart', () => {
    const older = rowOf(machine(kaspersky, 1, 'PC-07', '2026-11-01T12:00:00.000Z'), 'old-pc-07.json');
    const newer = rowOf(machine(defender, 1, 'PC-07', '2026-11-28T12:00:00.000Z'), 'pc-07.json');
    const namesake = rowOf(machine(kaspersky, 2, 'PC-07', '2026-11-28T12:00:00.000Z'), 'pc-07-other.json');
    const summary = summarizeFleet(
      [older, namesake, newer],
      [{ file: 'junk.bin', reason: 'it is not text' }],
      FACTS,
    );
    expect(summary.rows.map((r) => r.file).sort()).toEqual(['pc-07-other.json', 'pc-07.json']);
    expect(summary.duplicates).toEqual([
      {
        machineId: newer.machineId,
        files: [
          { file: 'pc-07.json', machine: 'PC-07', scannedAt: '2026-11-28T12:00:00.000Z' },
          { file: 'old-pc-07.json', machine: 'PC-07', scannedAt: '2026-11-01T12:00:00.000Z' },
        ],
      },
    ]);
    expect(summary.totals).toMatchObject({ machines: 2, banned: 1, duplicates: 1, skipped: 1 });
    expect(summary.totals.byLevel[namesake.level]).toBeGreaterThan(0);
    // Worst first.
    expect(summary.rows[0]?.file).toBe('pc-07-other.json');
    expect(fleetAllWell(summary)).toBe(false);
  });

  it('is all well only when every machine is protected and fresh and every file was read', () => {
    const good = rowOf(machine(defender, 4, 'PC-04', '2026-11-29T10:00:00.000Z'), 'pc-04.json');
    expect(good.level).toBe('protected');
    expect(fleetAllWell(summarizeFleet([good], [], FACTS))).toBe(true);
    expect(fleetAllWell(summarizeFleet([], [], FACTS))).toBe(false);
    expect(fleetAllWell(summarizeFleet([{ ...good, stale: true }], [], FACTS))).toBe(false);
    expect(fleetAllWell(summarizeFleet([good], [{ file: 'x', reason: 'y' }], FACTS))).toBe(false);
  });
});

describe('the outputs', () => {
  const hostile = (text: string, n: number) =>
    rowOf(machine(kaspersky, 10 + n, text, '2026-11-28T12:00:00.000Z'), `${text}.json`);

  it('CSV: every hostile name comes out as inert text, formulas behind a quote', () => {
    const rows = HOSTILE_TEXT_SAMPLES.map(hostile);
    const csv = fleetCsv(rows);
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      'machine,machine id,platform,scanned at,days since scanned,stale,level,headline,banned products,protected by,reasons,support code,file',
    );
    HOSTILE_TEXT_SAMPLES.forEach((text, i) => {
      const cell = (lines[i + 1] ?? '').match(/^("(?:[^"]|"")*"|[^,]*)/)?.[0] ?? '';
      expect(survivesAsInertText(text, cell, 'csv'), cell).toBe(true);
    });
    expect(fleetCsv(rows, { bom: true }).startsWith('\uFEFF')).toBe(true);
  });

  it('HTML: one page that loads nothing, every value escaped, a chart with a text alternative', () => {
    const summary = summarizeFleet(HOSTILE_TEXT_SAMPLES.map(hostile), [], FACTS);
    const page = fleetHtml(summary);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(page).not.toMatch(/<script|<img/i);
    expect(page).toMatch(/<svg role="img" aria-labelledby="chart-title"/);
    expect(page).toMatch(/<title id="chart-title">Machines by level: Protected: \d+, At risk: \d+/);
    expect(page).toContain('&lt;script&gt;alert(&quot;handover&quot;)&lt;/script&gt;');
    expect(page).toContain('@media print');
  });

  it('the table keeps each value on one line and shows hidden characters', () => {
    const summary = summarizeFleet(
      [hostile('PC\u001b]52;c;aGk=\u0007\nVerdict: protected', 0)],
      [{ file: 'bad\u202Ename.json', reason: 'it is not text' }],
      FACTS,
    );
    const text = fleetText(summary);
    for (const hidden of ['\u001b', '\u0007', '\u202e']) expect(text).not.toContain(hidden);
    expect(text).toContain('PC[U+001B]]52;c;aGk=[U+0007] Verdict:');
    expect(text.split('\n').filter((l) => l.startsWith('Verdict'))).toEqual([]);
    expect(text).toContain('- bad[U+202E]name.json: it is not text');
    expect(text).toMatch(/^Fleet: 1 machine in \/srv\/fleet/);
  });
});
