import { describe, expect, it } from 'vitest';
import { VERIFY_MAX_SIGNATURE_AGE_DAYS } from '../plan/verify-checks';
import { STALE_AFTER_DAYS } from '../policy/signature-freshness';
import { DATABASE_AGE_BANDS, databaseAgeBandOf, VERSION_BAND_TOP, versionBandOf } from './bands';

describe('versionBandOf', () => {
  it.each([
    ['21.3.10.391', 21],
    ['10 SP1', 10],
    ['10.1.0.5960', 10],
    ['4.18.24090.11', 4],
    ['0.103.8', 0],
    ['v5.2', 5],
    ['2023.2.1', VERSION_BAND_TOP],
    ['62', VERSION_BAND_TOP],
    ['61.0', 61],
  ])('%s → %s', (version, band) => {
    expect(versionBandOf(version)).toBe(band);
  });

  it('is unknown without a version or a number in it', () => {
    expect(versionBandOf(null)).toBeNull();
    expect(versionBandOf('beta')).toBeNull();
    expect(versionBandOf('')).toBeNull();
  });
});

describe('databaseAgeBandOf', () => {
  it("puts the bands' first edges on Handover's own rules: Verify's 3 days, the scan's 7", () => {
    expect(DATABASE_AGE_BANDS[0].maxDays).toBe(VERIFY_MAX_SIGNATURE_AGE_DAYS);
    expect(DATABASE_AGE_BANDS[1].maxDays).toBe(STALE_AFTER_DAYS);
  });

  it.each([
    [null, 'unknown'],
    [-2, 'days-0-3'],
    [0, 'days-0-3'],
    [3, 'days-0-3'],
    [4, 'days-4-7'],
    [7, 'days-4-7'],
    [8, 'days-8-30'],
    [30, 'days-8-30'],
    [31, 'days-31-90'],
    [90, 'days-31-90'],
    [91, 'days-91-365'],
    [365, 'days-91-365'],
    [366, 'days-366-730'],
    [730, 'days-366-730'],
    [731, 'over-730-days'],
    [3020, 'over-730-days'],
  ])('%s days → %s', (age, band) => {
    expect(databaseAgeBandOf(age)).toBe(band);
  });
});
