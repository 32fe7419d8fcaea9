/**
 * The words of every product and vendor name and signature in the catalog: the words a user or
 * host name must not replace when it stands alone in text (redactor.ts), because the replay
 * matches products by them.
 */
import type { CatalogFamily } from '../catalog/catalog-schema';

/** Every run of 3 or more letters in a value (a regular expression source reads as its words). */
const wordsOf = (value: string): string[] => value.match(/\p{L}{3,}/gu) ?? [];

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (typeof value === 'object' && value !== null)
    for (const v of Object.values(value)) collectStrings(v, into);
}

export function catalogWords(catalog: { readonly families: readonly CatalogFamily[] }): string[] {
  const words = new Set<string>();
  for (const family of catalog.families) {
    const strings: string[] = [];
    // Names and patterns only: notes and source titles are prose, not what the matcher reads.
    collectStrings(
      [family.vendor, family.components, family.products.map((p) => [p.name, p.aliases, p.signatures])],
      strings,
    );
    for (const text of strings) for (const word of wordsOf(text)) words.add(word.toLowerCase());
  }
  return [...words].sort();
}
