import { describe, expect, it } from 'vitest';
import { readLocaleDateTime } from './locale-datetime';

describe('readLocaleDateTime', () => {
  it('reads the Russian-locale FILETIME-zero value as never [S85]', () => {
    expect(readLocaleDateTime('01.01.1601 6:00:00')).toEqual({ kind: 'never' });
  });

  it('reads dotted dates day-first, as wall-clock time read as UTC', () => {
    expect(readLocaleDateTime('11.03.2025 1:52:18')).toEqual({
      kind: 'date',
      iso: '2025-03-11T01:52:18.000Z',
      zone: 'local-read-as-utc',
    });
  });

  it('reads en-US month-first only when the culture says so', () => {
    expect(readLocaleDateTime('3/11/2025 1:52:18 AM', 'en-US')).toMatchObject({
      iso: '2025-03-11T01:52:18.000Z',
    });
    expect(readLocaleDateTime('3/11/2025 1:52:18 PM', 'en-US')).toMatchObject({
      iso: '2025-03-11T13:52:18.000Z',
    });
    expect(readLocaleDateTime('3/11/2025 1:52:18 AM', 'en-GB')).toMatchObject({
      iso: '2025-11-03T01:52:18.000Z',
    });
  });

  it('returns unreadable rather than guessing when day and month could swap', () => {
    expect(readLocaleDateTime('3/11/2025 1:52:18 AM')).toMatchObject({ kind: 'unreadable' });
  });

  it('needs no culture when a field is above 12 or the year comes first', () => {
    expect(readLocaleDateTime('3/13/2025 12:00:00 AM')).toMatchObject({ iso: '2025-03-13T00:00:00.000Z' });
    expect(readLocaleDateTime('13/3/2025 12:00:00 PM')).toMatchObject({ iso: '2025-03-13T12:00:00.000Z' });
    expect(readLocaleDateTime('2025/03/11 1:52:18')).toMatchObject({ iso: '2025-03-11T01:52:18.000Z' });
  });

  it('rejects bad times and non-dates', () => {
    expect(readLocaleDateTime('11.03.2025 13:52:18 PM')).toMatchObject({ kind: 'unreadable' });
    expect(readLocaleDateTime('Normal')).toBeNull();
  });
});
