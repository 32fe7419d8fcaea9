/**
 * Preview then confirm, for every action that changes the machine (issue 12 §4, point 3): each
 * action runs only with a token it issued itself for a preview, once, within its time. Tokens of
 * another action, made-up tokens, used tokens and expired tokens run nothing.
 */
import { describe, expect, it } from 'vitest';
import type { ScanView } from './current-scan';
import { createLinuxRemoveAction } from './linux-remove';
import { createRestartResume } from './restart-resume';
import { createUninstallAction } from './run-uninstall';
import { memoryActionLog } from './test-support/memory-action-log';
import { recordingRunner } from './test-support/recording-runner';
import { createSignatureUpdate } from './update-signatures';

const env = { SystemRoot: 'C:\\WINDOWS', ProgramFiles: 'C:\\Program Files' };
const kesEntry = {
  name: 'Kaspersky Endpoint Security 10 для Windows',
  registry: 'HKLM32',
  uninstallString: 'msiexec.exe /x {7A4192A1-84C4-4E90-A31B-B4847CA8E23A} /qn',
  productCode: '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}',
};
const windows: ScanView = {
  machine: { platform: 'windows' },
  detections: [
    { id: 'kaspersky-endpoint-security', name: 'Kaspersky Endpoint Security', uninstallEntries: [kesEntry] },
    { id: 'microsoft-defender-antivirus', name: 'Microsoft Defender Antivirus', uninstallEntries: [] },
  ],
};
const linux: ScanView = {
  machine: { platform: 'linux' },
  detections: [
    {
      id: 'kaspersky-endpoint-security-linux',
      name: 'Kaspersky Endpoint Security for Linux',
      uninstallEntries: [{ name: 'kesl', registry: 'dpkg', identifier: 'kesl' }],
    },
  ],
};

type Run = (token: string) => Promise<{ ok: boolean }>;

/** The four actions on one recording runner and one clock; the scan can be switched. */
function actions() {
  const { runner, calls } = recordingRunner({ exitCode: 0 });
  const log = memoryActionLog();
  let at = Date.parse('2026-11-29T10:00:00Z');
  const now = () => new Date(at);
  let scan: ScanView = windows;
  const currentScan = () => scan;
  const uninstall = createUninstallAction({ runner, log, currentScan, env, now });
  const signatureUpdate = createSignatureUpdate({ runner, log, currentScan, platform: 'windows', env, now });
  const restartResume = createRestartResume({
    runner,
    log,
    platform: 'windows',
    exePath: 'C:\\Program Files\\Handover\\Handover.exe',
    env,
    now,
  });
  const linuxRemove = createLinuxRemoveAction({
    runner,
    log,
    currentScan,
    now,
    executableExists: async (path) => path === '/usr/bin/pkexec' || path === '/usr/bin/apt-get',
  });

  /** Each action's preview (on the scan it needs) and its run. */
  const kinds: Record<string, { preview: () => Promise<string>; run: Run }> = {
    uninstall: {
      async preview() {
        scan = windows;
        const p = await uninstall.preview({ detectionId: 'kaspersky-endpoint-security', entry: kesEntry });
        if (!p.ok) throw new Error(p.error);
        return p.value.token;
      },
      run: (token) => uninstall.run(token),
    },
    'signature update': {
      async preview() {
        scan = windows;
        const p = await signatureUpdate.preview();
        if (!p.ok) throw new Error(p.error);
        return p.value.token;
      },
      run: (token) => signatureUpdate.run(token),
    },
    'restart registration': {
      async preview() {
        const p = await restartResume.preview();
        if (!p.ok) throw new Error(p.error);
        return p.value.token;
      },
      run: (token) => restartResume.register(token),
    },
    'package removal': {
      async preview() {
        scan = linux;
        const p = await linuxRemove.preview({
          detectionId: 'kaspersky-endpoint-security-linux',
          packageName: 'kesl',
        });
        if (!p.ok || !p.value.token) throw new Error(p.ok ? 'not runnable' : p.error);
        return p.value.token;
      },
      run: (token) => linuxRemove.run(token),
    },
  };
  return {
    kinds,
    calls,
    log,
    later: (ms: number) => {
      at += ms;
    },
    /** The scan the action was previewed on, so a run is checked against the same machine. */
    scanFor: (kind: string) => {
      scan = kind === 'package removal' ? linux : windows;
    },
  };
}

const NAMES = ['uninstall', 'signature update', 'restart registration', 'package removal'];

describe('every action runs only with its own preview token, once, in time', () => {
  it.each(NAMES)('%s: a made-up or empty token runs nothing', async (name) => {
    const { kinds, calls } = actions();
    const action = kinds[name];
    if (!action) throw new Error(name);
    await action.preview();
    for (const token of ['', 'made-up', '0'.repeat(32), 'f'.repeat(32)]) {
      expect(await action.run(token)).toEqual({
        ok: false,
        error: expect.stringMatching(/no confirmed preview/),
      });
    }
    expect(calls).toEqual([]);
  });

  it.each(NAMES)('%s: a token runs once, and a second time runs nothing', async (name) => {
    const { kinds, calls, scanFor } = actions();
    const action = kinds[name];
    if (!action) throw new Error(name);
    const token = await action.preview();
    scanFor(name);
    expect((await action.run(token)).ok).toBe(true);
    expect(calls).toHaveLength(1);
    expect((await action.run(token)).ok).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it.each(NAMES)('%s: a token past its 15 minutes runs nothing', async (name) => {
    const { kinds, calls, later } = actions();
    const action = kinds[name];
    if (!action) throw new Error(name);
    const token = await action.preview();
    later(15 * 60 * 1000);
    expect(await action.run(token)).toEqual({ ok: false, error: expect.stringMatching(/too old/) });
    expect(calls).toEqual([]);
  });

  it.each(
    NAMES.flatMap((issuer) => NAMES.filter((other) => other !== issuer).map((other) => [issuer, other])),
  )('a token of the %s preview does not run the %s', async (issuer, other) => {
    const { kinds, calls, scanFor } = actions();
    const issued = await kinds[issuer]?.preview();
    scanFor(other as string);
    expect(await kinds[other]?.run(issued as string)).toEqual({
      ok: false,
      error: expect.stringMatching(/no confirmed preview/),
    });
    expect(calls).toEqual([]);
  });
});
