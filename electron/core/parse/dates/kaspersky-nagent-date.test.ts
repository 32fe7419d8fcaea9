import { describe, expect, it } from 'vitest';
import { readNagentDate } from './kaspersky-nagent-date';

describe('readNagentDate', () => {
  it('reads DD-MM-YYYY HH-MM-SS as UTC (Checkmk test values [S71])', () => {
    expect(readNagentDate('02-02-2024 13-30-00')).toEqual({
      kind: 'date',
      iso: '2024-02-02T13:30:00.000Z',
      zone: 'utc',
    });
  });

  it('rejects impossible dates and other text', () => {
    expect(readNagentDate('31-02-2024 13-30-00')).toMatchObject({ kind: 'unreadable' });
    expect(readNagentDate('not-a-date')).toBeNull();
  });
});
