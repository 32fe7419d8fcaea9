import { describe, expect, it } from 'vitest';
import { describeSupportFacts } from './describe-facts';
import { decodeSupportCode } from './support-code';
import type { SupportFacts } from './support-facts';

describe('describeSupportFacts', () => {
  it('tells the worked example of docs/support-code.md in plain words', () => {
    const decoded = decodeSupportCode('HND-H6GQ-G6V2');
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(describeSupportFacts(decoded.value)).toEqual([
      {
        label: 'Product',
        value:
          'Kaspersky for home or small office on Windows (Total Security, Internet Security, Anti-Virus, Standard, Plus, Premium and others), version 21.x',
      },
      { label: 'Real-time protection', value: 'on' },
      { label: 'Virus database', value: 'more than 2 years old' },
      { label: 'Verdict', value: 'unprotected' },
      { label: 'Step', value: 'Remove' },
      { label: 'Region', value: 'United States (US)' },
    ]);
  });

  it('says what is unknown as unknown', () => {
    const facts: SupportFacts = {
      family: 'none',
      versionBand: null,
      realtime: 'unknown',
      databaseAge: 'unknown',
      verdict: 'cannot-tell',
      step: null,
      region: null,
    };
    expect(describeSupportFacts(facts).map((line) => line.value)).toEqual([
      'No security product found',
      'could not be read',
      'age unknown',
      'cannot tell',
      'no migration started',
      'unknown',
    ]);
  });

  it('names the top version band and the database bands by their edges', () => {
    const facts: SupportFacts = {
      family: 'sophos',
      versionBand: 62,
      realtime: 'off',
      databaseAge: 'days-4-7',
      verdict: 'at-risk',
      step: 'keep-data',
      region: 'DE',
    };
    expect(describeSupportFacts(facts).map((line) => line.value)).toEqual([
      'Sophos, version 62 or later',
      'off',
      '4 to 7 days old',
      'at risk',
      'Keep your data',
      'Germany (DE)',
    ]);
  });
});
