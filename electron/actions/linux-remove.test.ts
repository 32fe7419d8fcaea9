import { describe, expect, it } from 'vitest';
import type { ScanView } from './current-scan';
import { createLinuxRemoveAction, LINUX_REMOVE_TIMEOUT_MS, linuxRemoveArgv, PKEXEC } from './linux-remove';
import { memoryActionLog } from './test-support/memory-action-log';
import { type RunnerAnswer, recordingRunner } from './test-support/recording-runner';

const scan: ScanView = {
  machine: { platform: 'linux' },
  detections: [
    {
      id: 'kaspersky-endpoint-security-linux',
      name: 'Kaspersky Endpoint Security for Linux',
      uninstallEntries: [
        { name: 'kesl', registry: 'dpkg', identifier: 'kesl' },
        { name: 'kesl-gui', registry: 'dpkg', identifier: 'kesl-gui' },
      ],
    },
    {
      id: 'kaspersky-network-agent',
      name: 'Kaspersky Network Agent',
      uninstallEntries: [{ name: 'klnagent64', registry: 'rpm', identifier: 'klnagent64' }],
    },
  ],
};

function setup(
  answers: RunnerAnswer[] = [{ exitCode: 0 }],
  present: readonly string[] = [PKEXEC, '/usr/bin/apt-get', '/usr/bin/dnf'],
  current: ScanView | null = scan,
) {
  const { runner, calls } = recordingRunner(...answers);
  const log = memoryActionLog();
  const checked: string[] = [];
  const action = createLinuxRemoveAction({
    runner,
    log,
    currentScan: () => current,
    now: () => new Date('2026-11-29T10:00:00Z'),
    executableExists: async (path) => {
      checked.push(path);
      return present.includes(path);
    },
  });
  return { action, calls, log, checked };
}

describe('linuxRemoveArgv', () => {
  // Issue 10 point 7: pkexec would look a bare "apt-get" up on the caller's PATH.
  it('builds the package manager command behind pkexec, both by full path', () => {
    expect(linuxRemoveArgv('dpkg', 'kesl')).toEqual({
      ok: true,
      value: ['/usr/bin/pkexec', '/usr/bin/apt-get', 'remove', '-y', 'kesl'],
    });
    expect(linuxRemoveArgv('rpm', 'klnagent64')).toEqual({
      ok: true,
      value: ['/usr/bin/pkexec', '/usr/bin/dnf', 'remove', '-y', 'klnagent64'],
    });
  });

  it.each(['-y', 'kesl; rm -rf /', 'Kesl', '', 'kesl gui', '../kesl', '$(id)', '+kesl'])(
    'refuses the package name %j',
    (name) => {
      expect(linuxRemoveArgv('dpkg', name).ok).toBe(false);
    },
  );

  it('refuses other package registries', () => {
    expect(linuxRemoveArgv('pkgutil', 'com.kaspersky.kav')).toEqual({
      ok: false,
      error: '"pkgutil" packages are not removed by Handover',
    });
  });
});

describe('createLinuxRemoveAction', () => {
  it('shows the command, then runs exactly /usr/bin/pkexec /usr/bin/apt-get remove -y <package> and logs it', async () => {
    const { action, calls, log, checked } = setup([{ exitCode: 0 }]);
    const preview = await action.preview({
      detectionId: 'kaspersky-endpoint-security-linux',
      packageName: 'kesl',
    });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.value).toMatchObject({
      argv: ['/usr/bin/pkexec', '/usr/bin/apt-get', 'remove', '-y', 'kesl'],
      display: '/usr/bin/pkexec /usr/bin/apt-get remove -y kesl',
      terminalCommand: 'sudo apt-get remove kesl',
      runnable: true,
    });
    expect(checked).toEqual([PKEXEC, '/usr/bin/apt-get']);
    expect(calls).toEqual([]);
    const outcome = await action.run(preview.value.token as string);
    expect(calls).toEqual([
      {
        file: PKEXEC,
        args: ['/usr/bin/apt-get', 'remove', '-y', 'kesl'],
        options: { timeoutMs: LINUX_REMOVE_TIMEOUT_MS },
      },
    ]);
    expect(outcome).toMatchObject({ ok: true, value: { result: 'removed', exitCode: 0, rescan: true } });
    expect(log.entries.map((e) => [e.stage, e.exitCode])).toEqual([
      ['previewed', undefined],
      ['started', undefined],
      ['finished', 0],
    ]);
  });

  it('uses dnf for an rpm package', async () => {
    const { action, calls } = setup();
    const preview = await action.preview({
      detectionId: 'kaspersky-network-agent',
      packageName: 'klnagent64',
    });
    if (!preview.ok) throw new Error(preview.error);
    await action.run(preview.value.token as string);
    expect(calls.map((c) => [c.file, ...c.args])).toEqual([
      [PKEXEC, '/usr/bin/dnf', 'remove', '-y', 'klnagent64'],
    ]);
  });

  it('without pkexec, shows the terminal command and offers nothing to run', async () => {
    const { action, calls } = setup([], ['/usr/bin/apt-get']);
    const preview = await action.preview({
      detectionId: 'kaspersky-endpoint-security-linux',
      packageName: 'kesl',
    });
    expect(preview).toEqual({
      ok: true,
      value: expect.objectContaining({
        runnable: false,
        terminalCommand: 'sudo apt-get remove kesl',
        whyNotRunnable: expect.stringMatching(/\/usr\/bin\/pkexec is not on this computer/),
      }),
    });
    expect(preview.ok && preview.value.token).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('runs nothing without a confirmed token', async () => {
    const { action, calls, log } = setup();
    expect((await action.run('guess')).ok).toBe(false);
    expect(calls).toEqual([]);
    expect(log.entries).toEqual([expect.objectContaining({ action: 'linux-remove', stage: 'refused' })]);
  });

  it('refuses a package the current scan did not find for that product', async () => {
    const { action, calls } = setup();
    expect(
      await action.preview({
        detectionId: 'kaspersky-endpoint-security-linux',
        packageName: 'openssh-server',
      }),
    ).toEqual({ ok: false, error: expect.stringMatching(/did not find the package "openssh-server"/) });
    // A package of another detection is not this one's.
    expect(
      (await action.preview({ detectionId: 'kaspersky-endpoint-security-linux', packageName: 'klnagent64' }))
        .ok,
    ).toBe(false);
    expect((await action.preview({ detectionId: 'clamav', packageName: 'kesl' })).ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it('refuses on another system', async () => {
    const { action } = setup([], undefined, { ...scan, machine: { platform: 'windows' } });
    expect(
      await action.preview({ detectionId: 'kaspersky-endpoint-security-linux', packageName: 'kesl' }),
    ).toEqual({
      ok: false,
      error: expect.stringMatching(/for Linux/),
    });
  });

  it.each([
    [{ exitCode: 126 }, 'cancelled', false],
    [{ exitCode: 127 }, 'not-authorized', false],
    [{ exitCode: 100 }, 'failed', true],
    [{ outcome: 'timeout' as const, exitCode: null }, 'timed-out', true],
  ])('reports %j as %s and logs the exit code', async (answer, result, rescan) => {
    const { action, log } = setup([answer]);
    const preview = await action.preview({
      detectionId: 'kaspersky-endpoint-security-linux',
      packageName: 'kesl',
    });
    if (!preview.ok) throw new Error(preview.error);
    expect(await action.run(preview.value.token as string)).toMatchObject({
      ok: true,
      value: { result, rescan, exitCode: answer.exitCode },
    });
    expect(log.entries.at(-1)).toMatchObject({ stage: 'finished', exitCode: answer.exitCode, result });
  });
});
