/**
 * The Fleet screen's handlers through the real handler table: a folder made for the test from
 * real cases (made-up names and ids, fleet-case-capture.ts), the real summary, one machine opened
 * read-only and closed again, the CSV saved; only files the summary lists are ever opened.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../test-support/temporary-folder';
import { createRotatingLog } from '../files/rotating-log';
import { createReplayCaptureSource } from '../probes/capture-source';
import { captureFromCaseDir } from '../probes/replay/case-capture';
import { asFleetMachine, madeUpMachineGuid } from '../probes/replay/fleet-case-capture';
import { DETECTION_CASES } from '../probes/replay/test-support/replayed-scans';
import { createHandlers } from './handlers';
import { helpDeskFrom } from './help-desk-handlers';
import { createHelpDeskDeps } from './host-deps/help-desk-deps';
import { CANCELLED } from './outcome';
import { answerOf } from './test-support/answers';

const NOW = new Date('2026-11-29T12:00:00Z');
let dataDir: string;
let folder: string | null;

async function handlers() {
  const own = await captureFromCaseDir(join(DETECTION_CASES, 'win-defender-alone-may2024'));
  const now = () => NOW;
  return createHandlers({
    captureSource: createReplayCaptureSource([own]),
    now,
    regionOverride: () => 'US',
    host: 'harness',
    version: 'test',
    platform: 'windows',
    helpDesk: helpDeskFrom(
      createHelpDeskDeps({
        dataDir,
        now,
        log: createRotatingLog({ dir: join(dataDir, 'logs'), now }),
        chooseSaveFile: async (_purpose, name) => join(dataDir, name),
        chooseDiagnosticsFile: async () => null,
        chooseFleetFolder: async () => folder,
        renderPdf: async () => new Uint8Array(),
        printWindowToPdf: async () => new Uint8Array(),
        writeClipboard: async () => {},
      }),
    ),
  });
}

beforeEach(async () => {
  dataDir = await temporaryFolder('fleet-handlers');
  const dir = await temporaryFolder('fleet');
  const kes = await captureFromCaseDir(join(DETECTION_CASES, 'win-kes10-de-wsc'));
  await writeFile(
    join(dir, 'pc-07.json'),
    JSON.stringify(
      asFleetMachine(kes, {
        hostname: 'PC-07',
        osMachineId: madeUpMachineGuid(7),
        capturedAt: '2026-11-28T12:00:00.000Z',
      }),
    ),
  );
  await writeFile(join(dir, 'outside.json'), '{}');
  folder = dir;
});

describe('the Fleet screen handlers', () => {
  it('a cancelled folder dialog changes nothing', async () => {
    folder = null;
    expect(await (await handlers()).openFleetFolder()).toEqual(CANCELLED);
  });

  it('opens a folder, shows one machine as it is judged today, and returns to this computer', async () => {
    const api = await handlers();
    const summary = await answerOf(api.openFleetFolder());
    expect(summary.rows.map((r) => r.machine)).toEqual(['PC-07']);
    expect(summary.skipped.map((s) => s.file)).toEqual(['outside.json']);
    const info = await answerOf(api.viewFleetMachine('pc-07.json'));
    expect(info).toMatchObject({
      sender: 'PC-07',
      fleetFolder: folder,
      supportCode: summary.rows[0]?.supportCode,
    });
    const scanned = await answerOf(api.scan());
    expect(scanned.machine.hostname).toBe('PC-07');
    expect(scanned.verdict.level).toBe(summary.rows[0]?.level);
    // The migration acts on this computer: refused while another machine is shown.
    expect(await api.previewRemoval('x')).toMatchObject({ kind: 'failed' });
    await answerOf(api.closeDiagnostics());
    expect((await answerOf(api.scan())).machine.hostname).not.toBe('PC-07');
  });

  it('opens only a file the summary lists', async () => {
    const api = await handlers();
    await answerOf(api.openFleetFolder());
    for (const file of ['outside.json', '../etc/passwd', 'nothing.json'])
      expect(await api.viewFleetMachine(file)).toEqual({
        kind: 'failed',
        message: 'That machine is not in the open folder.',
      });
  });

  it('saves the rows as CSV, with the BOM Excel needs', async () => {
    const api = await handlers();
    expect(await api.exportFleetCsv()).toEqual({ kind: 'failed', message: 'Open a fleet folder first.' });
    await answerOf(api.openFleetFolder());
    const saved = await answerOf(api.exportFleetCsv());
    expect(saved.path).toBe(join(dataDir, 'handover-fleet-2026-11-29.csv'));
    const csv = await readFile(saved.path, 'utf8');
    expect(csv.startsWith('\uFEFFmachine,machine id,')).toBe(true);
    expect(csv).toContain('PC-07');
  });
});
