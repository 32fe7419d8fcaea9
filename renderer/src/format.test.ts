import { describe, expect, it } from 'vitest';
import { ageInDays, onOffUnknown } from './format';

describe('format', () => {
  it('counts days from the data, in plain words', () => {
    expect(ageInDays(3020)).toBe('3,020 days old');
    expect(ageInDays(1)).toBe('1 day old');
    expect(ageInDays(0)).toBe('from today');
  });

  it('says "Not known" rather than guessing', () => {
    expect(onOffUnknown(null)).toBe('Not known');
    expect(onOffUnknown(true)).toBe('On');
    expect(onOffUnknown(false)).toBe('Off');
  });
});
