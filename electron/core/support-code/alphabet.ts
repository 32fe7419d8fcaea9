/**
 * The 31 symbols a support code is written in, and how typed or heard text maps back to them.
 *
 * 31 because it is prime: the check character (./check-character.ts) is a weighted sum mod 31,
 * and only a prime modulus makes every single substitution and every swap detectable.
 * Crockford's base 32 leaves out I, L and O (they read as 1 and 0) and U; we also leave out Z,
 * which is "zed" to some callers and "zee" to others (rhyming with B, C, D, E, G, P, T, V) and is
 * written much like 2. Sound-alike letters that remain (B/D/P/T/V, M/N, F/S) are what the check
 * character is for: a single misheard symbol is always caught.
 */
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXY';
export const RADIX = ALPHABET.length;

/** Letters the alphabet leaves out because they look like a digit: read as that digit. */
const LOOK_ALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

/** The value (0..30) of one symbol, after the look-alike mapping; null when it is not a symbol. */
export function symbolValue(char: string): number | null {
  const upper = char.toUpperCase();
  // One character only: indexOf would find a longer string inside the alphabet.
  if (upper.length !== 1) return null;
  const index = ALPHABET.indexOf(LOOK_ALIKES[upper] ?? upper);
  return index >= 0 ? index : null;
}

export function symbolOf(value: number): string {
  const char = ALPHABET[value];
  if (char === undefined) throw new RangeError(`no symbol for ${value}`);
  return char;
}
