import { describe, expect, it } from 'vitest';
import type { ScanView } from './current-scan';
import { memoryActionLog } from './test-support/memory-action-log';
import { recordingRunner } from './test-support/recording-runner';
import { createSignatureUpdate, mpCmdRunPath } from './update-signatures';

const now = () => new Date('2026-11-29T12:00:00Z');
const withDefender: ScanView = {
  machine: { platform: 'windows' },
  detections: [
    { id: 'microsoft-defender-antivirus', name: 'Microsoft Defender Antivirus', uninstallEntries: [] },
  ],
};
const env = { ProgramFiles: 'C:\\Program Files' };

describe('createSignatureUpdate', () => {
  it('runs exactly the previewed MpCmdRun command, once, and logs it', async () => {
    const { runner, calls } = recordingRunner({ exitCode: 0 });
    const log = memoryActionLog();
    const action = createSignatureUpdate({
      runner,
      log,
      currentScan: () => withDefender,
      platform: 'windows',
      env,
      now,
    });
    const preview = await action.preview();
    expect(preview.ok && preview.value.display).toBe(
      'C:\\Program Files\\Windows Defender\\MpCmdRun.exe -SignatureUpdate',
    );
    expect(calls).toHaveLength(0);
    const token = preview.ok ? preview.value.token : '';
    expect(await action.run(token)).toMatchObject({ ok: true, value: { ok: true, exitCode: 0 } });
    expect(calls.map((c) => [c.file, ...c.args])).toEqual([
      ['C:\\Program Files\\Windows Defender\\MpCmdRun.exe', '-SignatureUpdate'],
    ]);
    expect(await action.run(token)).toMatchObject({ ok: false });
    expect(log.entries.map((e) => e.stage)).toEqual(['previewed', 'started', 'finished', 'refused']);
  });

  it('says plainly when the update fails, and what to do instead', async () => {
    const { runner } = recordingRunner({ exitCode: 2, error: 'MpCmdRun.exe exited with code 2' });
    const action = createSignatureUpdate({
      runner,
      log: memoryActionLog(),
      currentScan: () => withDefender,
      platform: 'windows',
      env,
      now,
    });
    const preview = await action.preview();
    const outcome = await action.run(preview.ok ? preview.value.token : '');
    expect(outcome).toMatchObject({ ok: true, value: { ok: false, exitCode: 2 } });
    expect(outcome.ok && outcome.value.message).toMatch(/Protection updates › Check for updates/);
  });

  it('refuses when the scan did not find Defender, off Windows, or without a known Program Files', async () => {
    const { runner, calls } = recordingRunner({ exitCode: 0 });
    const make = (scan: ScanView | null, platform: 'windows' | 'linux', e: Record<string, string>) =>
      createSignatureUpdate({
        runner,
        log: memoryActionLog(),
        currentScan: () => scan,
        platform,
        env: e,
        now,
      });
    expect(await make({ ...withDefender, detections: [] }, 'windows', env).preview()).toMatchObject({
      ok: false,
    });
    expect(await make(withDefender, 'linux', env).preview()).toMatchObject({ ok: false });
    expect(await make(withDefender, 'windows', {}).preview()).toMatchObject({ ok: false });
    expect(calls).toHaveLength(0);
    expect(mpCmdRunPath({ ProgramFiles: 'relative\\path' }).ok).toBe(false);
  });
});
