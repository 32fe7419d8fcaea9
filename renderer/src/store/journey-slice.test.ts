import { describe, expect, it } from 'vitest';
import type {
  ActionPreview,
  Api,
  JourneyChange,
  JourneyView,
  ScanResult,
  StepId,
} from '../../../electron/api/contract';
import { type AnsweringMethods, apiWith } from '../test-support/partial-api';
import { createAppStore } from './create-app-store';

const KASPERSKY = 'kaspersky-total-security';

function result(): ScanResult {
  return {
    schemaVersion: 1,
    scannedAt: '2026-11-29T12:00:00.000Z',
    capturedAt: '2026-11-29T12:00:00.000Z',
    replayed: true,
    machine: {
      platform: 'windows',
      osName: null,
      osVersion: null,
      isServer: false,
      hostname: null,
      machineId: null,
      pendingRestart: [],
      bootedAt: null,
    },
    region: { code: 'US', name: 'United States', source: 'override', explanation: 'because you chose it' },
    verdict: { level: 'unprotected', headline: 'Not protected', reasons: [], actions: [], deadline: null },
    detections: [{ id: KASPERSKY, name: 'Kaspersky Total Security' } as ScanResult['detections'][number]],
    sources: [],
    timings: { captureMs: 1, analyseMs: 1 },
  };
}

function view(stepId: string | null): JourneyView {
  return {
    plan: null,
    progress: stepId ? { stepId: stepId as StepId, choices: {}, ticked: [], removed: [] } : null,
    reachable: [],
    alternatives: [],
    choices: null,
    notice: null,
    technicianNotes: null,
    preflight: null,
  };
}

const runnable: ActionPreview = {
  token: 'tok-1',
  title: 'Remove Kaspersky Total Security',
  command: 'C:\\Windows\\System32\\msiexec.exe /x {GUID}',
  notes: ['Windows asks for permission.'],
  cannotRun: null,
};

/** A fake Api that records the journey calls and answers from the given overrides. */
function fakeApi(overrides: Partial<AnsweringMethods> = {}) {
  const calls: string[] = [];
  let saved: string | null = null;
  const api: Api = apiWith({
    appInfo: async () => ({ version: '1', platform: 'windows', host: 'harness' }),
    scan: async () => result(),
    startScan: async () => {
      calls.push('startScan');
      return { scanId: `scan-${calls.filter((c) => c === 'startScan').length}` };
    },
    getScanProgress: async (scanId) => ({ scanId, phase: 'done', probes: [], result: result(), error: null }),
    getJourney: async () => {
      calls.push('getJourney');
      return view(saved);
    },
    changeJourney: async (change: JourneyChange) => {
      calls.push(`change ${change.kind}`);
      if (change.kind === 'start') saved = 'keep-data';
      if (change.kind === 'start-over') saved = null;
      if (change.kind === 'move') saved = change.stepId;
      return view(saved);
    },
    previewRemoval: async (id) => {
      calls.push(`previewRemoval ${id}`);
      return runnable;
    },
    previewRestartResume: async () => {
      calls.push('previewRestartResume');
      return { ...runnable, token: 'tok-r', title: 'Open Handover after the restart' };
    },
    previewSignatureUpdate: async () => {
      calls.push('previewSignatureUpdate');
      return { ...runnable, token: 'tok-s', title: 'Update Microsoft Defender now' };
    },
    confirmAction: async (token) => {
      calls.push(`confirm ${token}`);
      return { message: 'Removed.', restartNeeded: false, rescan: true };
    },
    openDownloadPage: async (id) => {
      calls.push(`open ${id}`);
      return null;
    },
    convertPasswordExport: async (format) => {
      calls.push(`convert ${format}`);
      return { writtenTo: '/x/bitwarden.csv', written: 3, skipped: [], partial: [] };
    },
    deleteConvertedFile: async (path) => {
      calls.push(`delete ${path}`);
      return { path, alreadyGone: false };
    },
    ...overrides,
  });
  return { api, calls };
}

const store = (api: Api) => createAppStore(api, { wait: async () => {} });

describe('the journey slice', () => {
  it('reads the journey after every finished scan and remembers product names', async () => {
    const { api, calls } = fakeApi();
    const s = store(api);
    await s.getState().startScan();
    expect(calls).toEqual(['startScan', 'getJourney']);
    expect(s.getState().journey).toMatchObject({ status: 'ready', open: false });
    expect(s.getState().journey.names[KASPERSKY]).toBe('Kaspersky Total Security');
  });

  it('Start saves the start and opens the journey; Resume opens it without a change', async () => {
    const { api, calls } = fakeApi();
    const s = store(api);
    await s.getState().startScan();
    await s.getState().startJourney();
    expect(calls.at(-1)).toBe('change start');
    expect(s.getState().journey.open).toBe(true);
    expect(s.getState().journey.view?.progress?.stepId).toBe('keep-data');

    s.getState().closeJourney();
    expect(s.getState().journey.open).toBe(false);
    s.getState().resumeJourney();
    expect(s.getState().journey.open).toBe(true);
    expect(calls.filter((c) => c.startsWith('change'))).toEqual(['change start']);
  });

  it('Start over clears the saved journey, then starts again', async () => {
    const { api, calls } = fakeApi();
    const s = store(api);
    await s.getState().startScan();
    await s.getState().startOver();
    expect(calls.filter((c) => c.startsWith('change'))).toEqual(['change start-over', 'change start']);
    expect(s.getState().journey.open).toBe(true);
  });

  it('shows an Api error plainly and does not open the journey', async () => {
    const { api } = fakeApi({
      changeJourney: async () => {
        throw new Error('Your progress could not be saved: disk full');
      },
    });
    const s = store(api);
    await s.getState().startScan();
    await s.getState().startJourney();
    expect(s.getState().journey).toMatchObject({
      open: false,
      busy: false,
      error: 'Your progress could not be saved: disk full',
    });
  });

  it('a failed getJourney is reported, and the scan result still stands', async () => {
    const { api } = fakeApi({
      getJourney: async () => {
        throw new Error('The guided migration is not available in the cli');
      },
    });
    const s = store(api);
    await s.getState().startScan();
    expect(s.getState().scan.status).toBe('done');
    expect(s.getState().journey).toMatchObject({
      status: 'failed',
      error: 'The guided migration is not available in the cli',
    });
  });

  it('nothing runs before Confirm: preview, confirm with its token, then scan again', async () => {
    const { api, calls } = fakeApi();
    const s = store(api);
    await s.getState().startScan();
    await s.getState().previewRemoval(KASPERSKY);
    expect(s.getState().journey.pending).toMatchObject({ kind: 'removal', subject: KASPERSKY });
    expect(s.getState().journey.pending?.preview.command).toBe(runnable.command);
    expect(calls.some((c) => c.startsWith('confirm'))).toBe(false);

    await s.getState().confirmPending();
    expect(calls.slice(-4)).toEqual([
      'previewRemoval kaspersky-total-security',
      'confirm tok-1',
      'startScan',
      'getJourney',
    ]);
    expect(s.getState().journey.pending).toBeNull();
    expect(s.getState().journey.outcome).toMatchObject({ ok: true, message: 'Removed.', kind: 'removal' });
  });

  it("an attempt's outcome belongs to its step: a failed removal's box is gone once a later scan is past Remove", async () => {
    // Issue 12 §1: exit 1603 at Remove, then a scan that shows the product gone and Verify passing.
    let current: StepId = 'remove';
    const planned = (): JourneyView => ({
      ...view('remove'),
      plan: { current } as unknown as NonNullable<JourneyView['plan']>,
    });
    const { api } = fakeApi({
      getJourney: async () => planned(),
      confirmAction: async () => {
        throw new Error('The uninstaller of Kaspersky Total Security ended with code 1603 (a fatal error).');
      },
    });
    const s = store(api);
    await s.getState().startScan();
    await s.getState().previewRemoval(KASPERSKY);
    await s.getState().confirmPending();
    // Handover scans again after the attempt: still at Remove, the error is shown there.
    expect(s.getState().journey.outcome).toMatchObject({ ok: false, kind: 'removal', stepId: 'remove' });
    // The person removed it another way; the next scan puts the journey at Verify.
    current = 'verify';
    await s.getState().loadJourney();
    expect(s.getState().journey.outcome).toBeNull();
  });

  it('Cancel runs nothing', async () => {
    const { api, calls } = fakeApi();
    const s = store(api);
    await s.getState().previewRemoval(KASPERSKY);
    s.getState().cancelPending();
    await s.getState().confirmPending();
    expect(s.getState().journey.pending).toBeNull();
    expect(calls.some((c) => c.startsWith('confirm'))).toBe(false);
  });

  it('a preview that cannot run shows why, and offers no confirmation', async () => {
    const { api } = fakeApi({
      previewRemoval: async () => ({
        token: null,
        title: 'Remove it',
        command: null,
        notes: [],
        cannotRun: 'Windows has no uninstaller registered for it.',
      }),
    });
    const s = store(api);
    await s.getState().previewRemoval(KASPERSKY);
    expect(s.getState().journey.pending).toBeNull();
    expect(s.getState().journey.cannotRun[KASPERSKY]).toBe('Windows has no uninstaller registered for it.');
  });

  it('registering the restart reads the plan again without scanning', async () => {
    const { api, calls } = fakeApi({
      confirmAction: async (token) => {
        calls.push(`confirm ${token}`);
        return {
          message: 'Handover will open once after the restart.',
          restartNeeded: false,
          rescan: false,
        };
      },
    });
    const s = store(api);
    await s.getState().previewRestartResume();
    await s.getState().confirmPending();
    expect(calls).toEqual(['previewRestartResume', 'confirm tok-r', 'getJourney']);
    expect(s.getState().journey.outcome?.kind).toBe('restart-resume');
  });

  it('keeps the conversion counts and the download answer', async () => {
    const { api, calls } = fakeApi();
    const s = store(api);
    await s.getState().convertPasswordExport('bitwarden');
    await s.getState().openDownloadPage('norton');
    expect(calls).toEqual(['convert bitwarden', 'open norton']);
    expect(s.getState().journey.conversion).toMatchObject({ done: true, written: 3 });
    expect(s.getState().journey.download).toEqual({ opened: true, reason: null });
  });
});

describe('deleting the converted file (point 5 of issue 12 §4)', () => {
  it('asks the main process to delete exactly the file the conversion wrote, once', async () => {
    const { api, calls } = fakeApi();
    const s = store(api);
    await s.getState().deleteConvertedFile();
    expect(calls).toEqual([]);
    await s.getState().convertPasswordExport('bitwarden');
    await s.getState().deleteConvertedFile();
    await s.getState().deleteConvertedFile();
    expect(calls).toEqual(['convert bitwarden', 'delete /x/bitwarden.csv']);
    expect(s.getState().journey.conversion).toMatchObject({
      done: true,
      deletion: { deleted: true, alreadyGone: false },
    });
  });

  it('shows why the file was not deleted, and a new conversion starts without a deletion', async () => {
    const { api } = fakeApi({
      deleteConvertedFile: async () => {
        throw new Error('/x/bitwarden.csv has changed since Handover wrote it');
      },
    });
    const s = store(api);
    await s.getState().convertPasswordExport('bitwarden');
    await s.getState().deleteConvertedFile();
    expect(s.getState().journey.conversion).toMatchObject({
      deletion: { deleted: false, error: '/x/bitwarden.csv has changed since Handover wrote it' },
    });
    await s.getState().convertPasswordExport('bitwarden');
    expect(s.getState().journey.conversion).toMatchObject({ done: true, deletion: null });
  });
});

describe('ticking a Keep your data item', () => {
  const started: JourneyView = {
    plan: null,
    progress: { stepId: 'keep-data', choices: {}, ticked: [], removed: [] },
    reachable: [],
    alternatives: [],
    choices: null,
    notice: null,
    technicianNotes: null,
    preflight: null,
  };

  it('shows the tick at once, then the saved answer', async () => {
    let release: (v: JourneyView) => void = () => {};
    const { api } = fakeApi({
      getJourney: async () => started,
      changeJourney: () =>
        new Promise<JourneyView>((resolve) => {
          release = resolve;
        }),
    });
    const s = store(api);
    await s.getState().loadJourney();
    const ticking = s.getState().changeJourney({ kind: 'tick', itemId: 'quarantine', ticked: true });
    expect(s.getState().journey.view?.progress?.ticked).toEqual(['quarantine']);
    release({
      ...started,
      progress: { ...(started.progress as NonNullable<JourneyView['progress']>), ticked: ['quarantine'] },
    });
    await ticking;
    expect(s.getState().journey.view?.progress?.ticked).toEqual(['quarantine']);
  });

  it('puts the box back when the save fails, and says why', async () => {
    const { api } = fakeApi({
      getJourney: async () => started,
      changeJourney: async () => {
        throw new Error('Your progress could not be saved: read-only folder');
      },
    });
    const s = store(api);
    await s.getState().loadJourney();
    await s.getState().changeJourney({ kind: 'tick', itemId: 'quarantine', ticked: true });
    expect(s.getState().journey.view?.progress?.ticked).toEqual([]);
    expect(s.getState().journey.error).toBe('Your progress could not be saved: read-only folder');
  });
});
