import { describe, expect, it } from 'vitest';
import type {
  JourneyView,
  Outcome,
  SavedFile,
  ScanResult,
  ViewingDiagnostics,
} from '../../../electron/api/contract';
import { NO_JOURNEY_VIEW } from '../../../electron/api/journey-handlers';
import { type AnsweringMethods, apiWith } from '../test-support/partial-api';
import { createAppStore } from './create-app-store';
import { later } from './later';

const result = { machine: { platform: 'windows' }, detections: [] } as unknown as ScanResult;
const journey: JourneyView = NO_JOURNEY_VIEW;

/** A scan that finishes at once, a journey, and the support code for each ask, in turn. */
function scanning(codes: (string | null)[], overrides: Partial<AnsweringMethods> = {}) {
  const calls: string[] = [];
  const api = apiWith({
    startScan: async () => {
      calls.push('startScan');
      return { scanId: 's' };
    },
    getScanProgress: async (scanId) => ({ scanId, phase: 'done', probes: [], result, error: null }),
    getJourney: async () => {
      calls.push('getJourney');
      return journey;
    },
    changeJourney: async (change) => {
      calls.push(`change ${change.kind}`);
      return journey;
    },
    getSupportCode: async () => {
      calls.push('getSupportCode');
      return codes.shift() ?? null;
    },
    ...overrides,
  });
  return { api, calls, store: createAppStore(api, { wait: async () => {} }) };
}

describe('the support code', () => {
  it('is read again after each scan, once the journey is read (it carries the step)', async () => {
    const { store, calls } = scanning(['HND-AAAA-AAAA', 'HND-BBBB-BBBB']);
    await store.getState().startScan();
    expect(calls).toEqual(['startScan', 'getJourney', 'getSupportCode']);
    expect(store.getState().helpDesk.supportCode).toBe('HND-AAAA-AAAA');
    await store.getState().startScan();
    expect(store.getState().helpDesk.supportCode).toBe('HND-BBBB-BBBB');
  });

  it('is read again after a step change', async () => {
    const { store, calls } = scanning(['HND-AAAA-AAAA', 'HND-CCCC-CCCC']);
    await store.getState().startScan();
    await store.getState().changeJourney({ kind: 'move', stepId: 'choose' });
    expect(calls.slice(-2)).toEqual(['change move', 'getSupportCode']);
    expect(store.getState().helpDesk.supportCode).toBe('HND-CCCC-CCCC');
  });

  it('an older answer arriving last does not replace the newer code', async () => {
    const first = later<string | null>();
    const second = later<string | null>();
    const answers = [first.promise, second.promise];
    const store = createAppStore(
      apiWith({ getSupportCode: () => answers.shift() as Promise<string | null> }),
    );
    const a = store.getState().loadSupportCode();
    const b = store.getState().loadSupportCode();
    second.resolve('HND-NEW0-NEW0');
    await b;
    first.resolve('HND-OLD0-OLD0');
    await a;
    expect(store.getState().helpDesk.supportCode).toBe('HND-NEW0-NEW0');
  });

  it('is none when it cannot be read (the person can still be helped another way)', async () => {
    const store = createAppStore(
      apiWith({
        getSupportCode: async () => {
          throw new Error('This is not available in the harness');
        },
      }),
    );
    await store.getState().loadSupportCode();
    expect(store.getState().helpDesk.supportCode).toBeNull();
  });

  it("is not asked for while another machine is shown: that machine's code comes with its file", async () => {
    const viewing: ViewingDiagnostics = {
      sender: 'USER-1',
      platform: 'windows',
      capturedAt: '2026-11-20T09:00:00Z',
      createdAt: '2026-11-20T09:05:00Z',
      capturedDaysAgo: 9,
      createdDaysAgo: 9,
      personalDetailsHidden: true,
      step: 'Remove',
      supportCode: 'HND-THEI-RS00',
    };
    const { store, calls } = scanning(['HND-MINE-0000'], { getViewing: async () => viewing });
    await store.getState().loadViewing();
    await store.getState().startScan();
    expect(calls).toEqual(['startScan']);
    expect(store.getState().helpDesk.supportCode).toBeNull();
  });
});

describe('decoding a support code', () => {
  it('keeps the reading: its lines, or why it cannot be read', async () => {
    const asked: string[] = [];
    const store = createAppStore(
      apiWith({
        decodeSupportCode: async (code) => {
          asked.push(code);
          if (code !== 'HND-7KQ2-M9XD') throw new Error('One character is wrong: check the code again.');
          return { code, lines: [{ label: 'Verdict', value: 'Not protected' }] };
        },
      }),
    );
    await store.getState().decodeSupportCode('HND-7KQ2-M9XD');
    expect(store.getState().helpDesk.reading?.lines).toEqual([{ label: 'Verdict', value: 'Not protected' }]);
    await store.getState().decodeSupportCode('HND-7KQ2-M9XE');
    expect(store.getState().helpDesk.reading).toEqual({
      code: null,
      lines: [],
      error: 'One character is wrong: check the code again.',
    });
    expect(asked).toEqual(['HND-7KQ2-M9XD', 'HND-7KQ2-M9XE']);
    expect(store.getState().helpDesk.decoding).toBe(false);
  });

  it('a failed call reads as an error, not as an empty code', async () => {
    const store = createAppStore(
      apiWith({
        decodeSupportCode: async () => {
          throw new Error('Handover is not answering');
        },
      }),
    );
    await store.getState().decodeSupportCode('HND-7KQ2-M9XD');
    expect(store.getState().helpDesk.reading).toEqual({
      code: null,
      lines: [],
      error: 'Handover is not answering',
    });
  });
});

describe('saving and copying', () => {
  it('a saved report says where; the format is the one asked for', async () => {
    const formats: string[] = [];
    const store = createAppStore(
      apiWith({
        saveReport: async (format) => {
          formats.push(format);
          return { path: `/home/me/report.${format}` };
        },
      }),
    );
    await store.getState().saveReport('pdf');
    expect(formats).toEqual(['pdf']);
    expect(store.getState().helpDesk.outcome).toEqual({
      kind: 'saved',
      what: 'pdf',
      path: '/home/me/report.pdf',
    });
  });

  it('is busy while the dialog is open, so nothing is saved twice', async () => {
    const answer = later<Outcome<SavedFile>>();
    const store = createAppStore(apiWith({ saveReport: () => answer.promise }));
    const saving = store.getState().saveReport('html');
    expect(store.getState().helpDesk.busy).toBe(true);
    answer.resolve({ kind: 'done', value: { path: '/r.html' } });
    await saving;
    expect(store.getState().helpDesk.busy).toBe(false);
  });

  it('a cancelled dialog leaves no outcome; a failure says why', async () => {
    const answers: Outcome<SavedFile>[] = [
      { kind: 'done', value: { path: '/r.json' } },
      { kind: 'cancelled' },
      { kind: 'failed', message: 'The folder is read-only.' },
    ];
    const store = createAppStore(apiWith({ saveReport: async () => answers.shift() as Outcome<SavedFile> }));
    await store.getState().saveReport('json');
    await store.getState().saveReport('json');
    expect(store.getState().helpDesk.outcome).toBeNull();
    await store.getState().saveReport('json');
    expect(store.getState().helpDesk.outcome).toEqual({
      kind: 'failed',
      what: 'json',
      error: 'The folder is read-only.',
    });
  });

  it('diagnostics are saved with the choice about personal details', async () => {
    const asked: boolean[] = [];
    const store = createAppStore(
      apiWith({
        saveDiagnostics: async ({ hidePersonalDetails }) => {
          asked.push(hidePersonalDetails);
          if (!hidePersonalDetails) throw new Error('The disk is full.');
          return { path: '/d.json' };
        },
      }),
    );
    await store.getState().saveDiagnostics(true);
    expect(store.getState().helpDesk.outcome).toEqual({
      kind: 'saved',
      what: 'diagnostics',
      path: '/d.json',
    });
    await store.getState().saveDiagnostics(false);
    expect(asked).toEqual([true, false]);
    expect(store.getState().helpDesk.outcome).toEqual({
      kind: 'failed',
      what: 'diagnostics',
      error: 'The disk is full.',
    });
  });

  it('Copy summary keeps the text copied, or the text to copy by hand when the clipboard refused', async () => {
    const answers = [
      { copied: true, text: 'Not protected: Kaspersky stopped receiving updates.' },
      { copied: false, text: 'Not protected.' },
    ];
    const store = createAppStore(
      apiWith({ copySummary: async () => answers.shift() as (typeof answers)[0] }),
    );
    await store.getState().copySummary();
    expect(store.getState().helpDesk.outcome).toEqual({
      kind: 'copied',
      text: 'Not protected: Kaspersky stopped receiving updates.',
    });
    await store.getState().copySummary();
    expect(store.getState().helpDesk.outcome).toEqual({ kind: 'not-copied', text: 'Not protected.' });
  });

  it('Copy summary that fails says why', async () => {
    const store = createAppStore(
      apiWith({
        copySummary: async () => {
          throw new Error('There is no scan to summarise yet.');
        },
      }),
    );
    await store.getState().copySummary();
    expect(store.getState().helpDesk.outcome).toEqual({
      kind: 'failed',
      what: 'summary',
      error: 'There is no scan to summarise yet.',
    });
  });
});
