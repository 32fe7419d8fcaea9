/**
 * The support code a person reads out over the phone, "HND-H6GQ-G6V2": "HND-", then seven
 * symbols writing the facts' number (./code-layout.ts) in base 31, most significant first, then
 * the check character (./check-character.ts), grouped in fours to read aloud.
 */
import { err, type Result } from '../util/result';
import { RADIX, symbolOf, symbolValue } from './alphabet';
import { CODE_LENGTH, checkHolds, checkValueOf, DATA_LENGTH } from './check-character';
import { packFacts, unpackFacts } from './code-layout';
import type { SupportFacts } from './support-facts';

export const SUPPORT_CODE_PREFIX = 'HND';

export function encodeSupportCode(facts: SupportFacts): string {
  return writeSupportCode(packFacts(facts));
}

/** The code for a number below 31^7, whatever it holds (tests make codes no Handover makes). */
export function writeSupportCode(number: number): string {
  if (!Number.isSafeInteger(number) || number < 0 || number >= RADIX ** DATA_LENGTH) {
    throw new RangeError(`support code: ${number} does not fit in ${DATA_LENGTH} symbols`);
  }
  let n = number;
  const data: number[] = [];
  for (let i = 0; i < DATA_LENGTH; i++) {
    data.unshift(n % RADIX);
    n = Math.floor(n / RADIX);
  }
  const symbols = [...data, checkValueOf(data)].map(symbolOf).join('');
  return `${SUPPORT_CODE_PREFIX}-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/** What people put between groups when they type what they hear: spaces, dashes, dots. */
const SEPARATORS = /[\s\-‐‑‒–—.·_/]/g;

const READ_AGAIN = 'Ask them to read it again.';

export function decodeSupportCode(text: string): Result<SupportFacts> {
  let symbols = text.replace(SEPARATORS, '').toUpperCase();
  // The prefix is optional. Eight symbols are a code even when they start with HND.
  if (symbols.length !== CODE_LENGTH && symbols.startsWith(SUPPORT_CODE_PREFIX)) {
    symbols = symbols.slice(SUPPORT_CODE_PREFIX.length);
  }
  if (symbols.length === 0)
    return err(
      'Type the code the person reads out: it looks like HND-XXXX-XXXX, eight letters and digits after HND.',
    );
  const chars = [...symbols];
  if (chars.length !== CODE_LENGTH) {
    return err(
      `A support code has ${CODE_LENGTH} characters after "${SUPPORT_CODE_PREFIX}-"; this has ${chars.length}. ${READ_AGAIN}`,
    );
  }
  const values: number[] = [];
  for (const [i, char] of chars.entries()) {
    const value = symbolValue(char);
    if (value === null) {
      return err(
        `"${char}" (character ${i + 1}) is not used in support codes: they have the digits and the letters A to Y, without U. ${READ_AGAIN}`,
      );
    }
    values.push(value);
  }
  if (!checkHolds(values)) {
    return err(
      'The check character does not match: a character was probably misheard. Ask them to read the code again, slowly.',
    );
  }
  const n = values.slice(0, DATA_LENGTH).reduce((acc, value) => acc * RADIX + value, 0);
  return unpackFacts(n);
}
