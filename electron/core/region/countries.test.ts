import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countryFromInput, inCountry } from './countries';

describe('countryFromInput', () => {
  it.each([
    ['US', 'US'],
    ['us', 'US'],
    [' de ', 'DE'],
    ['Germany', 'DE'],
    ['germany', 'DE'],
    ['UNITED STATES', 'US'],
    ['united  kingdom', 'GB'],
    ['USA', 'US'],
    ['uk', 'GB'],
    ['Holland', 'NL'],
    ['Kosovo', 'XK'],
  ])('%j names %s', (input, code) => {
    expect(countryFromInput(input)).toBe(code);
  });

  it.each(['XX', 'xx', 'ZZ', 'EU', 'UN', 'QO', 'Atlantis', '', 'U', 'USAA', '12'])(
    '%j names no country',
    (input) => {
      expect(countryFromInput(input)).toBeNull();
    },
  );
});

describe('the list of countries', () => {
  it('has the 249 ISO 3166-1 codes and Kosovo', () => {
    expect(COUNTRY_CODES.size).toBe(250);
    expect(COUNTRY_CODES.has('XK')).toBe(true);
  });
});

describe('inCountry', () => {
  it.each([
    ['US', 'in the United States'],
    ['GB', 'in the United Kingdom'],
    ['NL', 'in the Netherlands'],
    ['DE', 'in Germany'],
    ['AU', 'in Australia'],
  ])('%s → %s', (code, words) => {
    expect(inCountry(code)).toBe(words);
  });
});
