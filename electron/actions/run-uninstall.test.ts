import { describe, expect, it } from 'vitest';
import type { ScanView } from './current-scan';
import { createUninstallAction, interpretUninstall, UNINSTALL_TIMEOUT_MS } from './run-uninstall';
import { memoryActionLog } from './test-support/memory-action-log';
import { type RunnerAnswer, recordingRunner } from './test-support/recording-runner';

const env = {
  SystemRoot: 'C:\\WINDOWS',
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
};
const MSIEXEC = 'C:\\WINDOWS\\System32\\msiexec.exe';

const kesEntry = {
  name: 'Kaspersky Endpoint Security 10 для Windows',
  registry: 'HKLM32',
  identifier: null,
  uninstallString: 'msiexec.exe /x {7A4192A1-84C4-4E90-A31B-B4847CA8E23A} /qn',
  quietUninstallString: null,
  productCode: '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}',
};
const ultraEntry = {
  name: 'UltraAV',
  registry: 'HKLM64',
  identifier: null,
  uninstallString: '"C:\\Program Files\\UltraAV\\uninstall.exe"',
  quietUninstallString: null,
  productCode: null,
  // Composed (UltraAV has no known Uninstall entry, detection.md open question 7).
  installLocation: 'C:\\Program Files\\UltraAV\\',
};

function windowsScan(overrides: Partial<ScanView['detections'][number]> = {}): ScanView {
  return {
    machine: { platform: 'windows' },
    detections: [
      {
        id: 'kaspersky-endpoint-security',
        name: 'Kaspersky Endpoint Security',
        passwordProtected: false,
        managedBy: null,
        uninstallEntries: [kesEntry],
        ...overrides,
      },
      { id: 'ultraav', name: 'UltraAV', uninstallEntries: [ultraEntry] },
    ],
  };
}

function setup(answers: RunnerAnswer[] = [{ exitCode: 0 }], scan: ScanView | null = windowsScan()) {
  const { runner, calls } = recordingRunner(...answers);
  const log = memoryActionLog();
  let current = scan;
  const action = createUninstallAction({
    runner,
    log,
    currentScan: () => current,
    env,
    now: () => new Date('2026-11-29T10:00:00Z'),
  });
  return { action, calls, log, setScan: (next: ScanView | null) => (current = next) };
}

/** A copy, as the entry arrives from the window through IPC. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('createUninstallAction', () => {
  it('previews, then runs exactly msiexec /x {GUID} with a long limit, and logs each step', async () => {
    const { action, calls, log } = setup([{ exitCode: 0 }]);
    const preview = await action.preview({
      detectionId: 'kaspersky-endpoint-security',
      entry: copy(kesEntry),
    });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.value.command).toEqual({
      program: MSIEXEC,
      args: ['/x', '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}'],
      display: `${MSIEXEC} /x {7A4192A1-84C4-4E90-A31B-B4847CA8E23A}`,
      kind: 'msi',
    });
    expect(calls).toEqual([]);

    const outcome = await action.run(preview.value.token);
    expect(calls).toEqual([
      {
        file: MSIEXEC,
        args: ['/x', '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}'],
        options: { timeoutMs: UNINSTALL_TIMEOUT_MS },
      },
    ]);
    expect(outcome).toEqual({
      ok: true,
      value: {
        detectionId: 'kaspersky-endpoint-security',
        result: 'removed',
        exitCode: 0,
        restartNeeded: false,
        message: expect.stringMatching(/Windows Installer removed Kaspersky Endpoint Security/),
        rescan: true,
      },
    });
    expect(log.entries.map((e) => [e.action, e.stage, e.exitCode])).toEqual([
      ['uninstall', 'previewed', undefined],
      ['uninstall', 'started', undefined],
      ['uninstall', 'finished', 0],
    ]);
    expect(log.entries[2]).toMatchObject({
      detectionId: 'kaspersky-endpoint-security',
      command: { file: MSIEXEC, args: ['/x', '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}'] },
      result: 'removed',
      durationMs: 4200,
    });
  });

  it('runs a vendor uninstaller by its full path, with no shell and no extra arguments', async () => {
    const { action, calls } = setup([{ exitCode: 0 }]);
    const preview = await action.preview({ detectionId: 'ultraav', entry: copy(ultraEntry) });
    if (!preview.ok) throw new Error(preview.error);
    const outcome = await action.run(preview.value.token);
    expect(calls.map((c) => [c.file, c.args])).toEqual([['C:\\Program Files\\UltraAV\\uninstall.exe', []]]);
    expect(outcome.ok && outcome.value.result).toBe('finished');
  });

  it('takes the product folder from the catalog when the entry registers none (point 1 of issue 12 §4)', async () => {
    const setupExe = '"C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.3\\setup.exe" /x';
    const kts = { ...kesEntry, productCode: null, uninstallString: setupExe };
    const scan: ScanView = {
      machine: { platform: 'windows' },
      detections: [
        {
          id: 'kaspersky-total-security',
          productId: 'kaspersky-total-security',
          name: 'Kaspersky Total Security',
          uninstallEntries: [kts],
        },
      ],
    };
    const { runner } = recordingRunner({ exitCode: 0 });
    const folders = (productId: string) =>
      productId === 'kaspersky-total-security'
        ? [/^(?:.*\\Kaspersky Total Security \d+(\.\d+)*(\\.*)?)$/iu]
        : [];
    const base = { runner, log: memoryActionLog(), currentScan: () => scan, env, now: () => new Date(0) };
    const withCatalog = createUninstallAction({ ...base, productPaths: folders });
    const preview = await withCatalog.preview({ detectionId: 'kaspersky-total-security', entry: kts });
    expect(preview.ok && preview.value.command.program).toBe(
      'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.3\\setup.exe',
    );
    const without = createUninstallAction(base);
    expect(await without.preview({ detectionId: 'kaspersky-total-security', entry: kts })).toEqual({
      ok: false,
      error: expect.stringMatching(
        /not inside Program Files|cannot tell that this is the product's own folder/,
      ),
    });
  });

  it('runs nothing without the token of a preview, and logs the refusal', async () => {
    const { action, calls, log } = setup();
    for (const token of ['', 'made-up', '00000000000000000000000000000000']) {
      expect(await action.run(token)).toEqual({
        ok: false,
        error: expect.stringMatching(/no confirmed preview/),
      });
    }
    expect(calls).toEqual([]);
    expect(log.entries.every((e) => e.stage === 'refused')).toBe(true);
  });

  it('runs a confirmed preview once only', async () => {
    const { action, calls } = setup();
    const preview = await action.preview({ detectionId: 'kaspersky-endpoint-security', entry: kesEntry });
    if (!preview.ok) throw new Error(preview.error);
    await action.run(preview.value.token);
    expect((await action.run(preview.value.token)).ok).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it('refuses an entry that is not in the current scan, or a product it did not find', async () => {
    const { action, calls, log } = setup();
    const forged = { ...kesEntry, uninstallString: '"C:\\Users\\a\\Downloads\\tool.exe" /S' };
    expect(await action.preview({ detectionId: 'kaspersky-endpoint-security', entry: forged })).toEqual({
      ok: false,
      error: 'this uninstall entry is not one the current scan found, so Handover will not run it',
    });
    // UltraAV's entry presented as Kaspersky's: not one of that detection's entries.
    expect((await action.preview({ detectionId: 'kaspersky-endpoint-security', entry: ultraEntry })).ok).toBe(
      false,
    );
    expect(await action.preview({ detectionId: 'norton', entry: kesEntry })).toEqual({
      ok: false,
      error: 'the current scan did not find "norton" on this computer',
    });
    expect(calls).toEqual([]);
    expect(log.entries.map((e) => e.stage)).toEqual(['refused', 'refused', 'refused']);
  });

  it('refuses before any scan, and on another system', async () => {
    expect((await setup([], null).action.preview({ detectionId: 'x', entry: kesEntry })).ok).toBe(false);
    const linux = { ...windowsScan(), machine: { platform: 'linux' as const } };
    expect(
      await setup([], linux).action.preview({ detectionId: 'kaspersky-endpoint-security', entry: kesEntry }),
    ).toEqual({ ok: false, error: expect.stringMatching(/for Windows/) });
  });

  it('refuses to run when a new scan no longer finds the product after the preview', async () => {
    const { action, calls, setScan } = setup();
    const preview = await action.preview({ detectionId: 'kaspersky-endpoint-security', entry: kesEntry });
    if (!preview.ok) throw new Error(preview.error);
    setScan({ machine: { platform: 'windows' }, detections: [] });
    expect(await action.run(preview.value.token)).toEqual({
      ok: false,
      error: expect.stringMatching(/did not find "kaspersky-endpoint-security"/),
    });
    expect(calls).toEqual([]);
  });

  it('refuses to run when a new scan registers another command for the product', async () => {
    const { action, calls, setScan } = setup();
    const preview = await action.preview({ detectionId: 'kaspersky-endpoint-security', entry: kesEntry });
    if (!preview.ok) throw new Error(preview.error);
    const changed = {
      ...kesEntry,
      uninstallString: '"C:\\Program Files (x86)\\Kaspersky Lab\\KES\\setup.exe" /x',
    };
    setScan(windowsScan({ uninstallEntries: [changed] }));
    expect(await action.run(preview.value.token)).toEqual({
      ok: false,
      error: expect.stringMatching(/not one the current scan found/),
    });
    expect(calls).toEqual([]);
  });

  it('still runs after a new scan that found the same entry (a fresh copy of it)', async () => {
    const { action, calls, setScan } = setup();
    const preview = await action.preview({ detectionId: 'kaspersky-endpoint-security', entry: kesEntry });
    if (!preview.ok) throw new Error(preview.error);
    setScan(windowsScan({ uninstallEntries: [copy(kesEntry)] }));
    expect((await action.run(preview.value.token)).ok).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('notes password protection and central management in the preview', async () => {
    const { action } = setup(
      [],
      windowsScan({ passwordProtected: true, managedBy: 'Kaspersky Security Center' }),
    );
    const preview = await action.preview({ detectionId: 'kaspersky-endpoint-security', entry: kesEntry });
    expect(preview.ok && preview.value.notes).toEqual([
      expect.stringMatching(/Windows Installer opens/),
      expect.stringMatching(/uninstall password/),
      expect.stringMatching(/managed by Kaspersky Security Center.*remote uninstall task/),
    ]);
  });

  it.each([
    [{ exitCode: 3010 }, 'restart-needed', true],
    [{ exitCode: 1641 }, 'restart-needed', true],
    [{ exitCode: 1605 }, 'not-installed', false],
    [{ exitCode: 1602 }, 'cancelled', false],
    [{ exitCode: 1603 }, 'failed', false],
  ] as const)('logs and reports exit %j as %s', async (answer, result, restartNeeded) => {
    const { action, log } = setup([answer]);
    const preview = await action.preview({ detectionId: 'kaspersky-endpoint-security', entry: kesEntry });
    if (!preview.ok) throw new Error(preview.error);
    const outcome = await action.run(preview.value.token);
    expect(outcome).toMatchObject({ ok: true, value: { result, restartNeeded, exitCode: answer.exitCode } });
    expect(log.entries.at(-1)).toMatchObject({ stage: 'finished', exitCode: answer.exitCode, result });
  });
});

describe('interpretUninstall', () => {
  const kes = { name: 'Kaspersky Endpoint Security', passwordProtected: true };
  const msi = (answer: Parameters<typeof interpretUninstall>[1]) => interpretUninstall('msi', answer, kes);

  it('maps the Windows Installer exit codes', () => {
    expect(msi({ outcome: 'ok', exitCode: 0 })).toMatchObject({
      result: 'removed',
      restartNeeded: false,
      rescan: true,
    });
    expect(msi({ outcome: 'failed', exitCode: 3010 })).toMatchObject({
      result: 'restart-needed',
      restartNeeded: true,
      message: 'Kaspersky Endpoint Security was removed. Windows needs a restart to finish removing it.',
    });
    expect(msi({ outcome: 'failed', exitCode: 1641 })).toMatchObject({
      result: 'restart-needed',
      restartNeeded: true,
    });
    expect(msi({ outcome: 'failed', exitCode: 1605 })).toMatchObject({
      result: 'not-installed',
      rescan: true,
    });
    expect(msi({ outcome: 'failed', exitCode: 1602 })).toMatchObject({ result: 'cancelled', rescan: false });
    expect(msi({ outcome: 'failed', exitCode: 1223 })).toMatchObject({ result: 'cancelled' });
    expect(msi({ outcome: 'failed', exitCode: 1618 })).toMatchObject({ result: 'busy' });
    expect(msi({ outcome: 'failed', exitCode: 1603 })).toMatchObject({
      result: 'failed',
      message: expect.stringMatching(/code 1603 \(a fatal error\).*uninstall password/),
    });
    expect(msi({ outcome: 'failed', exitCode: 5 })).toMatchObject({ result: 'failed', exitCode: 5 });
  });

  it('does not call an .exe uninstaller that closed with 0 a removal: the re-scan says', () => {
    expect(interpretUninstall('exe', { outcome: 'ok', exitCode: 0 }, kes)).toMatchObject({
      result: 'finished',
      message: expect.stringMatching(/has closed.*scans again/),
    });
  });

  it('explains an uninstaller Windows will not start without administrator rights (EACCES, 740)', () => {
    expect(
      interpretUninstall(
        'exe',
        {
          outcome: 'failed',
          exitCode: null,
          error: 'C:\\X\\un.exe could not run: spawn C:\\X\\un.exe EACCES',
        },
        kes,
      ),
    ).toMatchObject({ result: 'needs-elevation', message: expect.stringMatching(/Settings › Apps/) });
  });

  it('reports a missing uninstaller, a timeout and a failure to start', () => {
    expect(interpretUninstall('exe', { outcome: 'missing', exitCode: null }, kes).result).toBe('not-found');
    expect(interpretUninstall('msi', { outcome: 'timeout', exitCode: null }, kes).result).toBe('timed-out');
    expect(
      interpretUninstall('exe', { outcome: 'failed', exitCode: null, error: 'spawn UNKNOWN' }, kes),
    ).toMatchObject({
      result: 'failed',
      message: expect.stringMatching(/could not be started \(spawn UNKNOWN\)/),
    });
  });
});
