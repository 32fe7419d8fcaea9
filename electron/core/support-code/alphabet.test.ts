import { describe, expect, it } from 'vitest';
import { ALPHABET, RADIX, symbolOf, symbolValue } from './alphabet';

const isPrime = (n: number) =>
  n > 1 && Array.from({ length: n - 2 }, (_, i) => i + 2).every((d) => n % d !== 0);

describe('the alphabet', () => {
  it('has 31 different symbols, a prime number, without the letters that look or sound like others', () => {
    expect(RADIX).toBe(31);
    expect(isPrime(RADIX)).toBe(true);
    expect(new Set(ALPHABET).size).toBe(RADIX);
    for (const left of 'ILOUZ') expect(ALPHABET).not.toContain(left);
  });

  it('reads symbols in either case, O as 0 and I or L as 1, and nothing else', () => {
    for (const [value, symbol] of [...ALPHABET].entries()) {
      expect(symbolValue(symbol)).toBe(value);
      expect(symbolValue(symbol.toLowerCase())).toBe(value);
      expect(symbolOf(value)).toBe(symbol);
    }
    expect([symbolValue('O'), symbolValue('o'), symbolValue('I'), symbolValue('l')]).toEqual([0, 0, 1, 1]);
    for (const other of ['U', 'Z', '-', ' ', 'AB', '', 'ß']) expect(symbolValue(other), other).toBeNull();
  });
});
