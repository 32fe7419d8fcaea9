import { describe, expect, it } from 'vitest';
import type { ProbeRecord } from '../core/capture';
import type { Probe, ProbeContext } from './probe-context';
import { type ProbeProgressEvent, runProbes } from './run-probes';

const context = { now: () => new Date('2026-11-29T10:00:00Z') } as ProbeContext;

const record = (probe: string): ProbeRecord => ({
  probe,
  kind: 'directory',
  path: '/x',
  entries: [],
  outcome: 'ok',
  startedAt: '2026-11-29T10:00:00.000Z',
  durationMs: 1,
});

describe('runProbes', () => {
  it('keeps going when one probe throws and one hangs, reporting each', async () => {
    const probes: Probe[] = [
      { id: 'linux.dpkg', run: async () => [record('linux.dpkg')] },
      {
        id: 'linux.rpm',
        run: async () => {
          throw new Error('boom');
        },
      },
      { id: 'linux.kesl', run: () => new Promise(() => {}) },
    ];
    const events: ProbeProgressEvent[] = [];
    const records = await runProbes(probes, context, (event) => events.push(event), 50);

    expect(records.map((r) => [r.probe, r.outcome])).toEqual([
      ['linux.dpkg', 'ok'],
      ['linux.rpm', 'failed'],
      ['linux.kesl', 'timeout'],
    ]);
    expect(records[1]?.error).toBe('Reading installed packages (rpm) failed: boom');
    expect(records[2]?.error).toMatch(/did not finish within 0.05 s/);
    expect(events.filter((e) => e.state !== 'pending' && e.state !== 'running')).toEqual([
      { probe: 'linux.dpkg', label: 'Reading installed packages (dpkg)', state: 'done' },
      { probe: 'linux.rpm', label: 'Reading installed packages (rpm)', state: 'failed' },
      {
        probe: 'linux.kesl',
        label: 'Asking Kaspersky Endpoint Security for Linux for its status',
        state: 'failed',
      },
    ]);
  });
});
