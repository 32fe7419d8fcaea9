import { describe, expect, it } from 'vitest';
import type { JourneyView, ScanResult, ViewingDiagnostics } from '../../../electron/api/contract';
import { NO_JOURNEY_VIEW } from '../../../electron/api/journey-handlers';
import { CANCELLED } from '../../../electron/api/outcome';
import { type AnsweringMethods, apiWith } from '../test-support/partial-api';
import { createAppStore } from './create-app-store';

const result = { machine: { platform: 'windows' }, detections: [] } as unknown as ScanResult;
const journey: JourneyView = { ...NO_JOURNEY_VIEW, plan: { current: 'remove' } as JourneyView['plan'] };
const theirs: ViewingDiagnostics = {
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

/** This computer's scan and journey; the diagnostics calls answer from `overrides`. */
function fakeApi(overrides: Partial<AnsweringMethods>) {
  const calls: string[] = [];
  let viewing: ViewingDiagnostics | null = null;
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
    changeJourney: async () => journey,
    getSupportCode: async () => {
      calls.push('getSupportCode');
      return 'HND-MINE-0000';
    },
    openDiagnostics: async () => {
      calls.push('openDiagnostics');
      viewing = theirs;
      return theirs;
    },
    getViewing: async () => {
      calls.push('getViewing');
      return viewing;
    },
    closeDiagnostics: async () => {
      calls.push('closeDiagnostics');
      viewing = null;
      return null;
    },
    ...overrides,
  });
  return { calls, store: createAppStore(api, { wait: async () => {} }) };
}

/** A window showing this computer's verdict, with the journey open. */
async function onJourney(overrides: Partial<AnsweringMethods> = {}) {
  const fake = fakeApi(overrides);
  await fake.store.getState().startScan();
  await fake.store.getState().startJourney();
  fake.calls.length = 0;
  return fake;
}

describe('the viewing slice', () => {
  it('an opened file is shown read-only: journey closed, a scan of their machine, no journey or code of ours', async () => {
    const { store, calls } = await onJourney();
    expect(store.getState().journey.open).toBe(true);
    await store.getState().openDiagnostics();
    expect(calls).toEqual(['openDiagnostics', 'startScan']);
    expect(store.getState().viewing).toEqual({ info: theirs, busy: false, error: null });
    expect(store.getState().journey).toMatchObject({ open: false, view: null, error: null });
    expect(store.getState().helpDesk.supportCode).toBeNull();
  });

  it('a refused file gives one clear message and changes nothing else', async () => {
    const { store, calls } = await onJourney({
      openDiagnostics: async () => {
        calls.push('openDiagnostics');
        throw new Error('This is not a Handover diagnostics file.');
      },
    });
    const journeyBefore = store.getState().journey;
    const scanBefore = store.getState().scan;
    await store.getState().openDiagnostics();
    expect(calls).toEqual(['openDiagnostics']);
    expect(store.getState().viewing).toEqual({
      info: null,
      busy: false,
      error: 'This is not a Handover diagnostics file.',
    });
    expect(store.getState().journey).toBe(journeyBefore);
    expect(store.getState().scan).toBe(scanBefore);
  });

  it('a cancelled dialog changes nothing and says nothing', async () => {
    const { store, calls } = await onJourney({
      openDiagnostics: async () => {
        calls.push('openDiagnostics');
        return CANCELLED;
      },
    });
    await store.getState().openDiagnostics();
    expect(calls).toEqual(['openDiagnostics']);
    expect(store.getState().viewing).toEqual({ info: null, busy: false, error: null });
    expect(store.getState().journey.open).toBe(true);
  });

  it('a call that fails is one message too', async () => {
    const { store } = await onJourney({
      openDiagnostics: async () => {
        throw new Error('The file is over 50 MB.');
      },
    });
    await store.getState().openDiagnostics();
    expect(store.getState().viewing.error).toBe('The file is over 50 MB.');
    expect(store.getState().journey.open).toBe(true);
  });

  it('Close returns to this computer: a new scan, its journey and its support code', async () => {
    const { store, calls } = await onJourney();
    await store.getState().openDiagnostics();
    calls.length = 0;
    await store.getState().closeDiagnostics();
    expect(calls).toEqual(['closeDiagnostics', 'startScan', 'getJourney', 'getSupportCode']);
    expect(store.getState().viewing.info).toBeNull();
    expect(store.getState().journey.view).toBe(journey);
    expect(store.getState().helpDesk.supportCode).toBe('HND-MINE-0000');
  });

  it('at start, a file still open in the host (the window reloaded) is shown as such', async () => {
    const { store } = fakeApi({ getViewing: async () => theirs });
    await store.getState().loadViewing();
    expect(store.getState().viewing.info).toEqual(theirs);
  });

  it('at start, a host without diagnostics shows this computer', async () => {
    const { store } = fakeApi({
      getViewing: async () => {
        throw new Error('This is not available in the cli');
      },
    });
    await store.getState().loadViewing();
    expect(store.getState().viewing.info).toBeNull();
  });
});
