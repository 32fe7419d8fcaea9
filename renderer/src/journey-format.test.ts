import { describe, expect, it } from 'vitest';
import { costText, countryName, entries, minutesText, testDateText } from './journey-format';

describe('journey words', () => {
  it('says roughly how long a step takes, and nothing for no time', () => {
    expect(minutesText(1)).toBe('About 1 minute');
    expect(minutesText(15)).toBe('About 15 minutes');
    expect(minutesText(0)).toBeNull();
  });

  it('says whether a test date is the test period or the publication', () => {
    expect(testDateText({ date: '2024-03/2024-04', dateKind: 'test-period' }, 'en-GB')).toBe(
      'tested March 2024 to April 2024',
    );
    expect(testDateText({ date: '2025-02-11', dateKind: 'published' }, 'en-GB')).toBe(
      'published 11 February 2025',
    );
  });

  it('states the cost plainly, including when it is not established', () => {
    expect(costText({ freeTier: true, note: '', sources: [] })).toBe('Free version: yes');
    expect(costText({ freeTier: false, note: '', sources: [] })).toBe('Free version: no');
    expect(costText({ freeTier: null, note: '', sources: [] })).toBe('Free version: not confirmed');
  });

  it('names countries and counts entries', () => {
    expect(countryName('CZ')).toBe('Czechia');
    expect(countryName(undefined)).toBeNull();
    expect(entries(1)).toBe('1 entry');
    expect(entries(3)).toBe('3 entries');
  });
});
