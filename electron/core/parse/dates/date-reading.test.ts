import { describe, expect, it } from 'vitest';
import { describeReading, isoOrNull, readingFromDate, utcFromFields } from './date-reading';

describe('date readings', () => {
  it('maps year 1601 (FILETIME 0) to never', () => {
    expect(readingFromDate(new Date(Date.UTC(1601, 0, 1, 6)))).toEqual({ kind: 'never' });
  });

  it('keeps a real date as a UTC ISO instant', () => {
    expect(readingFromDate(new Date(Date.UTC(2021, 11, 15, 12, 40, 10)))).toEqual({
      kind: 'date',
      iso: '2021-12-15T12:40:10.000Z',
      zone: 'utc',
    });
  });

  it('rejects fields that roll over', () => {
    expect(utcFromFields(2025, 2, 31)).toBeNull();
    expect(utcFromFields(2025, 3, 11, 25)).toBeNull();
    expect(utcFromFields(2025, 3, 11, 1, 52, 18)?.toISOString()).toBe('2025-03-11T01:52:18.000Z');
  });

  it('describes readings for evidence', () => {
    expect(describeReading({ kind: 'never' })).toBe('never');
    expect(describeReading({ kind: 'unreadable', reason: 'x' })).toBe('unreadable (x)');
    expect(
      describeReading({ kind: 'date', iso: '2025-03-11T01:52:18.000Z', zone: 'local-read-as-utc' }),
    ).toMatch(/^2025-03-11T01:52:18.000Z \(printed without a time zone/);
    expect(isoOrNull({ kind: 'never' })).toBeNull();
  });
});
