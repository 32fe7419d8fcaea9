import { describe, expect, it } from 'vitest';
import { createRestartResume, RUN_ONCE_KEY, restartResumeSupport, runOnceData } from './restart-resume';
import { memoryActionLog } from './test-support/memory-action-log';
import { type RunnerAnswer, recordingRunner } from './test-support/recording-runner';

const REG = 'C:\\WINDOWS\\System32\\reg.exe';
const EXE = 'C:\\Users\\Ana\\AppData\\Local\\Programs\\Handover\\Handover.exe';

function setup(
  answers: RunnerAnswer[] = [{ exitCode: 0 }],
  platform: 'windows' | 'macos' | 'linux' = 'windows',
) {
  const { runner, calls } = recordingRunner(...answers);
  const log = memoryActionLog();
  const resume = createRestartResume({
    runner,
    log,
    platform,
    exePath: EXE,
    env: { SystemRoot: 'C:\\WINDOWS' },
    now: () => new Date('2026-11-29T10:00:00Z'),
  });
  return { resume, calls, log };
}

describe('runOnceData', () => {
  it('quotes the program and adds --resume', () => {
    expect(runOnceData(EXE)).toEqual({ ok: true, value: `"${EXE}" --resume` });
  });

  it('refuses what a RunOnce command line cannot hold', () => {
    expect(runOnceData('Handover.exe').ok).toBe(false);
    expect(runOnceData('/Applications/Handover.app').ok).toBe(false);
    expect(runOnceData('C:\\a"b\\Handover.exe').ok).toBe(false);
    expect(runOnceData('C:\\%TEMP%\\Handover.exe').ok).toBe(false);
    expect(runOnceData(`C:\\${'x'.repeat(250)}\\Handover.exe`)).toEqual({
      ok: false,
      error: expect.stringMatching(/too long for a RunOnce entry/),
    });
  });
});

describe('createRestartResume', () => {
  it('registers with exactly reg.exe add ... RunOnce /v Handover after a confirmed preview', async () => {
    const { resume, calls, log } = setup();
    const preview = await resume.preview();
    if (!preview.ok) throw new Error(preview.error);
    expect(calls).toEqual([]);
    expect(await resume.register(preview.value.token)).toEqual({ ok: true, value: { registered: true } });
    expect(calls).toEqual([
      {
        file: REG,
        args: [
          'add',
          'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce',
          '/v',
          'Handover',
          '/t',
          'REG_SZ',
          '/d',
          `"${EXE}" --resume`,
          '/f',
        ],
        options: { timeoutMs: 15_000 },
      },
    ]);
    expect(log.entries.map((e) => [e.action, e.stage, e.exitCode])).toEqual([
      ['restart-register', 'previewed', undefined],
      ['restart-register', 'started', undefined],
      ['restart-register', 'finished', 0],
    ]);
  });

  it('runs nothing without the preview token, and a token works once', async () => {
    const { resume, calls } = setup();
    expect((await resume.register('x')).ok).toBe(false);
    const preview = await resume.preview();
    if (!preview.ok) throw new Error(preview.error);
    await resume.register(preview.value.token);
    expect((await resume.register(preview.value.token)).ok).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it('reports a failed registration with reg.exe exit code, and logs it', async () => {
    const { resume, log } = setup([{ exitCode: 1 }]);
    const preview = await resume.preview();
    if (!preview.ok) throw new Error(preview.error);
    expect(await resume.register(preview.value.token)).toEqual({
      ok: false,
      error: expect.stringMatching(/could not register.*reg\.exe exit code 1/),
    });
    expect(log.entries.at(-1)).toMatchObject({ stage: 'finished', exitCode: 1, result: 'failed' });
  });

  it('on resume, removes the value with reg.exe delete when it is still there', async () => {
    const { resume, calls, log } = setup([{ exitCode: 0 }, { exitCode: 0 }]);
    expect(await resume.unregister()).toEqual({ ok: true, value: { removed: true } });
    expect(calls.map((c) => [c.file, ...c.args])).toEqual([
      [REG, 'query', RUN_ONCE_KEY, '/v', 'Handover'],
      [REG, 'delete', RUN_ONCE_KEY, '/v', 'Handover', '/f'],
    ]);
    expect(log.entries.map((e) => [e.action, e.stage, e.exitCode])).toEqual([
      ['restart-unregister', 'started', undefined],
      ['restart-unregister', 'finished', 0],
    ]);
  });

  it('on resume, deletes nothing when Windows already removed the value (reg query exits 1)', async () => {
    const { resume, calls } = setup([{ exitCode: 1 }]);
    expect(await resume.unregister()).toEqual({ ok: true, value: { removed: false } });
    expect(calls.map((c) => c.args[0])).toEqual(['query']);
  });

  it('is not needed on macOS and Linux, and says why', async () => {
    expect(restartResumeSupport('macos')).toEqual({
      needed: false,
      why: expect.stringMatching(/progress is saved/),
    });
    const { resume, calls } = setup([], 'linux');
    expect(await resume.preview()).toEqual({ ok: false, error: expect.stringMatching(/progress is saved/) });
    expect(await resume.unregister()).toEqual({ ok: true, value: { removed: false } });
    expect(calls).toEqual([]);
    expect(restartResumeSupport('windows').needed).toBe(true);
  });
});
