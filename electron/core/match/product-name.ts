/**
 * Comparing product names across sources that word them differently ("Kaspersky Endpoint
 * Security 10 SP1 for Linux" printed by kesl-control vs the catalog's "Kaspersky Endpoint
 * Security for Linux"): a name matches when all its words appear in the other.
 */
const DIACRITICS = /\p{M}/gu;

export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(DIACRITICS, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** True when every word of `name` appears in `candidate`. */
export function nameContainedIn(name: string, candidate: string): boolean {
  const have = new Set(nameTokens(candidate));
  const need = nameTokens(name);
  return need.length > 0 && need.every((token) => have.has(token));
}
