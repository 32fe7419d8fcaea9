import { describe, expect, it } from 'vitest';
import type { Api, ProbeProgress, ScanProgress, ScanResult } from '../../../electron/api/contract';
import { apiWith } from '../test-support/partial-api';
import { createAppStore } from './create-app-store';

function result(headline: string): ScanResult {
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
      pendingRestart: null,
      bootedAt: null,
    },
    region: { code: 'US', name: 'United States', source: 'override', explanation: 'because you chose it' },
    verdict: { level: 'protected', headline, reasons: [], actions: [], deadline: null },
    detections: [],
    sources: [],
    timings: { captureMs: 1, analyseMs: 1 },
  };
}

const probe = (state: ProbeProgress['state']): ProbeProgress => ({
  probe: 'wsc',
  label: 'Security Center',
  state,
});

/** A fake Api whose scans play back a fixed list of progress answers, one per poll. */
function fakeApi(
  scripts: ScanProgress['phase'][][],
  results: ScanResult[] = [result('first'), result('second')],
) {
  const calls: string[] = [];
  let scans = 0;
  const polls = new Map<string, number>();
  const api: Api = apiWith({
    appInfo: async () => ({ version: '9.9.9', platform: 'windows', host: 'harness' }),
    scan: async () => results[0] as ScanResult,
    startScan: async (options) => {
      scans += 1;
      const scanId = `scan-${scans}`;
      calls.push(`start ${scanId}${options?.region ? ` region ${options.region}` : ''}`);
      return { scanId };
    },
    getScanProgress: async (scanId) => {
      const n = polls.get(scanId) ?? 0;
      polls.set(scanId, n + 1);
      calls.push(`poll ${scanId}`);
      const index = Number(scanId.split('-')[1]) - 1;
      const script = scripts[Math.min(index, scripts.length - 1)] as ScanProgress['phase'][];
      const phase = script[Math.min(n, script.length - 1)] as ScanProgress['phase'];
      return {
        scanId,
        phase,
        probes: [
          probe(
            phase === 'running' ? (n === 0 ? 'pending' : 'running') : phase === 'done' ? 'done' : 'failed',
          ),
        ],
        result: phase === 'done' ? (results[index] ?? null) : null,
        error: phase === 'failed' ? 'Security Center did not answer' : null,
      };
    },
  });
  return { api, calls };
}

describe('createAppStore', () => {
  it('starts idle', () => {
    const { api } = fakeApi([['done']]);
    const store = createAppStore(api);
    expect(store.getState().scan.status).toBe('idle');
  });

  it('shows progress per probe while polling, then the result', async () => {
    const { api, calls } = fakeApi([['running', 'running', 'done']]);
    const seen: string[] = [];
    const store = createAppStore(api, {
      pollMs: 150,
      wait: async (ms) => {
        expect(ms).toBe(150);
        seen.push(
          store
            .getState()
            .scan.probes.map((p) => p.state)
            .join(','),
        );
      },
    });
    const running = store.getState().startScan();
    expect(store.getState().scan.status).toBe('scanning');
    await running;
    expect(seen).toEqual(['pending', 'running']);
    const { scan } = store.getState();
    expect(scan.status).toBe('done');
    expect(scan.result?.verdict.headline).toBe('first');
    expect(scan.probes).toEqual([probe('done')]);
    expect(scan.completedScans).toBe(1);
    expect(calls).toEqual(['start scan-1', 'poll scan-1', 'poll scan-1', 'poll scan-1']);
  });

  it('reports a failed scan with its error', async () => {
    const { api } = fakeApi([['running', 'failed']]);
    const store = createAppStore(api, { wait: async () => {} });
    await store.getState().startScan();
    const { scan } = store.getState();
    expect(scan.status).toBe('failed');
    expect(scan.error).toBe('Security Center did not answer');
    expect(scan.result).toBeNull();
  });

  it('turns a failed call into a failed scan, with its reason', async () => {
    const { api } = fakeApi([['done']]);
    const store = createAppStore(
      { ...api, startScan: async () => ({ kind: 'failed', message: 'bridge closed' }) },
      { wait: async () => {} },
    );
    await store.getState().startScan();
    expect(store.getState().scan).toMatchObject({ status: 'failed', error: 'bridge closed' });
  });

  it('scans again: a new scan id, the next result, progress cleared meanwhile', async () => {
    const { api, calls } = fakeApi([['done'], ['running', 'done']]);
    const store = createAppStore(api, { wait: async () => {} });
    await store.getState().startScan();
    expect(store.getState().scan.result?.verdict.headline).toBe('first');

    const again = store.getState().startScan();
    expect(store.getState().scan).toMatchObject({ status: 'scanning', result: null, probes: [] });
    await again;
    expect(store.getState().scan).toMatchObject({ status: 'done', completedScans: 2 });
    expect(store.getState().scan.result?.verdict.headline).toBe('second');
    expect(calls.filter((c) => c.startsWith('start'))).toEqual(['start scan-1', 'start scan-2']);
  });

  it('lets a newer scan win over one still polling', async () => {
    const { api } = fakeApi([['running', 'running', 'done'], ['done']]);
    let release: () => void = () => {};
    const store = createAppStore(api, {
      wait: () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    });
    const first = store.getState().startScan();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    const second = store.getState().startScan();
    await second;
    release();
    await first;
    expect(store.getState().scan.result?.verdict.headline).toBe('second');
    expect(store.getState().scan.completedScans).toBe(1);
  });

  it('starts the first scan only once', async () => {
    const { api, calls } = fakeApi([['done']]);
    const store = createAppStore(api, { wait: async () => {} });
    await Promise.all([store.getState().startFirstScan(), store.getState().startFirstScan()]);
    await store.getState().startFirstScan();
    expect(calls.filter((c) => c.startsWith('start'))).toEqual(['start scan-1']);
  });

  it('a chosen country applies to this scan and the next ones, until set back to the OS', async () => {
    const { api, calls } = fakeApi([['done']]);
    const store = createAppStore(api, { wait: async () => {} });
    await store.getState().startScan();
    await store.getState().chooseRegion('DE');
    await store.getState().startScan();
    await store.getState().chooseRegion(null);
    expect(calls.filter((c) => c.startsWith('start'))).toEqual([
      'start scan-1',
      'start scan-2 region DE',
      'start scan-3 region DE',
      'start scan-4',
    ]);
    expect(store.getState().regionChoice).toBeNull();
  });

  it('loads the app info', async () => {
    const { api } = fakeApi([['done']]);
    const store = createAppStore(api);
    await store.getState().loadAppInfo();
    expect(store.getState().appInfo).toEqual({ version: '9.9.9', platform: 'windows', host: 'harness' });
  });
});
