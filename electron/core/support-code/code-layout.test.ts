import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../plan/migration-steps';
import { RADIX } from './alphabet';
import { DATABASE_AGE_BANDS, VERSION_BAND_TOP } from './bands';
import { DATA_LENGTH } from './check-character';
import {
  AGE_CODES,
  FAMILY_RADIX,
  FORMAT_VERSION_RADIX,
  packFacts,
  REALTIME_CODES,
  REGION_RADIX,
  STEP_CODES,
  unpackFacts,
  VERDICT_CODES,
  VERSION_BAND_RADIX,
} from './code-layout';
import { supportFamilies } from './family-table';
import type { SupportFacts } from './support-facts';

const facts: SupportFacts = {
  family: 'microsoft-defender',
  versionBand: 4,
  realtime: 'on',
  databaseAge: 'days-0-3',
  verdict: 'protected',
  step: 'done',
  region: 'DE',
};

describe('format 1 layout', () => {
  it('fits in the seven data symbols', () => {
    const product =
      FORMAT_VERSION_RADIX *
      FAMILY_RADIX *
      VERSION_BAND_RADIX *
      REALTIME_CODES.length *
      AGE_CODES.length *
      VERDICT_CODES.length *
      STEP_CODES.length *
      REGION_RADIX;
    expect(product).toBe(19_166_920_704);
    expect(product).toBeLessThan(RADIX ** DATA_LENGTH);
  });

  it('has room for every family and every version band', () => {
    expect(supportFamilies().length).toBeLessThanOrEqual(FAMILY_RADIX);
    expect(VERSION_BAND_RADIX).toBe(VERSION_BAND_TOP + 2);
  });

  it('has a value for every database age band, every step and no other', () => {
    expect([...AGE_CODES].sort()).toEqual([...DATABASE_AGE_BANDS.map((b) => b.id), 'unknown'].sort());
    // A step added to the journey needs format 2: the 9 values of this field are taken.
    expect(STEP_CODES.filter((s) => s !== null)).toEqual([...STEP_IDS]);
  });

  it('round-trips through the number', () => {
    expect(unpackFacts(packFacts(facts))).toEqual({ ok: true, value: facts });
    const extremes: SupportFacts = {
      family: supportFamilies().at(-1)?.id ?? '',
      versionBand: VERSION_BAND_TOP,
      realtime: 'off',
      databaseAge: 'over-730-days',
      verdict: 'cannot-tell',
      step: 'done',
      region: 'ZZ',
    };
    expect(unpackFacts(packFacts(extremes))).toEqual({ ok: true, value: extremes });
  });

  it('refuses to encode facts that do not fit, rather than writing a code that lies', () => {
    expect(() => packFacts({ ...facts, region: 'us' })).toThrow(/region/);
    expect(() => packFacts({ ...facts, region: 'USA' })).toThrow(/region/);
    expect(() => packFacts({ ...facts, versionBand: VERSION_BAND_TOP + 1 })).toThrow(/version band/);
    expect(() => packFacts({ ...facts, versionBand: 2.5 })).toThrow(/version band/);
    expect(() => packFacts({ ...facts, family: 'no-such-family' })).toThrow(/family/);
  });
});
