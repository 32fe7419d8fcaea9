/** Support facts in plain words, one line per fact, for the technician's decode box. */

import { STEP_TITLES } from '../plan/migration-steps';
import { countryName } from '../region/countries';
import type { VerdictLevel } from '../scan-result';
import { DATABASE_AGE_BANDS, type DatabaseAgeBand, VERSION_BAND_TOP } from './bands';
import { familyAt, familyNumber, NO_PRODUCT_FAMILY } from './family-table';
import type { RealtimeState, SupportFacts } from './support-facts';

export interface SupportFactLine {
  readonly label: string;
  readonly value: string;
}

const REALTIME_WORDS: Readonly<Record<RealtimeState, string>> = {
  on: 'on',
  off: 'off',
  unknown: 'could not be read',
};

const VERDICT_WORDS: Readonly<Record<VerdictLevel, string>> = {
  protected: 'protected',
  'at-risk': 'at risk',
  unprotected: 'unprotected',
  'cannot-tell': 'cannot tell',
};

function productWords(facts: SupportFacts): string {
  const number = familyNumber(facts.family);
  const label = (number === null ? null : familyAt(number))?.label ?? facts.family;
  if (facts.family === NO_PRODUCT_FAMILY || facts.versionBand === null) return label;
  const version =
    facts.versionBand === VERSION_BAND_TOP ? `${VERSION_BAND_TOP} or later` : `${facts.versionBand}.x`;
  return `${label}, version ${version}`;
}

function databaseWords(band: DatabaseAgeBand): string {
  return DATABASE_AGE_BANDS.find((b) => b.id === band)?.label ?? 'age unknown';
}

export function describeSupportFacts(facts: SupportFacts): readonly SupportFactLine[] {
  return [
    { label: 'Product', value: productWords(facts) },
    { label: 'Real-time protection', value: REALTIME_WORDS[facts.realtime] },
    { label: 'Virus database', value: databaseWords(facts.databaseAge) },
    { label: 'Verdict', value: VERDICT_WORDS[facts.verdict] },
    { label: 'Step', value: facts.step ? STEP_TITLES[facts.step] : 'no migration started' },
    { label: 'Region', value: facts.region ? `${countryName(facts.region)} (${facts.region})` : 'unknown' },
  ];
}
