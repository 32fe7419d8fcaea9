import { describe, expect, it } from 'vitest';
import { ageInDays, daysAgo, formatDate, onOffUnknown } from './format';

describe('format', () => {
  it('counts days from the data, in plain words', () => {
    expect(daysAgo(791)).toBe('791 days ago');
    expect(daysAgo(0)).toBe('today');
    expect(daysAgo(-3)).toBe('in 3 days');
    expect(ageInDays(3020)).toBe('3,020 days old');
    expect(ageInDays(1)).toBe('1 day old');
    expect(ageInDays(0)).toBe('from today');
  });

  it('formats dates in the given locale and rejects bad ones', () => {
    expect(formatDate('2024-09-29T12:00:00Z', 'en-GB')).toBe('29 September 2024');
    expect(formatDate('2024-09-29T12:00:00Z', 'en-US')).toBe('September 29, 2024');
    expect(formatDate('not a date')).toBeNull();
    expect(formatDate(null)).toBeNull();
  });

  it('says "Not known" rather than guessing', () => {
    expect(onOffUnknown(null)).toBe('Not known');
    expect(onOffUnknown(true)).toBe('On');
    expect(onOffUnknown(false)).toBe('Off');
  });
});
