/**
 * Support facts ↔ one whole number, the number the seven data symbols write in base 31.
 *
 * The number is mixed-radix, not bit fields: each field takes exactly as many values as it has
 * (real-time has 3, not 4), which is what fits the facts into 7 symbols (31^7 ≈ 2^34.7).
 * Least significant first:
 *
 *   field           radix  values
 *   format version      8  1 (this layout); the radix of this field never changes
 *   family             64  the family's support code number (catalog data: ./family-table.ts)
 *   version band       64  0 unknown, 1 + the major (1..63: majors 0..62, 62 meaning "62 or later")
 *   real-time           3  REALTIME_CODES
 *   database age        8  AGE_CODES
 *   verdict             4  VERDICT_CODES
 *   step                9  STEP_CODES
 *   region            677  0 unknown, 1 + 26·(first letter) + (second letter), A = 0
 *
 * The product of the radices is 19,166,920,704, below 31^7 = 27,512,614,111; a number at or above
 * it is out of range. Every table here is frozen for format 1: a change to any of them (a 10th
 * step, another band) is a new format version, read next to this one.
 */

import type { StepId } from '../plan/migration-steps';
import type { VerdictLevel } from '../scan-result';
import { err, ok, type Result } from '../util/result';
import { type DatabaseAgeBand, VERSION_BAND_TOP } from './bands';
import { familyAt, familyNumber } from './family-table';
import type { RealtimeState, SupportFacts } from './support-facts';

export const FORMAT_VERSION = 1;
/** Fixed for every format: the version is read before the rest of the layout is known. */
export const FORMAT_VERSION_RADIX = 8;

export const FAMILY_RADIX = 64;
/** 0 for unknown and one value per band 0..VERSION_BAND_TOP; code-layout.test.ts holds the two together. */
export const VERSION_BAND_RADIX = 64;
export const REALTIME_CODES: readonly RealtimeState[] = ['unknown', 'on', 'off'];
export const AGE_CODES: readonly DatabaseAgeBand[] = [
  'unknown',
  'days-0-3',
  'days-4-7',
  'days-8-30',
  'days-31-90',
  'days-91-365',
  'days-366-730',
  'over-730-days',
];
export const VERDICT_CODES: readonly VerdictLevel[] = ['protected', 'at-risk', 'unprotected', 'cannot-tell'];
/** Not STEP_IDS itself: a step inserted there must not change what existing codes mean. */
export const STEP_CODES: readonly (StepId | null)[] = [
  null,
  'check',
  'keep-data',
  'choose',
  'remove',
  'restart',
  'install',
  'verify',
  'done',
];
const LETTERS = 26;
export const REGION_RADIX = 1 + LETTERS * LETTERS;

interface Digit {
  readonly value: number;
  readonly radix: number;
}

/** Digits for format 1, most significant first. */
function familyDigit(family: string): number {
  const number = familyNumber(family);
  if (number === null)
    throw new Error(`Support code: no number for the product family ${JSON.stringify(family)}`);
  return number;
}

function digitsOf(facts: SupportFacts): Digit[] {
  return [
    { value: regionDigit(facts.region), radix: REGION_RADIX },
    { value: indexIn(STEP_CODES, facts.step, 'step'), radix: STEP_CODES.length },
    { value: indexIn(VERDICT_CODES, facts.verdict, 'verdict'), radix: VERDICT_CODES.length },
    { value: indexIn(AGE_CODES, facts.databaseAge, 'database age'), radix: AGE_CODES.length },
    { value: indexIn(REALTIME_CODES, facts.realtime, 'real-time'), radix: REALTIME_CODES.length },
    { value: versionBandDigit(facts.versionBand), radix: VERSION_BAND_RADIX },
    { value: familyDigit(facts.family), radix: FAMILY_RADIX },
    { value: FORMAT_VERSION, radix: FORMAT_VERSION_RADIX },
  ];
}

/** Encoding facts that do not fit is a bug in the caller, not a person's mistake: it throws. */
function indexIn<T>(table: readonly T[], value: T, field: string): number {
  const index = table.indexOf(value);
  if (index < 0) throw new RangeError(`support code: no ${field} value ${String(value)}`);
  return index;
}

function versionBandDigit(band: number | null): number {
  if (band === null) return 0;
  if (!Number.isInteger(band) || band < 0 || band > VERSION_BAND_TOP) {
    throw new RangeError(`support code: version band ${band} is not 0..${VERSION_BAND_TOP}`);
  }
  return band + 1;
}

function regionDigit(region: string | null): number {
  if (region === null) return 0;
  if (!/^[A-Z]{2}$/.test(region)) throw new RangeError(`support code: region "${region}" is not ISO alpha-2`);
  const letter = (i: number) => region.charCodeAt(i) - 65;
  return 1 + LETTERS * letter(0) + letter(1);
}

function regionOfDigit(digit: number): string | null {
  if (digit === 0) return null;
  const letters = digit - 1;
  return String.fromCharCode(65 + Math.floor(letters / LETTERS), 65 + (letters % LETTERS));
}

/** The whole number for these facts (format 1). */
export function packFacts(facts: SupportFacts): number {
  return digitsOf(facts).reduce((n, digit) => {
    // A 65th family would spill into the version band: that needs a new format, not a wrong code.
    if (digit.value >= digit.radix)
      throw new RangeError(`support code: ${digit.value} does not fit ${digit.radix}`);
    return n * digit.radix + digit.value;
  }, 0);
}

/** The number's facts; an error in plain words when it holds no facts this version knows. */
export function unpackFacts(n: number): Result<SupportFacts> {
  const version = n % FORMAT_VERSION_RADIX;
  if (version !== FORMAT_VERSION) {
    return err(
      `This code is in format ${version}, and this Handover reads format ${FORMAT_VERSION} only. ` +
        'If the person has a newer Handover, update this one; otherwise ask them to read the code again.',
    );
  }
  let rest = Math.floor(n / FORMAT_VERSION_RADIX);
  const take = (radix: number): number => {
    const digit = rest % radix;
    rest = Math.floor(rest / radix);
    return digit;
  };
  const familyDigit = take(FAMILY_RADIX);
  const bandDigit = take(VERSION_BAND_RADIX);
  const realtime = REALTIME_CODES[take(REALTIME_CODES.length)];
  const databaseAge = AGE_CODES[take(AGE_CODES.length)];
  const verdict = VERDICT_CODES[take(VERDICT_CODES.length)];
  const step = STEP_CODES[take(STEP_CODES.length)];
  const region = regionOfDigit(take(REGION_RADIX));
  const family = familyAt(familyDigit);
  if (rest !== 0) {
    return err(
      'This code passes its check but is larger than any code this Handover makes. ' +
        'If the person has a newer Handover, update this one; otherwise ask them to read the code again.',
    );
  }
  if (!family) {
    return err(
      `This code names product family number ${familyDigit}, which this Handover does not know. ` +
        'The person probably has a newer Handover: update this one to read it.',
    );
  }
  // Every digit below is less than its table's length (the radix is the length), so these hold.
  if (realtime === undefined || databaseAge === undefined || verdict === undefined || step === undefined) {
    throw new Error('support code: a format 1 table is shorter than its radix');
  }
  return ok({
    family: family.id,
    versionBand: bandDigit === 0 ? null : bandDigit - 1,
    realtime,
    databaseAge,
    verdict,
    step,
    region,
  });
}
