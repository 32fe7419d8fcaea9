import { describe, expect, it } from 'vitest';
import { parseProcessList } from './process-list';

describe('parseProcessList', () => {
  it('reads the stored list and the raw systeminformation shape', () => {
    // Entries as systeminformation 5.33 returned them on this machine (pid 1 and 2).
    const stored = [
      { pid: 1, name: 'process_api', path: '' },
      { pid: 2, name: 'kthreadd', path: '' },
    ];
    expect(parseProcessList(stored)).toEqual({
      ok: true,
      value: [
        { name: 'process_api', pid: 1 },
        { name: 'kthreadd', pid: 2 },
      ],
    });
    const raw = { all: 1, list: [{ pid: 7, name: 'clamonacc', path: '/usr/sbin', params: '--fdpass' }] };
    expect(parseProcessList(raw)).toEqual({
      ok: true,
      value: [{ name: 'clamonacc', path: '/usr/sbin', pid: 7 }],
    });
  });

  it('refuses what is not a process list', () => {
    expect(parseProcessList(null).ok).toBe(false);
    expect(parseProcessList([{ pid: 1 }]).ok).toBe(false);
    expect(parseProcessList([])).toEqual({ ok: true, value: [] });
  });
});
