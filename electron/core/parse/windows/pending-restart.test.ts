import { describe, expect, it } from 'vitest';
import { parsePendingRestart } from './pending-restart';

describe('parsePendingRestart', () => {
  it('lists every marker that is set', () => {
    const data = {
      CbsRebootPending: false,
      WindowsUpdateRebootRequired: true,
      PendingFileRenameOperations: true,
    };
    expect(parsePendingRestart(data, 'windows.pending-restart')).toEqual({
      ok: true,
      value: {
        kind: 'pending-restart',
        reasons: ['windows-update', 'pending-file-rename'],
        evidence: { source: 'windows.pending-restart', record: JSON.stringify(data) },
      },
    });
  });

  it('gives null when nothing waits for a restart', () => {
    const data = {
      CbsRebootPending: false,
      WindowsUpdateRebootRequired: false,
      PendingFileRenameOperations: false,
    };
    expect(parsePendingRestart(data, 'windows.services')).toEqual({ ok: true, value: null });
  });

  it('rejects garbage', () => {
    expect(parsePendingRestart([true], 'windows.services')).toMatchObject({ ok: false });
    expect(parsePendingRestart({}, 'windows.services')).toMatchObject({ ok: false });
    expect(parsePendingRestart({ CbsRebootPending: 'maybe' }, 'windows.services')).toMatchObject({
      ok: false,
    });
  });
});
