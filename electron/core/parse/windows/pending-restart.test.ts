import { describe, expect, it } from 'vitest';
import { parsePendingRestart } from './pending-restart';

describe('parsePendingRestart', () => {
  it('lists every marker that is set, saying which field showed it (the /2 script)', () => {
    const data = {
      markers: { ComponentBasedServicing: false, WindowsUpdate: true, PendingComputerRename: true },
      configurationManagerClient: false,
      PendingFileRenameOperations: 3,
    };
    expect(parsePendingRestart(data, 'windows.pending-restart')).toEqual({
      ok: true,
      value: {
        kind: 'pending-restart',
        reasons: ['windows-update', 'computer-rename'],
        evidence: {
          source: 'windows.pending-restart',
          record: JSON.stringify(data),
          decoded: {
            'windows-update': 'WindowsUpdate is set',
            'computer-rename': 'PendingComputerRename is set',
            PendingFileRenameOperations:
              '3 file operations wait for a restart (PendingFileRenameOperations); on its own that is not a pending restart',
          },
        },
      },
    });
  });

  it('takes Configuration Manager’s own answer as a marker', () => {
    const data = {
      markers: { ComponentBasedServicing: false, WindowsUpdate: false, ConfigurationManager: true },
    };
    expect(parsePendingRestart(data, 'windows.pending-restart')).toMatchObject({
      ok: true,
      value: { reasons: ['configuration-manager'] },
    });
  });

  // Issue 10 point 5: PendingFileRenameOperations is on most machines and means no restart by itself.
  it.each([
    [
      'the /2 count',
      { markers: { ComponentBasedServicing: false, WindowsUpdate: false }, PendingFileRenameOperations: 12 },
    ],
    [
      'the /1 flag of older captures',
      { CbsRebootPending: false, WindowsUpdateRebootRequired: false, PendingFileRenameOperations: true },
    ],
  ])('does not call pending file renames alone a pending restart (%s)', (_name, data) => {
    expect(parsePendingRestart(data, 'windows.pending-restart')).toEqual({ ok: true, value: null });
  });

  it('still reads the /1 markers of older captures', () => {
    const data = {
      CbsRebootPending: true,
      WindowsUpdateRebootRequired: false,
      PendingFileRenameOperations: true,
    };
    expect(parsePendingRestart(data, 'windows.pending-restart')).toMatchObject({
      ok: true,
      value: {
        reasons: ['component-based-servicing'],
        evidence: {
          decoded: {
            'component-based-servicing': 'CbsRebootPending is set',
            PendingFileRenameOperations: expect.stringContaining('not a pending restart'),
          },
        },
      },
    });
  });

  it('gives null when nothing waits for a restart', () => {
    const data = { markers: { ComponentBasedServicing: false, WindowsUpdate: false } };
    expect(parsePendingRestart(data, 'windows.services')).toEqual({ ok: true, value: null });
  });

  it('rejects garbage', () => {
    expect(parsePendingRestart([true], 'windows.services')).toMatchObject({ ok: false });
    expect(parsePendingRestart({}, 'windows.services')).toMatchObject({ ok: false });
    expect(parsePendingRestart({ markers: {} }, 'windows.services')).toMatchObject({ ok: false });
    expect(parsePendingRestart({ CbsRebootPending: 'maybe' }, 'windows.services')).toMatchObject({
      ok: false,
    });
  });
});
