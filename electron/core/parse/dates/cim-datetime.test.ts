import { describe, expect, it } from 'vitest';
import { readCimDatetime } from './cim-datetime';

describe('readCimDatetime', () => {
  it('reads the Server 2022 AntivirusSignatureLastUpdated value [S11]', () => {
    expect(readCimDatetime('20250311015218.000000+000')).toEqual({
      kind: 'date',
      iso: '2025-03-11T01:52:18.000Z',
      zone: 'utc',
    });
  });

  it('applies the minutes offset (local = UTC + offset)', () => {
    expect(readCimDatetime('20240601094035.000000+120')).toMatchObject({ iso: '2024-06-01T07:40:35.000Z' });
    expect(readCimDatetime('20240601094035.000000-300')).toMatchObject({ iso: '2024-06-01T14:40:35.000Z' });
  });

  it('treats 1601 as never and wildcards as unreadable', () => {
    expect(readCimDatetime('16010101000000.000000+000')).toEqual({ kind: 'never' });
    expect(readCimDatetime('********000000.000000+000')).toMatchObject({ kind: 'unreadable' });
    expect(readCimDatetime('20251399000000.000000+000')).toMatchObject({ kind: 'unreadable' });
  });

  it('returns null for other formats', () => {
    expect(readCimDatetime('2025-03-11')).toBeNull();
  });
});
