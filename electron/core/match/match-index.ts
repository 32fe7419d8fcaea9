/**
 * The catalog prepared for matching: for each OS and signature field, only the products (and
 * vendor components) that have patterns for it, with those patterns (compiled once by the
 * loader, anchored and case-insensitive; semantics in catalog-schema.ts). A Linux scan tests
 * hundreds of packages, so a value is only ever tried against patterns of its own field.
 */
import type { Platform } from '../capture';
import type { CatalogFamily, CatalogProduct } from '../catalog/catalog-schema';
import {
  type CompiledCatalog,
  type CompiledPattern,
  type CompiledSignatures,
  matchPattern,
} from '../catalog/load-catalog';

export interface PatternHit {
  readonly version?: string;
  /** Length of the matching pattern: a longer pattern is a more specific one. */
  readonly specificity: number;
}

export interface IndexedProduct {
  readonly product: CatalogProduct;
  readonly family: CatalogFamily;
}

export interface Candidate<T> {
  readonly owner: T;
  test(value: string): PatternHit | null;
}

export interface MatchIndex {
  products(platform: Platform, field: string): readonly Candidate<IndexedProduct>[];
  components(platform: Platform, field: string): readonly Candidate<CatalogFamily>[];
  /** Every product, for lookups by id or vendor. */
  readonly all: readonly IndexedProduct[];
}

function bestOf(patterns: readonly CompiledPattern[], value: string): PatternHit | null {
  let best: PatternHit | null = null;
  for (const pattern of patterns) {
    const hit = matchPattern(pattern, value);
    if (hit && (!best || pattern.source.length > best.specificity)) {
      best = { specificity: pattern.source.length, ...(hit.version ? { version: hit.version } : {}) };
    }
  }
  return best;
}

function addAll<T>(table: Map<string, Candidate<T>[]>, owner: T, signatures: CompiledSignatures): void {
  for (const platform of ['windows', 'macos', 'linux'] as const) {
    for (const [field, patterns] of Object.entries(signatures[platform]) as [
      string,
      readonly CompiledPattern[],
    ][]) {
      if (patterns.length === 0) continue;
      const key = `${platform}.${field}`;
      const list = table.get(key) ?? [];
      list.push({ owner, test: (value) => bestOf(patterns, value) });
      table.set(key, list);
    }
  }
}

const cache = new WeakMap<CompiledCatalog, MatchIndex>();

export function buildMatchIndex(catalog: CompiledCatalog): MatchIndex {
  const cached = cache.get(catalog);
  if (cached) return cached;
  const products = new Map<string, Candidate<IndexedProduct>[]>();
  const components = new Map<string, Candidate<CatalogFamily>[]>();
  const all = catalog.products.map((product) => {
    const indexed: IndexedProduct = { product: product.raw, family: product.family };
    addAll(products, indexed, product.signatures);
    return indexed;
  });
  for (const family of catalog.compiledFamilies) {
    if (family.components) addAll(components, family.raw, family.components);
  }
  const index: MatchIndex = {
    products: (platform, field) => products.get(`${platform}.${field}`) ?? [],
    components: (platform, field) => components.get(`${platform}.${field}`) ?? [],
    all,
  };
  cache.set(catalog, index);
  return index;
}
