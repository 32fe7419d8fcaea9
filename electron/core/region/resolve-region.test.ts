import { describe, expect, it } from 'vitest';
import { regionFromLocale, resolveRegion } from './resolve-region';

describe('resolveRegion', () => {
  it('prefers an override over everything the OS says', () => {
    const region = resolveRegion({ windowsHomeLocation: 'US', locale: 'en-US' }, 'de');
    expect(region).toMatchObject({ code: 'DE', source: 'override', name: 'Germany' });
  });

  it("uses Windows' home location before the locale", () => {
    expect(resolveRegion({ windowsHomeLocation: 'US', locale: 'ru-RU' })).toMatchObject({
      code: 'US',
      source: 'windows-home-location',
    });
  });

  it('maps a GeoID when the ISO name is absent (older Windows)', () => {
    expect(resolveRegion({ windowsGeoId: 244 })).toMatchObject({
      code: 'US',
      source: 'windows-home-location',
    });
    expect(resolveRegion({ windowsGeoId: 94 }).code).toBe('DE');
  });

  it('falls back to the locale region, then the time zone', () => {
    expect(resolveRegion({ locale: 'ru_RU.UTF-8', timeZone: 'America/New_York' })).toMatchObject({
      code: 'RU',
      source: 'locale',
    });
    expect(resolveRegion({ locale: 'C.UTF-8', timeZone: 'America/Chicago' })).toMatchObject({
      code: 'US',
      source: 'time-zone',
    });
  });

  it('says it does not know rather than guess from a shared time zone', () => {
    const region = resolveRegion({ locale: 'C', timeZone: 'Etc/UTC' });
    expect(region).toMatchObject({ code: null, source: 'unknown' });
    expect(region.explanation).toMatch(/does not say/);
  });

  it('ignores an invalid override', () => {
    expect(resolveRegion({ windowsHomeLocation: 'GB' }, 'USA').code).toBe('GB');
  });
});

describe('regionFromLocale', () => {
  it.each([
    ['en-US', 'US'],
    ['ru_RU.UTF-8', 'RU'],
    ['de_DE@euro', 'DE'],
    ['zh-Hans-CN', 'CN'],
    ['en', null],
    ['POSIX', null],
  ])('%s → %s', (locale, expected) => {
    expect(regionFromLocale(locale)).toBe(expected);
  });
});

describe('a region hint that names no country', () => {
  it('is passed over for the next hint: a Windows home location of "XX", a locale "en_ZZ"', () => {
    expect(resolveRegion({ windowsHomeLocation: 'XX', locale: 'de-DE' })).toMatchObject({
      code: 'DE',
      source: 'locale',
    });
    expect(regionFromLocale('en_ZZ')).toBeNull();
  });

  it('an override of "XX" or "EU" is no country, so the OS decides', () => {
    expect(resolveRegion({ locale: 'fr-FR' }, 'XX').code).toBe('FR');
    expect(resolveRegion({ locale: 'fr-FR' }, 'eu').code).toBe('FR');
  });
});
