/**
 * The six journeys of issue 3 ("Tests"), each replayed as a scenario: the stage folders of
 * fixtures/journeys/<journey>/ (1-before, 2-after-removal or 2-after-install, …) become captures that the probes
 * return one after another, and the journey is walked through the real handler table (the real
 * progress store in a temporary folder, the real actions on a recording command runner: nothing
 * runs). What each fixture file is made of, real record or composed, is in the journey's README.
 */

import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../test-support/temporary-folder';
import { createLinuxRemoveAction } from '../actions/linux-remove';
import { type RunnerAnswer, recordingRunner } from '../actions/test-support/recording-runner';
import type { Capture, Platform } from '../core/capture';
import type { StepId } from '../core/plan/migration-steps';
import { createReplayCaptureSource } from '../probes/capture-source';
import { captureFromCaseFiles } from '../probes/replay/case-capture';
import { fixedPreflight } from '../probes/test-support/fixed-preflight';
import type { JourneyView } from './contract';
import { createHandlers } from './handlers';
import { createActionLog } from './host-deps/action-log-file';
import { createMigrationDeps } from './host-deps/migration-deps';
import { migrationJourney } from './journey-handlers';
import { type AnsweredApi, answered } from './test-support/answers';

const NOW = new Date('2026-11-29T12:00:00Z');
const JOURNEYS = resolve(import.meta.dirname, '../../fixtures/journeys');
const HANDOVER_EXE = 'C:\\Program Files\\Handover\\Handover.exe';

/**
 * The stage captures of a journey, in stage order. Each stage folder is read exactly as
 * captureFromCaseDir reads a case folder, but the case is named "<journey>/<stage>":
 * captureFromCaseDir names it after the folder ("2-after-removal"), and a stage that holds no
 * probe file of its platform (the Mac after removal) would then be taken for Linux.
 */
async function stageCaptures(journey: string, platform: Platform): Promise<Capture[]> {
  const dir = join(JOURNEYS, journey);
  const stages = (await readdir(dir)).filter((name) => /^\d+-/.test(name)).sort();
  const captures: Capture[] = [];
  for (const stage of stages) {
    const files = new Map<string, string>();
    for (const name of (await readdir(join(dir, stage))).sort()) {
      files.set(name, await readFile(join(dir, stage, name), 'utf8'));
    }
    const capture = captureFromCaseFiles(`${journey}/${stage}`, files, NOW.toISOString());
    expect(capture.platform, `${journey}/${stage}`).toBe(platform);
    captures.push(capture);
  }
  return captures;
}

let dataDir: string;
let opened: string[];

beforeEach(async () => {
  dataDir = await temporaryFolder('scenario');
  opened = [];
});

/** The handler table as the window's hosts build it, on a replayed scenario. */
function handlersFor(platform: Platform, captures: readonly Capture[], answers: RunnerAnswer[] = [{}]) {
  const { runner, calls } = recordingRunner(...answers);
  const migration = createMigrationDeps({
    preflight: fixedPreflight(),
    dataDir,
    runner,
    env: { SystemRoot: 'C:\\Windows', ProgramFiles: 'C:\\Program Files' },
    now: () => NOW,
    platform,
    exePath: HANDOVER_EXE,
    openExternal: async (url) => {
      opened.push(url);
    },
    chooseExportFile: async () => null,
    chooseFolder: async () => null,
  });
  const handlers = answered(
    createHandlers({
      captureSource: createReplayCaptureSource(captures),
      now: () => NOW,
      regionOverride: () => 'US',
      host: 'harness',
      version: 'test',
      platform,
      journey: migrationJourney((latestScan) => ({
        ...migration(latestScan),
        // pkexec is not on every machine that runs the tests: the Linux removal is previewed as
        // on a desktop with polkit and apt-get, so it is the same everywhere (still nothing runs).
        linuxRemove: createLinuxRemoveAction({
          runner,
          log: createActionLog({ dir: dataDir, now: () => NOW }),
          currentScan: latestScan,
          now: () => NOW,
          executableExists: async (path) => path === '/usr/bin/pkexec' || path === '/usr/bin/apt-get',
        }),
      })),
    }),
  );
  return { handlers, calls };
}

const states = (view: JourneyView) =>
  Object.fromEntries((view.plan?.steps ?? []).map((s) => [s.id, s.state]));
const step = (view: JourneyView, id: StepId) => view.plan?.steps.find((s) => s.id === id);
const removalNames = (view: JourneyView) => view.plan?.removals.map((r) => r.name);

/** Every check passes: Verify is on screen offering Finish, and Finish reaches Done. */
async function finishAtVerify(handlers: AnsweredApi, view: JourneyView): Promise<JourneyView> {
  expect(view.plan?.current).toBe('verify');
  expect(step(view, 'verify')?.primaryAction).toBe('Finish');
  const finished = await handlers.changeJourney({ kind: 'move', stepId: 'done' });
  expect(finished.plan?.current).toBe('done');
  return finished;
}

describe('going back to an earlier step', () => {
  it('shows it until the next scan, even when the plan counts it done ("Back to Install" on Verify)', async () => {
    // The Defender journey's last stage: Defender on with current signatures, Kaspersky gone.
    const captures = (await stageCaptures('windows-kts-to-defender', 'windows')).slice(-1);
    const { handlers } = handlersFor('windows', captures);
    await handlers.scan();
    await handlers.changeJourney({ kind: 'start' });
    await handlers.changeJourney({ kind: 'choose', alternativeId: 'microsoft-defender' });
    let view = await handlers.changeJourney({ kind: 'move', stepId: 'verify' });
    expect(view.plan?.current).toBe('verify');

    view = await handlers.changeJourney({ kind: 'move', stepId: 'install' });
    expect(view.plan?.current).toBe('install');
    expect(states(view)).toMatchObject({ install: 'current', verify: 'upcoming', done: 'upcoming' });
    // Reading the journey again (a poll, a re-render) keeps it there.
    expect((await handlers.getJourney()).plan?.current).toBe('install');

    // The next scan shows where the machine really stands.
    await handlers.scan();
    expect((await handlers.getJourney()).plan?.current).toBe('verify');
  });
});

describe('journey scenarios, replayed through the handler table', () => {
  it('Windows, Kaspersky Total Security → Microsoft Defender: through a restart and a signature update to Done', async () => {
    const captures = await stageCaptures('windows-kts-to-defender', 'windows');
    const { handlers, calls } = handlersFor('windows', captures);

    // 1-before: Total Security 21.2 and its VPN (services [S45]), Defender standing down (393472 [S4]).
    await handlers.scan();
    let view = await handlers.changeJourney({ kind: 'start' });
    expect(view.plan?.current).toBe('keep-data');
    expect(view.plan?.keepData.map((i) => i.id)).toEqual([
      'vpn-subscription',
      'quarantine',
      'stop-auto-renewal',
    ]);
    expect(view.alternatives[0]?.alternative.id).toBe('microsoft-defender');
    for (const itemId of ['vpn-subscription', 'quarantine', 'stop-auto-renewal']) {
      view = await handlers.changeJourney({ kind: 'tick', itemId, ticked: true });
    }
    view = await handlers.changeJourney({ kind: 'move', stepId: 'choose' });
    view = await handlers.changeJourney({ kind: 'choose', alternativeId: 'microsoft-defender' });
    expect(states(view)).toEqual({
      check: 'done',
      'keep-data': 'done',
      choose: 'done',
      remove: 'current',
      // Whether Windows asks for a restart is known only once the removal has run.
      restart: 'upcoming',
      install: 'upcoming',
      verify: 'upcoming',
      done: 'upcoming',
    });
    expect(step(view, 'restart')?.onlyIf).toBe('only if Windows asks for one after the removal');
    // Windows: the old one goes first, and Defender covers the gap (move-order.ts).
    expect(view.plan?.order.installFirst).toBe(false);
    expect(removalNames(view)).toEqual(['Kaspersky Total Security', 'Kaspersky VPN Secure Connection']);

    // No real Uninstall entry of a 21.x consumer product is known (detection.md open question 3):
    // the route is Settings › Apps, then kavremover, and Handover runs nothing.
    for (const removal of view.plan?.removals ?? []) {
      expect(removal.routes).toEqual([{ kind: 'settings-apps' }]);
      expect(removal.kavremoverFallback).toBe(true);
      // No dead end: the ways the person can take, each with its steps and sources.
      expect(removal.handoverCanRun).toBe(false);
      expect(removal.ways.map((w) => w.id)).toEqual(['settings-apps', 'kavremover']);
      expect(removal.ways[1]?.sources.map((x) => x.url)).toContain(
        'https://support.kaspersky.com/common/uninstall/1464',
      );
      const preview = await handlers.previewRemoval(removal.detectionId);
      expect(preview.token).toBeNull();
      expect(preview.cannotRun).toBe(
        `Windows has no uninstaller registered for ${removal.name}. Open Settings › Apps › Installed apps and uninstall it there; if that fails, use Kaspersky's removal tool, kavremover.`,
      );
    }
    expect(calls).toHaveLength(0);

    // 2-after-removal: no Kaspersky service; Defender still off; Windows Update waits for a restart
    // (pending file renames alone would not be one: issue 10 point 5).
    await handlers.scan();
    view = await handlers.getJourney();
    expect(view.plan?.current).toBe('restart');
    expect(view.plan?.restartReasons).toEqual(['Windows Update is waiting to finish']);
    expect(states(view)).toMatchObject({ remove: 'done', restart: 'current', install: 'upcoming' });
    // What protects the computer in between: Defender, read from this scan (still off here).
    expect(view.plan?.interim).toMatchObject({ name: 'Microsoft Defender Antivirus', realtime: false });
    // Nothing of Kaspersky is left to keep, but the person completed the step: it stays done.
    expect(step(view, 'keep-data')?.state).toBe('done');

    const resume = await handlers.previewRestartResume();
    expect(resume.command).toBe(
      `C:\\Windows\\System32\\reg.exe add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce /v Handover /t REG_SZ /d "${HANDOVER_EXE}" --resume /f`,
    );
    expect(calls).toHaveLength(0);
    expect((await handlers.confirmAction(resume.token as string)).message).toBe(
      'Handover will open once after the restart and carry on.',
    );
    expect(calls.map((c) => [c.file, ...c.args])).toEqual([
      [
        'C:\\Windows\\System32\\reg.exe',
        'add',
        'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce',
        '/v',
        'Handover',
        '/t',
        'REG_SZ',
        '/d',
        `"${HANDOVER_EXE}" --resume`,
        '/f',
      ],
    ]);

    // Handover closed and opened again before the restart (a new handler table on the same
    // data folder, the same machine): the journey resumes at Restart.
    const reopened = handlersFor('windows', captures.slice(1));
    await reopened.handlers.scan();
    expect((await reopened.handlers.getJourney()).progress?.stepId).toBe('restart');

    // 3-after-restart: nothing pending; Defender on (397568 [S8]), running mode Normal,
    // real-time protection on, but its signatures are 4 days old: current by the scan's 7-day
    // rule, too old for Verify's 3 days. Install stays the current step and offers the update.
    const afterRestart = await handlers.scan();
    const defender = afterRestart.detections.find((d) => d.id === 'microsoft-defender-antivirus');
    expect(defender).toMatchObject({ realtime: true, signatures: { upToDate: true, ageDays: 4 } });
    view = await handlers.getJourney();
    expect(view.plan?.current).toBe('install');
    expect(view.plan?.chosenState).toBe('signatures-stale');
    expect(states(view)).toMatchObject({
      remove: 'done',
      restart: 'done',
      install: 'current',
      verify: 'upcoming',
      done: 'upcoming',
    });
    expect(step(view, 'install')).toMatchObject({
      what: "Update Microsoft Defender Antivirus's virus signatures: the newest it has are 4 days old.",
      primaryAction: 'Update its signatures now',
    });
    expect(view.plan?.checks).toEqual([
      {
        id: 'no-banned-product',
        ok: true,
        basis: 'scan',
        text: 'No banned product is installed.',
        fixStep: null,
      },
      {
        id: 'realtime-on',
        ok: true,
        basis: 'scan',
        text: 'Microsoft Defender Antivirus: real-time protection is on.',
        fixStep: null,
      },
      {
        id: 'signatures-fresh',
        ok: false,
        basis: 'scan',
        text: 'No antivirus with real-time protection has signatures from the last 3 days: update it, then scan again.',
        fixStep: 'install',
      },
    ]);
    // Not protected again yet: Verify has not passed.
    expect(view.progress?.protectedAgainAt).toBeUndefined();

    // The fix: Defender's own update tool, shown before it runs, run only once confirmed.
    const update = await handlers.previewSignatureUpdate();
    expect(update).toMatchObject({
      title: 'Update Microsoft Defender now',
      command: 'C:\\Program Files\\Windows Defender\\MpCmdRun.exe -SignatureUpdate',
      cannotRun: null,
    });
    expect(calls).toHaveLength(1);
    const updated = await handlers.confirmAction(update.token as string);
    expect(updated).toEqual({
      message: 'Microsoft Defender downloaded its latest signatures. Handover scans again to check.',
      restartNeeded: false,
      rescan: true,
    });
    expect(calls.map((c) => [c.file, ...c.args]).at(-1)).toEqual([
      'C:\\Program Files\\Windows Defender\\MpCmdRun.exe',
      '-SignatureUpdate',
    ]);

    // 4-after-signature-update: the same Defender with signatures from this scan's moment: every
    // check passes; Verify shows so, and the person finishes.
    await handlers.scan();
    view = await handlers.getJourney();
    expect(states(view)).toMatchObject({ install: 'done', verify: 'current', done: 'upcoming' });
    view = await finishAtVerify(handlers, view);
    expect(states(view)).toMatchObject({ install: 'done', verify: 'done', done: 'current' });
    expect(view.plan?.checks).toEqual([
      {
        id: 'no-banned-product',
        ok: true,
        basis: 'scan',
        text: 'No banned product is installed.',
        fixStep: null,
      },
      {
        id: 'realtime-on',
        ok: true,
        basis: 'scan',
        text: 'Microsoft Defender Antivirus: real-time protection is on.',
        fixStep: null,
      },
      {
        id: 'signatures-fresh',
        ok: true,
        basis: 'scan',
        text: 'Microsoft Defender Antivirus: virus signatures are current (no older than 3 days).',
        fixStep: null,
      },
    ]);
    // Without current protection since the US cutoff (29 September 2024) until this scan.
    expect(view.progress).toMatchObject({
      unprotectedSince: '2024-09-29T04:00:00.000Z',
      protectedAgainAt: NOW.toISOString(),
    });
    expect(view.plan?.unprotectedFor).toBe('791 days');

    // The replay repeats the last stage: the journey stays done.
    await handlers.scan();
    expect((await handlers.getJourney()).plan?.current).toBe('done');
    expect(calls).toHaveLength(2);
  });

  it('Windows, Kaspersky Standard with Password Manager → Bitdefender: the vendor page, then Done', async () => {
    const captures = await stageCaptures('windows-standard-kpm-to-thirdparty', 'windows');
    const { handlers, calls } = handlersFor('windows', captures);

    // 1-before: the unified app's avp.exe/avpui.exe under "Kaspersky 21.25" [S53] and kpm.exe [S45].
    await handlers.scan();
    let view = await handlers.changeJourney({ kind: 'start' });
    expect(view.plan?.keepData.map((i) => i.id)).toEqual([
      'password-manager-export',
      'password-manager-images',
      'quarantine',
      'stop-auto-renewal',
    ]);
    expect(view.plan?.keepData.find((i) => i.id === 'password-manager-export')?.handoverHelps).toBe(true);
    view = await handlers.changeJourney({ kind: 'tick', itemId: 'password-manager-export', ticked: true });
    view = await handlers.changeJourney({ kind: 'move', stepId: 'choose' });
    view = await handlers.changeJourney({ kind: 'choose', alternativeId: 'bitdefender' });
    expect(view.plan?.current).toBe('remove');
    expect(removalNames(view)).toEqual(['Kaspersky Standard / Plus / Premium', 'Kaspersky Password Manager']);
    for (const removal of view.plan?.removals ?? []) {
      const preview = await handlers.previewRemoval(removal.detectionId);
      expect(preview.token).toBeNull();
      expect(preview.cannotRun).toMatch(/^Windows has no uninstaller registered for .*kavremover\.$/);
    }

    // 2-after-removal: Kaspersky gone, Defender back on (397568 [S8]): the machine is protected,
    // but the journey goes on to what the person chose.
    await handlers.scan();
    view = await handlers.getJourney();
    // Nothing was ever pending and no uninstaller asked for a restart: Restart is skipped.
    expect(states(view)).toMatchObject({
      remove: 'done',
      restart: 'skipped',
      install: 'current',
      verify: 'upcoming',
    });
    expect(view.plan?.restartReasons).toEqual([]);
    expect(step(view, 'install')?.primaryAction).toBe('Open the download page');
    // The catalog has no download page for Bitdefender, but its official product page: that opens.
    expect(await handlers.openDownloadPage('bitdefender')).toBeNull();
    expect(opened).toEqual(['https://www.bitdefender.com/solutions/free.html']);

    // 3-after-install: the real TryHackMe machine [S4]: Bitdefender on (266240), Defender off.
    await handlers.scan();
    view = await handlers.getJourney();
    view = await finishAtVerify(handlers, view);
    expect(states(view)).toMatchObject({ install: 'done', verify: 'done', done: 'current' });
    expect(view.plan?.checks.every((c) => c.ok)).toBe(true);
    expect(view.plan?.checks.find((c) => c.id === 'realtime-on')?.text).toBe(
      'Bitdefender Antivirus / Total Security: real-time protection is on.',
    );
    expect(calls).toHaveLength(0);
  });

  it('Windows, Endpoint Security managed by Network Agent and password-protected: says so, then Done', async () => {
    const captures = await stageCaptures('windows-kes-managed', 'windows');
    // msiexec without the uninstall password: 1603, the fatal error a refused password gives.
    const { handlers, calls } = handlersFor('windows', captures, [{ exitCode: 1603 }]);

    // 1-before: KES 10 in Security Center [S26], its Uninstall entry [S37], Network Agent's
    // service [S62], AVState and password flag (composed values at the keys of [S70][S67]).
    await handlers.scan();
    let view = await handlers.changeJourney({ kind: 'start' });
    expect(view.plan?.keepData.map((i) => i.id)).toEqual(['quarantine']);
    view = await handlers.changeJourney({ kind: 'move', stepId: 'choose' });
    // A business machine gets the business options.
    expect(view.alternatives.map((a) => a.alternative.id)).toContain('microsoft-defender-for-business');
    view = await handlers.changeJourney({ kind: 'choose', alternativeId: 'microsoft-defender-for-business' });
    expect(view.plan?.current).toBe('remove');
    expect(removalNames(view)).toEqual([
      'Kaspersky Endpoint Security for Windows',
      'Kaspersky Security Center Network Agent',
    ]);
    const kes = view.plan?.removals.find((r) => r.detectionId === 'kaspersky-endpoint-security-windows');
    expect(kes?.notes).toEqual([
      'This computer is managed from ksc.example.org. The simplest way is for its administrator to run the "Uninstall application remotely" task from Kaspersky Security Center; removing it here may ask for the administrator\'s uninstall password.',
      'Removal is protected by a password. Ask your administrator for it (the KLAdmin account, or a temporary password from the policy).',
    ]);

    const preview = await handlers.previewRemoval('kaspersky-endpoint-security-windows');
    expect(preview.command).toBe(
      'C:\\Windows\\System32\\msiexec.exe /x {7A4192A1-84C4-4E90-A31B-B4847CA8E23A}',
    );
    expect(preview.notes).toEqual([
      'Windows Installer opens and removes Kaspersky Endpoint Security for Windows. Windows may ask for permission to make changes.',
      'Kaspersky Endpoint Security for Windows is protected by a password: its uninstaller will ask for the uninstall password. Without it, removal stops.',
      'This computer is managed by ksc.example.org. Your administrator may need to remove Kaspersky Endpoint Security for Windows from the management console (remote uninstall task).',
    ]);
    // The refused password ends the run: a failed outcome, with the uninstaller's own reason.
    await expect(handlers.confirmAction(preview.token as string)).rejects.toThrow(/^the call failed: /);
    expect(calls.map((c) => [c.file, ...c.args])).toEqual([
      ['C:\\Windows\\System32\\msiexec.exe', '/x', '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}'],
    ]);
    view = await handlers.getJourney();
    expect(view.plan?.current).toBe('remove');
    expect(view.progress?.removed).toEqual([]);

    // Network Agent has no Uninstall entry in these records: Settings › Apps.
    const agent = await handlers.previewRemoval('kaspersky-network-agent');
    expect(agent.token).toBeNull();
    expect(agent.cannotRun).toMatch(
      /^Windows has no uninstaller registered for Kaspersky Security Center Network Agent\./,
    );

    // 2-after-removal: the administrator's remote uninstall task removed both; Defender on (397568 [S8]).
    await handlers.scan();
    view = await handlers.getJourney();
    view = await finishAtVerify(handlers, view);
    // As in the Standard journey, nothing was pending: Restart is skipped.
    expect(states(view)).toMatchObject({
      remove: 'done',
      restart: 'skipped',
      install: 'done',
      verify: 'done',
      done: 'current',
    });
    expect(view.plan?.restartReasons).toEqual([]);
    expect(view.plan?.checks.every((c) => c.ok)).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('Windows with UltraAV present: explains what it is, then Done on Defender', async () => {
    const captures = await stageCaptures('windows-ultraav', 'windows');
    const { handlers, calls } = handlersFor('windows', captures);

    // 1-before: a composed Uninstall entry "UltraAV" by Pango (no public footprint exists).
    await handlers.scan();
    let view = await handlers.changeJourney({ kind: 'start' });
    expect(view.plan?.keepData.map((i) => i.id)).toEqual(['ultraav-subscription']);
    view = await handlers.changeJourney({ kind: 'move', stepId: 'choose' });
    view = await handlers.changeJourney({ kind: 'choose', alternativeId: 'microsoft-defender' });
    expect(view.plan?.current).toBe('remove');
    expect(view.plan?.removals).toMatchObject([
      {
        detectionId: 'ultraav',
        name: 'UltraAV',
        routes: [{ kind: 'settings-apps' }],
        handoverCanRun: false,
        notes: [
          'UltraAV is a product of Pango Group that replaced Kaspersky on many US computers in September 2024 without being asked for. Remove it with its own uninstaller (Settings › Apps): other removal tools were reported not to work.',
        ],
        kavremoverFallback: false,
      },
    ]);
    const preview = await handlers.previewRemoval('ultraav');
    expect(preview.cannotRun).toBe(
      'Windows has no uninstaller registered for UltraAV. Open Settings › Apps › Installed apps and uninstall it there.',
    );

    // 2-after-removal: UltraAV gone, Defender on (397568 [S8]).
    await handlers.scan();
    view = await handlers.getJourney();
    view = await finishAtVerify(handlers, view);
    expect(view.plan?.checks.every((c) => c.ok)).toBe(true);
    expect(calls).toHaveLength(0);
  });

  it("macOS: XProtect is in place first, then the vendor's uninstaller app; Verify rests on Apple's word where no scan reads XProtect, and reaches Done", async () => {
    const captures = await stageCaptures('macos-kaspersky', 'macos');
    const { handlers, calls } = handlersFor('macos', captures);

    // 1-before: the Kaspersky system extension of the Big Sur write-up [S91].
    await handlers.scan();
    let view = await handlers.changeJourney({ kind: 'start' });
    expect(view.plan?.keepData.map((i) => i.id)).toEqual(['quarantine', 'stop-auto-renewal']);
    // macOS: the new protection first, then the removal, no Restart step (move-order.ts).
    expect(view.plan?.steps.map((s) => s.id)).toEqual([
      'check',
      'keep-data',
      'choose',
      'install',
      'remove',
      'verify',
      'done',
    ]);
    view = await handlers.changeJourney({ kind: 'move', stepId: 'choose' });
    expect(view.alternatives[0]?.alternative.id).toBe('macos-xprotect');
    view = await handlers.changeJourney({ kind: 'choose', alternativeId: 'macos-xprotect' });
    // XProtect is part of macOS: nothing to install, so Install is done and Remove is next.
    expect(view.plan?.chosenState).toBe('not-readable');
    expect(states(view)).toMatchObject({ install: 'done', remove: 'current', verify: 'upcoming' });
    expect(view.plan?.removals.map((r) => r.routes)).toEqual([[{ kind: 'vendor-uninstaller-app' }]]);
    expect(view.plan?.removals[0]?.ways.map((w) => w.id)).toEqual(['vendor-uninstaller-app']);
    const preview = await handlers.previewRemoval('kaspersky-mac-security');
    expect(preview.token).toBeNull();
    expect(preview.cannotRun).toBe(
      'On a Mac, remove Kaspersky security app for Mac with the vendor\'s uninstaller app (for Kaspersky: "Uninstall Kaspersky" or "Kaspersky Anti-Virus Uninstaller"); macOS asks for your password.',
    );

    // 2-after-removal: no system extension. Verify: nothing banned (read from the scan); the two
    // checks that would need a reading of XProtect rest on Apple's documentation, and say so:
    // macOS shows XProtect's state to no app (alternatives.md, "macOS XProtect").
    await handlers.scan();
    view = await handlers.getJourney();
    expect(states(view)).toMatchObject({ install: 'done', remove: 'done', verify: 'current' });
    expect(view.plan?.checks.map((c) => [c.id, c.ok, c.basis])).toEqual([
      ['no-banned-product', true, 'scan'],
      ['realtime-on', true, 'vendor'],
      ['signatures-fresh', true, 'vendor'],
    ]);
    expect(view.plan?.checks[1]?.text).toContain('Handover could not read it on this scan');
    view = await finishAtVerify(handlers, view);
    expect(states(view)).toMatchObject({ verify: 'done', done: 'current' });
    expect(calls).toHaveLength(0);
  });

  it('Linux, KESL → ClamAV: ClamAV installed and verified first, then pkexec apt-get removes KESL, then Done', async () => {
    const captures = await stageCaptures('linux-kesl', 'linux');
    const { handlers, calls } = handlersFor('linux', captures);

    // 1-before: kesl-control --app-info [S104] and the kesl package (from a 12.x deb name [S99]).
    await handlers.scan();
    let view = await handlers.changeJourney({ kind: 'start' });
    expect(view.plan?.keepData.map((i) => i.id)).toEqual(['quarantine']);
    view = await handlers.changeJourney({ kind: 'move', stepId: 'choose' });
    expect(view.alternatives.map((a) => a.alternative.id)).toContain('clamav');
    // ClamAV comes from the distribution's packages: not "Built in" (issue 12 §1).
    expect(view.alternatives.find((a) => a.alternative.id === 'clamav')?.tags.map((t) => t.id)).toEqual([
      'distribution-packages',
    ]);
    view = await handlers.changeJourney({ kind: 'choose', alternativeId: 'clamav' });
    // Linux: the new protection first, the old one removed after (move-order.ts).
    expect(view.plan?.order.installFirst).toBe(true);
    expect(view.plan?.current).toBe('install');
    expect(step(view, 'install')?.what).toBe(
      "Install ClamAV from your system's packages (clamav, clamav-freshclam, clamav-daemon), let freshclam download its signatures, and start on-access scanning (clamav-clamonacc.service).",
    );

    // 2-after-install: the clamav and clamav-freshclam packages next to KESL, but no signature
    // database and no on-access scanner seen. ClamAV without signatures protects nothing, so
    // Install stays current and KESL is not removed yet.
    await handlers.scan();
    view = await handlers.getJourney();
    expect(states(view)).toMatchObject({ install: 'current', remove: 'upcoming', verify: 'upcoming' });
    expect(view.progress?.protectedAgainAt).toBeUndefined();

    // 3-after-signatures (composed in the probes' real formats, see the README): a daily.cld
    // built this morning, freshclam's last run up to date, clamonacc running; KESL still there.
    // ClamAV protects, so Install is done and Remove is next: no gap at any point.
    const protectedScan = await handlers.scan();
    const clamav = protectedScan.detections.find((d) => d.id === 'clamav');
    expect(clamav).toMatchObject({
      realtime: true,
      signatures: { date: '2026-11-29T11:00:02.000Z', upToDate: true, ageDays: 0 },
    });
    view = await handlers.getJourney();
    expect(states(view)).toMatchObject({ install: 'done', remove: 'current', verify: 'upcoming' });
    const preview = await handlers.previewRemoval('kaspersky-endpoint-security-linux');
    expect(preview.command).toBe('/usr/bin/pkexec /usr/bin/apt-get remove -y kesl');
    expect(preview.notes).toEqual(['In a terminal the same is: sudo apt-get remove kesl']);
    expect(preview.cannotRun).toBeNull();
    expect(calls).toHaveLength(0);
    await handlers.confirmAction(preview.token as string);
    expect(calls.map((c) => [c.file, ...c.args])).toEqual([
      ['/usr/bin/pkexec', '/usr/bin/apt-get', 'remove', '-y', 'kesl'],
    ]);

    // 4-after-removal: kesl left only its configuration files ("deinstall ok config-files").
    await handlers.scan();
    view = await handlers.getJourney();
    view = await finishAtVerify(handlers, view);
    expect(states(view)).toMatchObject({ remove: 'done', verify: 'done', done: 'current' });
    expect(view.plan?.checks).toEqual([
      {
        id: 'no-banned-product',
        ok: true,
        basis: 'scan',
        text: 'No banned product is installed.',
        fixStep: null,
      },
      {
        id: 'realtime-on',
        ok: true,
        basis: 'scan',
        text: 'ClamAV: real-time protection is on.',
        fixStep: null,
      },
      {
        id: 'signatures-fresh',
        ok: true,
        basis: 'scan',
        text: 'ClamAV: virus signatures are current (no older than 3 days).',
        fixStep: null,
      },
    ]);
    expect(view.progress?.protectedAgainAt).toBe(NOW.toISOString());
    expect(calls).toHaveLength(1);
  });
});
