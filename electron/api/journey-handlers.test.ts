/**
 * The guided migration through the real handler table: replayed captures, the real progress
 * store in a temporary folder, the real actions on a recording command runner (nothing runs).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../test-support/temporary-folder';
import { recordingRunner } from '../actions/test-support/recording-runner';
import type { Capture } from '../core/capture';
import { SAMPLE_EXPORT } from '../core/convert/kpm-sample-export';
import { createReplayCaptureSource } from '../probes/capture-source';
import { captureFromCaseDir, captureFromCaseFiles } from '../probes/replay/case-capture';
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
async function kesMachine(): Promise<Capture> {
  const files = new Map<string, string>([
    ['securitycenter2.json', await readFile(join(CASE, 'securitycenter2.json'), 'utf8')],
    [
      'uninstall.json',
      JSON.stringify([
        {
          keyPath:
            'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}',
          DisplayName: 'Kaspersky Endpoint Security 10 для Windows',
          Publisher: '"Лаборатория Касперского"',
          DisplayVersion: '10.2.2.10535',
          UninstallString: 'msiexec.exe /x {7A4192A1-84C4-4E90-A31B-B4847CA8E23A} /qn',
          NoRemove: 1,
        },
      ]),
    ],
  ]);
  return captureFromCaseFiles('kes-with-uninstall-entry', files, NOW.toISOString());
}

let dataDir: string;
let opened: string[];

async function handlersFor(
  captures: Capture[],
  answers: Parameters<typeof recordingRunner> = [{ exitCode: 0 }],
) {
  const { runner, calls } = recordingRunner(...answers);
  const handlers = answered(
    createHandlers({
      captureSource: createReplayCaptureSource(captures),
      now: () => NOW,
      regionOverride: () => 'US',
      host: 'harness',
      version: 'test',
      platform: 'windows',
      journey: migrationJourney(
        createMigrationDeps({
          dataDir,
          runner,
          env: { SystemRoot: 'C:\\Windows', ProgramFiles: 'C:\\Program Files' },
          now: () => NOW,
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

  it('refuses to remove what the scan did not find, and opens only vendor pages', async () => {
    const { handlers, calls } = await handlersFor([await kesMachine()]);
    await handlers.scan();
    await expect(handlers.previewRemoval('some-other-product')).rejects.toThrow(/did not find/);
    await expect(handlers.confirmAction('0'.repeat(32))).rejects.toThrow(/no confirmed preview/);
    expect(calls).toHaveLength(0);

    expect(await handlers.openDownloadPage('avast')).toBeNull();
    expect(opened).toEqual(['https://www.avast.com/free-antivirus-download']);
    await expect(handlers.openDownloadPage('microsoft-defender')).rejects.toThrow(/is built in/);
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
});
