/**
 * The help desk through the real handler table: replayed real cases, the real settings file, log,
 * report, support code and diagnostics modules in a temporary data folder; dialogs, the PDF
 * printer and the clipboard are recording stand-ins (the hosts' own).
 */

import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../test-support/temporary-folder';
import { recordingRunner } from '../actions/test-support/recording-runner';
import type { Capture } from '../core/capture';
import { readDiagnosticsFile } from '../core/diagnostics/open-file';
import { scanInTheirWords } from '../core/diagnostics/their-words';
import { readReport } from '../core/report/parse-report';
import { createRotatingLog } from '../files/rotating-log';
import { type CaptureSource, createReplayCaptureSource } from '../probes/capture-source';
import { captureFromCaseDir } from '../probes/replay/case-capture';
import { fixedPreflight } from '../probes/test-support/fixed-preflight';
import type { Api } from './contract';
import { createHandlers } from './handlers';
import { helpDeskFrom, type SavePurpose } from './help-desk-handlers';
import { createHelpDeskDeps } from './host-deps/help-desk-deps';
import { createMigrationDeps } from './host-deps/migration-deps';
import { scanLogTo } from './host-deps/scan-log';
import { migrationJourney, NO_JOURNEY_VIEW } from './journey-handlers';
import { CANCELLED } from './outcome';
import { answered, answerOf } from './test-support/answers';

const NOW = new Date('2026-11-29T12:00:00Z');
const CASES = resolve(import.meta.dirname, '../../fixtures/detection');

/** The real Kaspersky Endpoint Security 10 case, on a machine with a host name and a home folder. */
async function kesCapture(): Promise<Capture> {
  const capture = await captureFromCaseDir(join(CASES, 'win-kes10-de-wsc'), '2026-11-28T08:00:00.000Z');
  return { ...capture, host: { ...capture.host, hostname: 'BOBS-LAPTOP' } };
}

let dataDir: string;
let saves: { purpose: SavePurpose; name: string }[];
let clipboard: string[];
let printed: string[];
let toOpen: string | null;

/** The handler table as the window reaches it: every answer an Outcome. */
function handlersFor(
  captures: Capture[],
  options: { cancelSave?: boolean; captureSource?: CaptureSource; now?: () => Date } = {},
): Api {
  const now = options.now ?? (() => NOW);
  const log = createRotatingLog({ dir: join(dataDir, 'logs'), now });
  return createHandlers({
    captureSource: options.captureSource ?? createReplayCaptureSource(captures),
    now,
    regionOverride: () => 'US',
    host: 'harness',
    version: 'test',
    platform: 'windows',
    log: scanLogTo(log),
    journey: migrationJourney(
      createMigrationDeps({
        preflight: fixedPreflight(),
        dataDir,
        runner: recordingRunner().runner,
        env: {},
        now,
        platform: 'windows',
        exePath: 'C:\\Program Files\\Handover\\Handover.exe',
        openExternal: async () => {},
        chooseExportFile: async () => null,
        chooseFolder: async () => null,
      }),
    ),
    helpDesk: helpDeskFrom(
      createHelpDeskDeps({
        dataDir,
        now,
        log,
        chooseSaveFile: async (purpose, name) => {
          saves.push({ purpose, name });
          return options.cancelSave ? null : join(dataDir, name);
        },
        chooseDiagnosticsFile: async () => toOpen,
        chooseFleetFolder: async () => null,
        renderPdf: async (html) => {
          printed.push(html);
          return new TextEncoder().encode('%PDF-1.7 stand-in');
        },
        printWindowToPdf: async () => {
          printed.push('the window');
          return new TextEncoder().encode('%PDF-1.7 the window');
        },
        writeClipboard: async (text) => {
          clipboard.push(text);
        },
      }),
    ),
  });
}

beforeEach(async () => {
  dataDir = await temporaryFolder('help-desk');
  saves = [];
  clipboard = [];
  printed = [];
  toOpen = null;
});

describe('settings', () => {
  it('remembers the technician view between runs', async () => {
    const capture = await kesCapture();
    expect(await answerOf(handlersFor([capture]).getSettings())).toEqual({
      technicianView: false,
      theme: 'system',
    });
    expect(await answerOf(handlersFor([capture]).changeSettings({ technicianView: true }))).toEqual({
      technicianView: true,
      theme: 'system',
    });
    expect(await answerOf(handlersFor([capture]).changeSettings({ theme: 'dark' }))).toEqual({
      technicianView: true,
      theme: 'dark',
    });
    expect(await answerOf(handlersFor([capture]).getSettings())).toEqual({
      technicianView: true,
      theme: 'dark',
    });
  });
});

describe('support codes', () => {
  it('has none before a scan, then one that decodes to this machine and the current step', async () => {
    const api = answered(handlersFor([await kesCapture()]));
    expect(await api.getSupportCode()).toBeNull();
    await api.scan();
    await api.changeJourney({ kind: 'start' });
    const code = (await api.getSupportCode()) as string;
    const reading = await api.decodeSupportCode(code.toLowerCase().replaceAll('-', ' '));
    expect(reading.code).toBe(code);
    expect(reading.lines).toEqual(
      expect.arrayContaining([
        { label: 'Verdict', value: 'unprotected' },
        { label: 'Step', value: 'Keep your data' },
        { label: 'Region', value: 'United States (US)' },
      ]),
    );
  });

  it('says plainly when a code was misheard', async () => {
    const api = handlersFor([await kesCapture()]);
    await api.scan();
    const code = (await answerOf(api.getSupportCode())) as string;
    const misheard = `${code.slice(0, -1)}${code.endsWith('7') ? '8' : '7'}`;
    const reading = await api.decodeSupportCode(misheard);
    expect(reading).toEqual({
      kind: 'failed',
      message: expect.stringMatching(/check character does not match/),
    });
  });
});

describe('reports', () => {
  it('refuses before a scan, in words', async () => {
    expect(await handlersFor([await kesCapture()]).saveReport('json')).toEqual({
      kind: 'failed',
      message: 'There is no scan yet: scan first, then try again.',
    });
  });

  it('writes JSON, the page and the PDF printed from that page where the person chose', async () => {
    const api = answered(handlersFor([await kesCapture()]));
    await api.scan();
    const json = await api.saveReport('json');
    expect(json).toEqual({ path: join(dataDir, 'handover-report-2026-11-29.json') });
    const report = readReport(JSON.parse(await readFile(json.path, 'utf8')));
    expect(report.ok && report.value.verdict.level).toBe('unprotected');
    expect(report.ok && report.value.supportCode).toBe(await api.getSupportCode());

    const html = await api.saveReport('html');
    const page = await readFile(html.path, 'utf8');
    expect(page).toContain('Kaspersky Endpoint Security');

    const pdf = await api.saveReport('pdf');
    expect(await readFile(pdf.path, 'utf8')).toBe('%PDF-1.7 stand-in');
    // The PDF is the same page, printed.
    expect(printed).toEqual([page]);
    expect(saves.map((s) => s.purpose)).toEqual(['report-json', 'report-html', 'report-pdf']);
  });

  it('saves the plan as the window prints it, where the person chose; refuses with no plan', async () => {
    const api = handlersFor([await kesCapture()]);
    expect(await api.savePlan()).toEqual({
      kind: 'failed',
      message: 'There is no plan yet: scan first, then try again.',
    });
    await api.scan();
    const saved = await answerOf(api.savePlan());
    expect(saved).toEqual({ path: join(dataDir, 'handover-plan-2026-11-29.pdf') });
    expect(await readFile(saved.path, 'utf8')).toBe('%PDF-1.7 the window');
    expect(printed).toEqual(['the window']);
    expect(saves.map((s) => s.purpose)).toEqual(['plan-pdf']);
  });

  it('writes nothing when the person cancels the dialog', async () => {
    const api = handlersFor([await kesCapture()], { cancelSave: true });
    await api.scan();
    expect(await api.saveReport('html')).toEqual(CANCELLED);
  });

  it('copies a short plain summary to the clipboard', async () => {
    const api = answered(handlersFor([await kesCapture()]));
    await api.scan();
    const copied = await api.copySummary();
    expect(copied.copied).toBe(true);
    expect(clipboard).toEqual([copied.text]);
    expect(copied.text).toContain('Your antivirus stopped receiving updates');
    expect(copied.text).toContain((await api.getSupportCode()) as string);
  });
});

describe('diagnostics', () => {
  it('round-trips: saved with personal details hidden, opened read-only as the sender saw it, closed', async () => {
    const sender = answered(handlersFor([await kesCapture()]));
    const theirs = await sender.scan();
    await sender.changeJourney({ kind: 'start' });
    const saved = await sender.saveDiagnostics({ hidePersonalDetails: true });
    const text = await readFile(saved.path, 'utf8');
    expect(text).not.toMatch(/bobs-laptop/i);
    const file = readDiagnosticsFile(text);
    expect(file.ok && file.value.log.length).toBeGreaterThan(0);

    // The helper's own machine: a protected Bitdefender, a day later.
    const raw = handlersFor([await captureFromCaseDir(join(CASES, 'win10-bitdefender-defender-off-thm'))]);
    const helper = answered(raw);
    expect((await helper.scan()).verdict.level).toBe('protected');
    toOpen = saved.path;
    const opened = await helper.openDiagnostics();
    expect(await helper.getViewing()).toEqual(opened);
    expect(opened).toEqual({
      sender: 'host-1',
      platform: 'windows',
      capturedAt: '2026-11-28T08:00:00.000Z',
      createdAt: NOW.toISOString(),
      // Their scan ran the day before the helper's clock; the file was made today.
      capturedDaysAgo: 1,
      createdDaysAgo: 0,
      personalDetailsHidden: true,
      step: 'Keep your data',
      supportCode: await sender.getSupportCode(),
    });
    const seen = await helper.scan();
    // The same verdict, in the helper's words: their computer, not "this computer".
    expect(seen.verdict).toEqual(scanInTheirWords(theirs).verdict);
    expect(seen.verdict.headline).not.toMatch(/this computer/);
    expect(seen.detections.map((d) => d.id)).toEqual(theirs.detections.map((d) => d.id));
    expect(seen.replayed).toBe(true);
    expect(await helper.getSupportCode()).toBe(await sender.getSupportCode());
    // Read-only: nothing may act on the helper's machine for the sender's.
    expect(await raw.changeJourney({ kind: 'start' })).toEqual({
      kind: 'failed',
      message:
        'This window shows a diagnostics file from host-1, read-only. Close it to continue on this computer.',
    });
    expect(await raw.previewRemoval('kaspersky-endpoint-security')).toMatchObject({ kind: 'failed' });
    expect(await helper.getJourney()).toEqual(NO_JOURNEY_VIEW);

    await helper.closeDiagnostics();
    expect(await helper.getViewing()).toBeNull();
    expect((await helper.scan()).verdict.level).toBe('protected');
  });

  it("counts the file's ages with the helper's clock each time it is asked, not once when it was opened", async () => {
    const sender = answered(handlersFor([await kesCapture()]));
    await sender.scan();
    toOpen = (await sender.saveDiagnostics({ hidePersonalDetails: true })).path;
    let clock = new Date('2026-12-01T09:00:00Z');
    const helper = answered(handlersFor([await kesCapture()], { now: () => clock }));
    await helper.scan();
    expect(await helper.openDiagnostics()).toMatchObject({ capturedDaysAgo: 3, createdDaysAgo: 1 });
    clock = new Date('2026-12-02T09:00:00Z');
    expect(await helper.getViewing()).toMatchObject({ capturedDaysAgo: 4, createdDaysAgo: 2 });
  });

  /** A diagnostics file saved on another machine: Kaspersky Endpoint Security 10, "BOBS-LAPTOP". */
  async function theirFile(): Promise<string> {
    const sender = answered(handlersFor([await kesCapture()]));
    await sender.scan();
    const saved = await sender.saveDiagnostics({ hidePersonalDetails: true });
    return saved.path;
  }

  /** The helper's own machine: the TryHackMe VM's Bitdefender and Defender (a real record). */
  const ownMachine = () => captureFromCaseDir(join(CASES, 'win10-bitdefender-defender-off-thm'));

  it("keeps the helper's own scan and journey apart from a file being viewed, and closing restores them (point 4 of issue 12 §4)", async () => {
    toOpen = await theirFile();
    const api = answered(handlersFor([await ownMachine()]));
    const own = await api.scan();
    expect(own.verdict.level).toBe('protected');
    await api.changeJourney({ kind: 'start' });
    const ownCode = await api.getSupportCode();
    const ownJourney = await api.getJourney();
    expect(ownJourney.progress?.stepId).toBe('choose');

    await api.openDiagnostics();
    // Scans while viewing are the file's.
    const theirs = await api.scan();
    expect(theirs.detections.map((d) => d.id)).toContain('kaspersky-endpoint-security-windows');
    expect(await api.getSupportCode()).not.toBe(ownCode);
    expect((await api.copySummary()).text).toMatch(/Kaspersky Endpoint Security/);

    // Closing shows this computer again as it was, before any new scan.
    await api.closeDiagnostics();
    expect(await api.getSupportCode()).toBe(ownCode);
    expect(await api.getJourney()).toEqual(ownJourney);
    expect((await api.copySummary()).text).not.toMatch(/Kaspersky Endpoint Security/);
    const saved = await api.saveDiagnostics({ hidePersonalDetails: false });
    expect(await readFile(saved.path, 'utf8')).not.toMatch(/Kaspersky Endpoint Security 10/);
  });

  it('a scan of this computer that ends after a file was opened stays this computer’s, and the other way round', async () => {
    toOpen = await theirFile();
    const own = await ownMachine();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // This computer's scan waits until the test lets it finish.
    const slow: CaptureSource = {
      kind: 'replay',
      probes: [],
      async capture() {
        await gate;
        return own;
      },
    };
    const api = answered(handlersFor([], { captureSource: slow }));
    const { scanId } = await api.startScan();
    await api.openDiagnostics();
    release();
    for (let i = 0; i < 50 && (await api.getScanProgress(scanId)).phase === 'running'; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await api.getScanProgress(scanId)).phase).toBe('done');
    // Viewing their file, nothing of this computer's scan shows as theirs.
    await expect(api.copySummary()).rejects.toThrow(/There is no scan yet/);
    const theirs = await api.scan();
    expect(theirs.detections.map((d) => d.id)).toContain('kaspersky-endpoint-security-windows');
    // Back on this computer: its own scan, not the file's.
    await api.closeDiagnostics();
    expect((await api.copySummary()).text).not.toMatch(/Kaspersky Endpoint Security/);
    expect((await api.getJourney()).plan?.current).toBe('check');
  });

  it('keeps personal details when the person unticks "hide personal details"', async () => {
    const api = answered(handlersFor([await kesCapture()]));
    await api.scan();
    const saved = await api.saveDiagnostics({ hidePersonalDetails: false });
    expect(await readFile(saved.path, 'utf8')).toContain('BOBS-LAPTOP');
  });

  it('refuses a file that is not a diagnostics file with one message, and changes nothing', async () => {
    const api = handlersFor([await kesCapture()]);
    await api.scan();
    const before = await answerOf(api.getSupportCode());
    const cases: [string, string, RegExp][] = [
      [
        'report.json',
        JSON.stringify({ format: 'handover.report', formatVersion: 1 }),
        /is a Handover report, not a diagnostics file/,
      ],
      [
        'newer.json',
        JSON.stringify({ format: 'handover.diagnostics', formatVersion: 9 }),
        /newer Handover \(format 9\)/,
      ],
      ['cut.json', '{"format":"handover.diagnostics","formatVersion":1,"capture":{', /cut short/],
      ['proto.json', '{"format":"handover.diagnostics","__proto__":{"polluted":true}}', /__proto__/],
      ['deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, /nest/],
      ['photo.jpg', '\xff\xd8\xff\xe0 JFIF', /not a Handover diagnostics file, report or capture/],
    ];
    for (const [name, content, message] of cases) {
      toOpen = join(dataDir, name);
      await writeFile(toOpen, content, 'latin1');
      const opened = await api.openDiagnostics();
      expect(opened.kind, name).toBe('failed');
      const why = opened.kind === 'failed' ? opened.message : '';
      expect(why, name).toMatch(new RegExp(`^Could not open .*${name}: `));
      expect(why, name).toMatch(message);
      expect(await answerOf(api.getViewing())).toBeNull();
      expect(await answerOf(api.getSupportCode())).toBe(before);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file over 50 MB without reading it all', async () => {
    const api = handlersFor([await kesCapture()]);
    toOpen = join(dataDir, 'huge.json');
    await writeFile(toOpen, Buffer.alloc(50 * 1024 * 1024 + 10, 0x20));
    const opened = await api.openDiagnostics();
    expect(opened).toEqual({ kind: 'failed', message: expect.stringMatching(/50 MB/) });
  });

  it('does nothing when the person cancels the open dialog', async () => {
    expect(await handlersFor([await kesCapture()]).openDiagnostics()).toEqual(CANCELLED);
  });
});
