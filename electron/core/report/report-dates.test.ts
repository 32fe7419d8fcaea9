import { describe, expect, it } from 'vitest';
import { dateInWords, dateWithIso } from './report-dates';

describe('report dates', () => {
  it('in words, in UTC, with the ISO value beside', () => {
    expect(dateWithIso('2026-11-29T12:00:00.000Z')).toBe(
      '29 November 2026, 12:00 UTC (2026-11-29T12:00:00.000Z)',
    );
    expect(dateInWords('2024-09-29T00:00:00-04:00')).toBe('29 September 2024, 04:00 UTC');
    expect(dateInWords('2018-08-23')).toBe('23 August 2018, 00:00 UTC');
  });

  it('text that is not ISO 8601 with a zone is shown as it is, never guessed', () => {
    for (const text of [
      'yesterday',
      '2018-08-23 04:11:00',
      '2018-08-23T04:11:00',
      '1 January 2020 http://x',
    ]) {
      expect(dateInWords(text)).toBeNull();
      expect(dateWithIso(text)).toBe(text);
    }
  });
});
