import { describe, expect, it } from 'vitest';
import type { FleetRow } from '../../electron/api/contract';
import { bannedCell, filterRows, NO_FILTER, scannedWords, shownName } from './fleet-format';

const row = (partial: Partial<FleetRow>): FleetRow => ({
  file: 'pc.json',
  kind: 'capture',
  machine: 'PC-01',
  machineId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  platform: 'windows',
  scannedAt: '2026-11-28T12:00:00.000Z',
  staleDays: 1,
  stale: false,
  level: 'protected',
  headline: 'Microsoft Defender Antivirus is protecting this computer.',
  banned: [],
  protectors: ['Microsoft Defender Antivirus'],
  reasons: [],
  supportCode: 'HND-AAAA-BBBB',
  ...partial,
});

const rows = [
  row({}),
  row({
    file: 'pc-07.json',
    machine: 'PC-07',
    level: 'unprotected',
    stale: true,
    staleDays: 31,
    banned: [
      { product: 'Kaspersky Endpoint Security for Windows', banId: 'us-bis-icts-2024', daysSinceCutoff: 791 },
    ],
    protectors: [],
  }),
];

describe('the Fleet screen filters', () => {
  it('keep a level, the stale, the banned', () => {
    expect(filterRows(rows, NO_FILTER)).toHaveLength(2);
    expect(filterRows(rows, { ...NO_FILTER, level: 'unprotected' }).map((r) => r.machine)).toEqual(['PC-07']);
    expect(filterRows(rows, { ...NO_FILTER, staleOnly: true }).map((r) => r.machine)).toEqual(['PC-07']);
    expect(filterRows(rows, { ...NO_FILTER, bannedOnly: true }).map((r) => r.machine)).toEqual(['PC-07']);
  });

  it('search every word, in any case, across names, ids, products and codes', () => {
    expect(filterRows(rows, { ...NO_FILTER, search: 'kaspersky' }).map((r) => r.machine)).toEqual(['PC-07']);
    expect(filterRows(rows, { ...NO_FILTER, search: 'defender pc-01' }).map((r) => r.machine)).toEqual([
      'PC-01',
    ]);
    expect(filterRows(rows, { ...NO_FILTER, search: 'a1b2c3' })).toHaveLength(2);
    expect(filterRows(rows, { ...NO_FILTER, search: 'hnd-aaaa' })).toHaveLength(2);
    expect(filterRows(rows, { ...NO_FILTER, search: 'nothing-like-this' })).toEqual([]);
  });

  it('say ages and bans in words', () => {
    expect([0, 1, 12].map(scannedWords)).toEqual(['today', 'yesterday', '12 days ago']);
    expect(bannedCell(rows[1] as FleetRow)).toBe(
      'Kaspersky Endpoint Security for Windows (791 days without updates)',
    );
    expect(bannedCell({ banned: [{ product: 'X', banId: 'b', daysSinceCutoff: -3 }] })).toBe(
      'X (updates stop in 3 days)',
    );
  });
});

describe('names from files', () => {
  it('show hidden and reordering characters as code points', () => {
    expect(shownName('evil\u202Etxt.exe\u001b')).toBe('evil[U+202E]txt.exe[U+001B]');
    expect(shownName('PC-07.json')).toBe('PC-07.json');
  });
});
