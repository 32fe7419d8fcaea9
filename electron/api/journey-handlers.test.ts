/**
 * The guided migration through the real handler table: replayed captures, the real progress
 * store in a temporary folder, the real actions on a recording command runner (nothing runs).
 */

import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../test-support/temporary-folder';
import { recordingRunner } from '../actions/test-support/recording-runner';
import type { Capture } from '../core/capture';
import { SAMPLE_EXPORT } from '../core/convert/kpm-sample-export';
import type { PreflightFacts } from '../core/plan/preflight';
import { ok } from '../core/util/result';
import { createReplayCaptureSource } from '../probes/capture-source';
import { captureFromCaseDir, captureFromCaseFiles } from '../probes/replay/case-capture';
import { fixedPreflight, STAND_IN_READINGS } from '../probes/test-support/fixed-preflight';
import { createHandlers } from './handlers';
import { createMigrationDeps } from './host-deps/migration-deps';
import { migrationJourney } from './journey-handlers';
import { answered } from './test-support/answers';

const NOW = new Date('2026-11-29T12:00:00Z');
const CASE = resolve(import.meta.dirname, '../../fixtures/detection/win-kes10-de-wsc');

/**
 * Kaspersky Endpoint Security 10 as Security Center shows it (the real win-kes10-de-wsc record),
 * with the real uninstall entry of a KES 10 install on another machine ([S37], detection.md §2.4):
 * two real records, put on one machine for this journey.
 */
async function kesMachine(
  entry: Record<string, unknown> = {
    keyPath:
      'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}',
    UninstallString: 'msiexec.exe /x {7A4192A1-84C4-4E90-A31B-B4847CA8E23A} /qn',
  },
): Promise<Capture> {
  const files = new Map<string, string>([
    ['securitycenter2.json', await readFile(join(CASE, 'securitycenter2.json'), 'utf8')],
    [
      'uninstall.json',
      JSON.stringify([
        {
          DisplayName: 'Kaspersky Endpoint Security 10 для Windows',
          Publisher: '"Лаборатория Касперского"',
          DisplayVersion: '10.2.2.10535',
          NoRemove: 1,
          ...entry,
        },
      ]),
    ],
  ]);
  return captureFromCaseFiles('kes-with-uninstall-entry', files, NOW.toISOString());
}

let dataDir: string;
let opened: string[];
/** The clock every handler table of a test reads (a test may move it on). */
let clock: Date;

async function handlersFor(
  captures: Capture[],
  answers: Parameters<typeof recordingRunner> = [{ exitCode: 0 }],
  preflight = fixedPreflight(),
) {
  const { runner, calls } = recordingRunner(...answers);
  const now = () => clock;
  const handlers = answered(
    createHandlers({
      captureSource: createReplayCaptureSource(captures),
      now,
      regionOverride: () => 'US',
      host: 'harness',
      version: 'test',
      platform: 'windows',
      journey: migrationJourney(
        createMigrationDeps({
          preflight,
          dataDir,
          runner,
          env: { SystemRoot: 'C:\\Windows', ProgramFiles: 'C:\\Program Files' },
          now,
          platform: 'windows',
          exePath: 'C:\\Program Files\\Handover\\Handover.exe',
          openExternal: async (url) => {
            opened.push(url);
          },
          chooseExportFile: async () => join(dataDir, 'kpm-export.txt'),
          chooseFolder: async () => dataDir,
        }),
      ),
    }),
  );
  return { handlers, calls };
}

beforeEach(async () => {
  dataDir = await temporaryFolder('journey');
  opened = [];
  clock = NOW;
});

describe('the check before the first change (issue 12 §3)', () => {
  it('holds the removal while the vendor site does not answer, and lets it run once it does', async () => {
    const before = await kesMachine();
    const offline: PreflightFacts = {
      ...STAND_IN_READINGS,
      network: ok({ url: 'https://www.example.org/', reachable: false, detail: 'it could not be reached' }),
    };
    let facts = offline;
    const probe = {
      asked: [] as (string | null)[],
      async read(url: string | null) {
        probe.asked.push(url);
        return fixedPreflight(facts).read(url);
      },
    };
    const { handlers, calls } = await handlersFor([before], [{ exitCode: 0 }], probe);
    await handlers.scan();
    await handlers.changeJourney({ kind: 'start' });
    await handlers.changeJourney({ kind: 'move', stepId: 'choose' });
    await handlers.changeJourney({ kind: 'choose', alternativeId: 'microsoft-defender' });
    let view = await handlers.checkPreflight();
    // Defender downloads its signatures: the network is checked, at a Microsoft address.
    expect(probe.asked).toHaveLength(1);
    expect(view.preflight?.checks.find((c) => c.id === 'network')).toMatchObject({ status: 'blocks' });
    expect(view.preflight?.blockedBy).toMatch(/did not answer \(it could not be reached\)\.$/);
    const held = await handlers.previewRemoval('kaspersky-endpoint-security-windows');
    expect(held.token).toBeNull();
    expect(held.cannotRun).toMatch(/^Not yet, the check before the move says: /);
    expect(calls).toHaveLength(0);

    facts = STAND_IN_READINGS;
    view = await handlers.checkPreflight();
    expect(view.preflight?.blockedBy).toBeNull();
    const preview = await handlers.previewRemoval('kaspersky-endpoint-security-windows');
    expect(preview.cannotRun).toBeNull();
    expect(preview.token).not.toBeNull();
  });
});

describe('the guided migration through the handler table', () => {
  it('walks Check → Keep your data → Choose → Remove, saving after every change', async () => {
    const before = await kesMachine();
    const { handlers, calls } = await handlersFor([before, { ...before, records: [] }]);
    await handlers.scan();

    let journey = await handlers.getJourney();
    expect(journey.progress).toBeNull();
    expect(journey.plan?.current).toBe('check');
    expect(journey.alternatives[0]?.alternative.builtIn).toBe(true);

    journey = await handlers.changeJourney({ kind: 'start' });
    expect(journey.plan?.current).toBe('keep-data');
    expect(journey.progress?.unprotectedSince).toBe('2024-09-29T04:00:00.000Z');
    journey = await handlers.changeJourney({ kind: 'tick', itemId: 'quarantine', ticked: true });
    journey = await handlers.changeJourney({ kind: 'move', stepId: 'choose' });
    // A business product (Endpoint Security): the business options are offered.
    journey = await handlers.changeJourney({
      kind: 'choose',
      alternativeId: 'microsoft-defender-for-business',
    });
    expect(journey.plan?.current).toBe('remove');

    const preview = await handlers.previewRemoval('kaspersky-endpoint-security-windows');
    expect(preview.cannotRun).toBeNull();
    expect(preview.command).toBe(
      'C:\\Windows\\System32\\msiexec.exe /x {7A4192A1-84C4-4E90-A31B-B4847CA8E23A}',
    );
    expect(calls).toHaveLength(0);

    await handlers.confirmAction(preview.token as string);
    expect(calls.map((c) => [c.file, ...c.args])).toEqual([
      ['C:\\Windows\\System32\\msiexec.exe', '/x', '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}'],
    ]);
    await expect(handlers.confirmAction(preview.token as string)).rejects.toThrow(/no confirmed preview/);

    const saved = JSON.parse(await readFile(join(dataDir, 'progress.json'), 'utf8'));
    expect(saved.progress).toMatchObject({
      choices: { alternativeId: 'microsoft-defender-for-business' },
      ticked: ['quarantine'],
      removed: [{ detectionId: 'kaspersky-endpoint-security-windows', how: 'uninstaller' }],
    });
    const actions = await readFile(join(dataDir, 'actions.jsonl'), 'utf8');
    expect(actions).toMatch(/"exitCode":0/);

    // The scan after removal no longer finds it: Remove is done.
    await handlers.scan();
    expect((await handlers.getJourney()).plan?.steps.find((s) => s.id === 'remove')?.state).toBe('done');
  });

  it('survives closing the app: a new handler table resumes at the same step', async () => {
    const capture = await kesMachine();
    const first = await handlersFor([capture]);
    await first.handlers.scan();
    await first.handlers.changeJourney({ kind: 'start' });
    await first.handlers.changeJourney({ kind: 'move', stepId: 'choose' });

    const second = await handlersFor([capture]);
    await second.handlers.scan();
    const journey = await second.handlers.getJourney();
    expect(journey.progress?.stepId).toBe('choose');
    expect(journey.plan?.current).toBe('choose');
  });

  it('a corrupt progress file is set aside and reported, never silently dropped', async () => {
    await writeFile(join(dataDir, 'progress.json'), '{"format": "handover.progress", "formatVer');
    const { handlers } = await handlersFor([await kesMachine()]);
    await handlers.scan();
    const journey = await handlers.getJourney();
    expect(journey.progress).toBeNull();
    expect(journey.notice).toMatch(/could not be read .* set aside as .*progress\.corrupt-.*\.json/);
    expect((await readdir(dataDir)).some((f) => f.startsWith('progress.corrupt-'))).toBe(true);
  });

  it('confirms nothing without the token of a preview, a token twice, or a token past its time (point 3 of issue 12 §4)', async () => {
    const { handlers, calls } = await handlersFor([await kesMachine()]);
    await handlers.scan();
    await handlers.changeJourney({ kind: 'start' });
    for (const token of ['0'.repeat(32), 'a'.repeat(32)])
      await expect(handlers.confirmAction(token)).rejects.toThrow(/no confirmed preview/);

    const first = await handlers.previewRemoval('kaspersky-endpoint-security-windows');
    await handlers.confirmAction(first.token as string);
    await expect(handlers.confirmAction(first.token as string)).rejects.toThrow(/no confirmed preview/);
    expect(calls).toHaveLength(1);

    const second = await handlers.previewRemoval('kaspersky-endpoint-security-windows');
    clock = new Date(NOW.getTime() + 15 * 60 * 1000);
    await expect(handlers.confirmAction(second.token as string)).rejects.toThrow(/too old/);
    // Refused once is refused for good: it is not in the book any more.
    clock = NOW;
    await expect(handlers.confirmAction(second.token as string)).rejects.toThrow(/no confirmed preview/);
    expect(calls).toHaveLength(1);
  });

  it('shows a crafted uninstall command as text with the vendor route, and runs nothing (point 1 of issue 12 §4)', async () => {
    // Composed: the KES entry as any program the person runs could rewrite it, under HKCU.
    const crafted = 'C:/Windows/System32/cmd.exe /c "C:\\Program Files\\x\\un.exe"';
    const { handlers, calls } = await handlersFor([
      await kesMachine({
        keyPath: 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\KES',
        UninstallString: crafted,
        InstallLocation: 'C:\\Windows\\System32',
      }),
    ]);
    await handlers.scan();
    const preview = await handlers.previewRemoval('kaspersky-endpoint-security-windows');
    expect(preview.token).toBeNull();
    expect(preview.command).toBeNull();
    expect(preview.cannotRun).toBe(
      `Handover cannot run this uninstall command: it starts the Windows command interpreter (cmd.exe), which would run something else in turn; Handover only starts an uninstaller it can show you exactly. Windows has it registered as: ${crafted} (shown here only as text). Remove Kaspersky Endpoint Security for Windows with Kaspersky's own removal tool, kavremover, from Kaspersky's support site, or in Settings › Apps › Installed apps if you trust that command.`,
    );
    expect(calls).toHaveLength(0);
  });

  it('refuses to remove what the scan did not find, and opens only vendor pages', async () => {
    const { handlers, calls } = await handlersFor([await kesMachine()]);
    await handlers.scan();
    await expect(handlers.previewRemoval('some-other-product')).rejects.toThrow(/did not find/);
    await expect(handlers.confirmAction('0'.repeat(32))).rejects.toThrow(/no confirmed preview/);
    expect(calls).toHaveLength(0);

    // Endpoint Security is a business product: a home product is not offered here (point 3 of issue 12 §4).
    await expect(handlers.openDownloadPage('avast')).rejects.toThrow(
      /Avast Free Antivirus is not one of the choices for this computer/,
    );
    expect(opened).toEqual([]);

    const home = await handlersFor([
      await captureFromCaseDir(
        resolve(import.meta.dirname, '../../fixtures/detection/win10-bitdefender-defender-off-thm'),
      ),
    ]);
    await home.handlers.scan();
    expect(await home.handlers.openDownloadPage('avast')).toBeNull();
    expect(opened).toEqual(['https://www.avast.com/free-antivirus-download']);
    // Defender is built in: its official page is Microsoft's product page, not a download.
    expect(await home.handlers.openDownloadPage('microsoft-defender')).toBeNull();
    expect(opened).toEqual([
      'https://www.avast.com/free-antivirus-download',
      'https://learn.microsoft.com/en-us/defender-endpoint/microsoft-defender-security-center-antivirus',
    ]);
  });

  it('previews the removal only of a product the plan removes (point 3 of issue 12 §4)', async () => {
    // Bitdefender and Defender (the real TryHackMe record): the scan finds both, the move removes neither.
    const { handlers, calls } = await handlersFor([
      await captureFromCaseDir(
        resolve(import.meta.dirname, '../../fixtures/detection/win10-bitdefender-defender-off-thm'),
      ),
    ]);
    const scanned = await handlers.scan();
    expect(scanned.detections.map((d) => d.id)).toContain('microsoft-defender-antivirus');
    await expect(handlers.previewRemoval('microsoft-defender-antivirus')).rejects.toThrow(
      /Microsoft Defender Antivirus is not one of the products this move removes/,
    );
    expect(calls).toHaveLength(0);
  });

  it("updates Defender's signatures only after the person confirms the exact command", async () => {
    const defenderMachine = await captureFromCaseDir(
      resolve(import.meta.dirname, '../../fixtures/detection/win10-bitdefender-defender-off-thm'),
    );
    const { handlers, calls } = await handlersFor([defenderMachine]);
    await handlers.scan();
    const preview = await handlers.previewSignatureUpdate();
    expect(preview.command).toBe('C:\\Program Files\\Windows Defender\\MpCmdRun.exe -SignatureUpdate');
    expect(calls).toHaveLength(0);
    expect(await handlers.confirmAction(preview.token as string)).toMatchObject({ rescan: true });
    expect(calls.map((c) => [c.file, ...c.args])).toEqual([
      ['C:\\Program Files\\Windows Defender\\MpCmdRun.exe', '-SignatureUpdate'],
    ]);
  });

  it('converts the Password Manager export into the chosen format, where the person chose', async () => {
    await writeFile(join(dataDir, 'kpm-export.txt'), SAMPLE_EXPORT);
    const { handlers } = await handlersFor([await kesMachine()]);
    const conversion = await handlers.convertPasswordExport('bitwarden');
    expect(conversion.written).toBe(6);
    expect(conversion.writtenTo?.startsWith(dataDir)).toBe(true);
    const csv = await readFile(conversion.writtenTo as string, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp',
    );
  });

  describe('deleting the converted file once it is imported (point 5 of issue 12 §4)', () => {
    it('deletes exactly the file it wrote, once', async () => {
      await writeFile(join(dataDir, 'kpm-export.txt'), SAMPLE_EXPORT);
      const { handlers } = await handlersFor([await kesMachine()]);
      const { writtenTo } = await handlers.convertPasswordExport('chrome');
      expect(await handlers.deleteConvertedFile(writtenTo)).toEqual({ path: writtenTo, alreadyGone: false });
      await expect(readFile(writtenTo)).rejects.toThrow(/ENOENT/);
      // The Kaspersky export is the person's own file: it stays.
      expect(await readFile(join(dataDir, 'kpm-export.txt'), 'utf8')).toBe(SAMPLE_EXPORT);
      // Once: the same call again deletes nothing, even if a file is back at that path.
      await writeFile(writtenTo, 'a new file of the person');
      await expect(handlers.deleteConvertedFile(writtenTo)).rejects.toThrow(/only once/);
      expect(await readFile(writtenTo, 'utf8')).toBe('a new file of the person');
    });

    it('deletes no other path: not the export, not a file it never wrote, not one spelled otherwise', async () => {
      await writeFile(join(dataDir, 'kpm-export.txt'), SAMPLE_EXPORT);
      const { handlers } = await handlersFor([await kesMachine()]);
      const { writtenTo } = await handlers.convertPasswordExport('bitwarden');
      for (const path of [
        join(dataDir, 'kpm-export.txt'),
        join(dataDir, 'progress.json'),
        `${writtenTo}.bak`,
        // Another spelling of the same file is not the path it wrote.
        `${dataDir}/./${basename(writtenTo)}`,
        writtenTo.toUpperCase(),
      ]) {
        await expect(handlers.deleteConvertedFile(path)).rejects.toThrow(/did not write this one/);
      }
      expect((await readFile(writtenTo, 'utf8')).length).toBeGreaterThan(0);
      expect(await readFile(join(dataDir, 'kpm-export.txt'), 'utf8')).toBe(SAMPLE_EXPORT);
    });

    it('leaves a file that changed since it was written, and says so when it is gone already', async () => {
      await writeFile(join(dataDir, 'kpm-export.txt'), SAMPLE_EXPORT);
      const { handlers } = await handlersFor([await kesMachine()]);
      const first = await handlers.convertPasswordExport('firefox');
      await writeFile(first.writtenTo, 'the person saved something else here');
      await expect(handlers.deleteConvertedFile(first.writtenTo)).rejects.toThrow(/has changed since/);
      expect(await readFile(first.writtenTo, 'utf8')).toBe('the person saved something else here');

      const second = await handlers.convertPasswordExport('1password');
      await rm(second.writtenTo);
      expect(await handlers.deleteConvertedFile(second.writtenTo)).toEqual({
        path: second.writtenTo,
        alreadyGone: true,
      });
    });
  });
});
