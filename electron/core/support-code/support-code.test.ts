import { describe, expect, it } from 'vitest';
import { ALPHABET } from './alphabet';
import { CODE_LENGTH } from './check-character';
import {
  AGE_CODES,
  FAMILY_RADIX,
  FORMAT_VERSION_RADIX,
  packFacts,
  REALTIME_CODES,
  REGION_RADIX,
  STEP_CODES,
  VERDICT_CODES,
  VERSION_BAND_RADIX,
} from './code-layout';
import { type SupportFamily, supportFamilies } from './family-table';

const SUPPORT_FAMILIES = supportFamilies().filter((f): f is SupportFamily => f !== null);

import { decodeSupportCode, encodeSupportCode, writeSupportCode } from './support-code';
import type { SupportFacts } from './support-facts';

const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
const BANDS: readonly (number | null)[] = [
  null,
  ...Array.from({ length: VERSION_BAND_RADIX - 1 }, (_, i) => i),
];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const REGIONS: readonly (string | null)[] = [
  null,
  ...[...LETTERS].flatMap((a) => [...LETTERS].map((b) => `${a}${b}`)),
];

/**
 * Round-trip sets that between them give every field every one of its values against many
 * values of the others: all families × version bands × real-time × database ages, and all
 * verdicts × steps × regions, the remaining fields cycling with the loop index.
 */
function productFacts(): SupportFacts[] {
  const out: SupportFacts[] = [];
  for (const [f, family] of SUPPORT_FAMILIES.entries())
    for (const [b, versionBand] of BANDS.entries())
      for (const realtime of REALTIME_CODES)
        for (const databaseAge of AGE_CODES) {
          const i = out.length + f + b;
          out.push({
            family: family.id,
            versionBand,
            realtime,
            databaseAge,
            verdict: at(VERDICT_CODES, i),
            step: at(STEP_CODES, i * 7),
            region: at(REGIONS, i * 101),
          });
        }
  return out;
}

function situationFacts(): SupportFacts[] {
  const out: SupportFacts[] = [];
  for (const verdict of VERDICT_CODES)
    for (const step of STEP_CODES)
      for (const region of REGIONS) {
        const i = out.length;
        out.push({
          family: at(SUPPORT_FAMILIES, i).id,
          versionBand: at(BANDS, i * 5),
          realtime: at(REALTIME_CODES, i),
          databaseAge: at(AGE_CODES, i * 3),
          verdict,
          step,
          region,
        });
      }
  return out;
}

/** The two sets share a few facts: each counted once. */
const ALL_FACTS = [
  ...new Map([...productFacts(), ...situationFacts()].map((f) => [JSON.stringify(f), f])).values(),
];
/** Every 97th: still thousands of codes for the exhaustive error checks below. */
const SAMPLE = ALL_FACTS.filter((_, i) => i % 97 === 0).map(encodeSupportCode);

const symbolsOf = (code: string) => code.replace(/-/g, '').slice(3);
const withPrefix = (symbols: string) => `HND-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
const CHECK_MISMATCH = /check character does not match/;

/** A deterministic sequence, so a failure reproduces. */
function* lcg(seed: number, count: number): Generator<number> {
  let x = seed;
  for (let i = 0; i < count; i++) {
    x = (x * 48271) % 2147483647;
    yield x;
  }
}

describe('encodeSupportCode', () => {
  it('writes HND-, two groups of four from the 31 symbols', () => {
    for (const code of SAMPLE) expect(code).toMatch(/^HND-[0-9A-HJKMNP-TV-Y]{4}-[0-9A-HJKMNP-TV-Y]{4}$/);
  });

  it('gives the worked example of docs/support-code.md', () => {
    const facts: SupportFacts = {
      family: 'kaspersky-consumer-windows',
      versionBand: 21,
      realtime: 'on',
      databaseAge: 'over-730-days',
      verdict: 'unprotected',
      step: 'remove',
      region: 'US',
    };
    expect(packFacts(facts)).toBe(15_274_814_601);
    expect(encodeSupportCode(facts)).toBe('HND-H6GQ-G6V2');
  });

  it('gives different facts different codes', () => {
    const codes = new Set(ALL_FACTS.map(encodeSupportCode));
    expect(codes.size).toBe(ALL_FACTS.length);
  });
});

describe('decodeSupportCode', () => {
  it(`round-trips ${ALL_FACTS.length} facts covering every value of every field`, () => {
    expect(ALL_FACTS.length).toBeGreaterThan(70_000);
    // One expect at the end: tens of thousands of expect() calls would take most of the time.
    const wrong = ALL_FACTS.filter((facts) => {
      const decoded = decodeSupportCode(encodeSupportCode(facts));
      return !decoded.ok || JSON.stringify(decoded.value) !== JSON.stringify(facts);
    });
    expect(wrong).toEqual([]);
  });

  it('every code it accepts is the code of the facts it returns (no two spellings of one fact)', () => {
    let accepted = 0;
    const respelled: string[] = [];
    for (const n of lcg(12345, 50_000)) {
      const code = writeSupportCode(n % ALPHABET.length ** 7);
      const decoded = decodeSupportCode(code);
      if (!decoded.ok) continue;
      accepted++;
      if (encodeSupportCode(decoded.value) !== code) respelled.push(code);
    }
    expect(respelled).toEqual([]);
    // About 1 in 8 numbers has format 1, and of those about half name a known family.
    expect(accepted).toBeGreaterThan(1000);
  });

  it(`catches every single-character substitution (${SAMPLE.length} codes × ${CODE_LENGTH} positions × 30 symbols)`, () => {
    let tried = 0;
    const missed: string[] = [];
    for (const code of SAMPLE) {
      const symbols = symbolsOf(code);
      for (let position = 0; position < CODE_LENGTH; position++) {
        for (const other of ALPHABET) {
          if (other === symbols[position]) continue;
          const misheard = symbols.slice(0, position) + other + symbols.slice(position + 1);
          const decoded = decodeSupportCode(withPrefix(misheard));
          if (decoded.ok || !CHECK_MISMATCH.test(decoded.error))
            missed.push(`${code} with ${other} at ${position + 1}`);
          tried++;
        }
      }
    }
    expect(missed).toEqual([]);
    expect(tried).toBe(SAMPLE.length * CODE_LENGTH * (ALPHABET.length - 1));
  });

  it('catches every swap of two different characters, adjacent or not', () => {
    let tried = 0;
    const missed: string[] = [];
    for (const code of SAMPLE) {
      const symbols = [...symbolsOf(code)];
      for (let i = 0; i < CODE_LENGTH; i++) {
        for (let j = i + 1; j < CODE_LENGTH; j++) {
          if (symbols[i] === symbols[j]) continue;
          const swapped = [...symbols];
          [swapped[i], swapped[j]] = [symbols[j] as string, symbols[i] as string];
          const decoded = decodeSupportCode(withPrefix(swapped.join('')));
          if (decoded.ok || !CHECK_MISMATCH.test(decoded.error))
            missed.push(`${code} with ${i + 1} and ${j + 1} swapped`);
          tried++;
        }
      }
    }
    expect(missed).toEqual([]);
    expect(tried).toBeGreaterThan(SAMPLE.length * 20);
  });

  it('reads a code however it was typed: case, spaces, dashes, no prefix, O for 0, I or L for 1', () => {
    const facts = ALL_FACTS.find((f) => /[01].*[01]/.test(symbolsOf(encodeSupportCode(f)))) as SupportFacts;
    const code = encodeSupportCode(facts);
    const symbols = symbolsOf(code);
    const spellings = [
      code.toLowerCase(),
      symbols,
      `hnd ${symbols.slice(0, 4)} ${symbols.slice(4)}`,
      ` HND–${symbols.slice(0, 4)}–${symbols.slice(4)} `,
      [...symbols].join(' . '),
      symbols.replace('0', 'O').replace('1', 'l'),
      symbols.replace('0', 'o').replace('1', 'I'),
      `HND${symbols}`,
    ];
    for (const typed of spellings)
      expect(decodeSupportCode(typed), typed).toEqual({ ok: true, value: facts });
  });

  it('says what is wrong in plain words', () => {
    const code = encodeSupportCode(ALL_FACTS[1234] as SupportFacts);
    const symbols = symbolsOf(code);
    const error = (text: string) => {
      const decoded = decodeSupportCode(text);
      return decoded.ok ? 'decoded' : decoded.error;
    };
    expect(error('  ')).toMatch(/^Type the code/);
    expect(error(code.slice(0, -1))).toBe(
      'A support code has 8 characters after "HND-"; this has 7. Ask them to read it again.',
    );
    expect(error(`${code}7`)).toMatch(/this has 9\./);
    expect(error(`${symbols}77`)).toMatch(/this has 10\./);
    expect(error(`U${symbols.slice(1)}`)).toBe(
      '"U" (character 1) is not used in support codes: they have the digits and the letters A to Y, without U. Ask them to read it again.',
    );
    expect(error(`${symbols.slice(0, 5)}Z${symbols.slice(6)}`)).toMatch(/^"Z" \(character 6\)/);
    expect(error(`${symbols.slice(0, 2)}é${symbols.slice(3)}`)).toMatch(/^"É" \(character 3\)/);
    expect(error(`HNX${symbols}`)).toMatch(/this has 11\./);
  });

  it('refuses a code in another format, naming it', () => {
    const format1 = packFacts(ALL_FACTS[99] as SupportFacts);
    for (const version of [0, 2, 7]) {
      const decoded = decodeSupportCode(writeSupportCode(format1 - 1 + version));
      expect(decoded).toEqual({
        ok: false,
        error: expect.stringMatching(`^This code is in format ${version},`),
      });
    }
  });

  it('refuses a family number beyond the table, and a number beyond every field', () => {
    const unknownFamily = supportFamilies().length * FORMAT_VERSION_RADIX + 1;
    expect(decodeSupportCode(writeSupportCode(unknownFamily))).toEqual({
      ok: false,
      error: expect.stringMatching(`product family number ${supportFamilies().length},`),
    });
    const fieldsProduct =
      FORMAT_VERSION_RADIX *
      FAMILY_RADIX *
      VERSION_BAND_RADIX *
      REALTIME_CODES.length *
      AGE_CODES.length *
      VERDICT_CODES.length *
      STEP_CODES.length *
      REGION_RADIX;
    expect(decodeSupportCode(writeSupportCode(fieldsProduct + 1))).toEqual({
      ok: false,
      error: expect.stringMatching(/larger than any code/),
    });
  });
});
