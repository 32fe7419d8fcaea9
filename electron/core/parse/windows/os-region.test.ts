import { describe, expect, it } from 'vitest';
import { parseOs, parseRegion } from './os-region';

describe('parseOs', () => {
  it('reads a workstation (Windows 10 Pro 10.0.19045 [S9])', () => {
    expect(
      parseOs({
        Caption: 'Microsoft Windows 10 Pro',
        Version: '10.0.19045',
        BuildNumber: '19045',
        ProductType: 1,
        OSArchitecture: '64-bit',
      }),
    ).toEqual({
      ok: true,
      value: {
        osName: 'Microsoft Windows 10 Pro',
        osVersion: '10.0.19045',
        build: '19045',
        isServer: false,
        architecture: '64-bit',
      },
    });
  });

  it('reads Windows Server 2019 Standard build 17763 as a server [S12]', () => {
    expect(
      parseOs({ Caption: 'Microsoft Windows Server 2019 Standard', Version: '10.0.17763', ProductType: 3 }),
    ).toMatchObject({ ok: true, value: { isServer: true } });
    expect(parseOs({ Caption: 'x', ProductType: 2 })).toMatchObject({ ok: true, value: { isServer: true } });
  });

  it('leaves isServer unknown without ProductType and rejects garbage', () => {
    expect(parseOs({ Caption: 'Microsoft Windows 7 Professional ' })).toEqual({
      ok: true,
      value: { osName: 'Microsoft Windows 7 Professional' },
    });
    expect(parseOs('Windows')).toMatchObject({ ok: false });
    expect(parseOs({})).toMatchObject({ ok: false });
    expect(parseOs({ Caption: 'x', ProductType: 'server' })).toMatchObject({ ok: false });
  });

  it('reads LastBootUpTime as ConvertTo-Json writes a DateTime (\\/Date(ms)\\/)', () => {
    expect(parseOs({ Caption: 'x', LastBootUpTime: '/Date(1764410700000)/' })).toMatchObject({
      ok: true,
      value: { bootedAt: '2025-11-29T10:05:00.000Z' },
    });
  });
});

describe('parseRegion', () => {
  it('reads a Russian-locale machine', () => {
    expect(
      parseRegion({
        GeoName: 'RU',
        GeoNation: '203',
        Culture: 'ru-RU',
        HomeLocationGeoId: 203,
        TimeZoneId: 'Russian Standard Time',
      }),
    ).toEqual({
      ok: true,
      value: {
        windowsHomeLocation: 'RU',
        windowsGeoId: 203,
        locale: 'ru-RU',
        timeZone: 'Russian Standard Time',
      },
    });
  });

  it('falls back to Geo Nation when Get-WinHomeLocation is missing, and skips a non-ISO name', () => {
    expect(
      parseRegion({ GeoName: null, GeoNation: '244', Culture: 'en-US', TimeZoneId: 'Eastern Standard Time' }),
    ).toEqual({
      ok: true,
      value: { windowsGeoId: 244, locale: 'en-US', timeZone: 'Eastern Standard Time' },
    });
    expect(parseRegion({ GeoName: '001' })).toEqual({ ok: true, value: {} });
  });

  it('rejects garbage', () => {
    expect(parseRegion(null)).toMatchObject({ ok: false });
    expect(parseRegion({ Culture: 7 })).toMatchObject({ ok: false });
  });
});
