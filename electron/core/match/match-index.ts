/**
 * The catalog prepared for matching: for each product and each vendor's components, a test of
 * one observed value against the patterns of one signature field (compiled once by the loader,
 * anchored and case-insensitive; semantics in catalog-schema.ts).
 */
import type { Platform } from '../capture';
import type { CatalogFamily, CatalogProduct } from '../catalog/catalog-schema';
import { type CompiledCatalog, type CompiledSignatures, matchPattern } from '../catalog/load-catalog';

export interface PatternHit {
  readonly version?: string;
  /** Length of the matching pattern: a longer pattern is a more specific one. */
  readonly specificity: number;
}

export interface SignatureTest {
  test(platform: Platform, field: string, value: string): PatternHit | null;
}

export interface IndexedProduct {
  readonly product: CatalogProduct;
  readonly family: CatalogFamily;
  readonly signatures: SignatureTest;
}

export interface MatchIndex {
  readonly products: readonly IndexedProduct[];
  readonly components: readonly { readonly family: CatalogFamily; readonly signatures: SignatureTest }[];
}

function signatureTest(compiled: CompiledSignatures): SignatureTest {
  return {
    test(platform, field, value) {
      const patterns =
        (compiled[platform] as Readonly<Record<string, readonly { source: string }[]>>)[field] ?? [];
      let best: PatternHit | null = null;
      for (const pattern of patterns as Parameters<typeof matchPattern>[0][]) {
        const hit = matchPattern(pattern, value);
        if (hit && (!best || pattern.source.length > best.specificity)) {
          best = { specificity: pattern.source.length, ...(hit.version ? { version: hit.version } : {}) };
        }
      }
      return best;
    },
  };
}

const cache = new WeakMap<CompiledCatalog, MatchIndex>();

export function buildMatchIndex(catalog: CompiledCatalog): MatchIndex {
  const cached = cache.get(catalog);
  if (cached) return cached;
  const index: MatchIndex = {
    products: catalog.products.map((product) => ({
      product: product.raw,
      family: product.family,
      signatures: signatureTest(product.signatures),
    })),
    components: catalog.compiledFamilies.flatMap((family) =>
      family.components ? [{ family: family.raw, signatures: signatureTest(family.components) }] : [],
    ),
  };
  cache.set(catalog, index);
  return index;
}
