/**
 * The catalog prepared for matching: every pattern compiled once, anchored and case-insensitive
 * (semantics in catalog-schema.ts), indexed by OS and signature field.
 */
import type { Platform } from '../capture';
import type { CatalogFamily, CatalogProduct, ProductSignatures } from '../catalog/catalog-schema';

export type SignatureField = string;

export interface PatternHit {
  readonly version?: string;
  /** Length of the matching pattern: a longer pattern is a more specific one. */
  readonly specificity: number;
}

export interface CompiledSignatures {
  test(platform: Platform, field: SignatureField, value: string): PatternHit | null;
}

export interface IndexedProduct {
  readonly product: CatalogProduct;
  readonly family: CatalogFamily;
  readonly signatures: CompiledSignatures;
}

export interface MatchIndex {
  readonly products: readonly IndexedProduct[];
  readonly components: readonly { readonly family: CatalogFamily; readonly signatures: CompiledSignatures }[];
}

function compileSignatures(signatures: ProductSignatures | undefined): CompiledSignatures {
  const table = new Map<string, { regex: RegExp; length: number }[]>();
  for (const [platform, fields] of Object.entries(signatures ?? {})) {
    for (const [field, patterns] of Object.entries((fields ?? {}) as Record<string, string[] | undefined>)) {
      table.set(
        `${platform}.${field}`,
        (patterns ?? []).map((source) => ({ regex: new RegExp(`^(?:${source})$`, 'iu'), length: source.length })),
      );
    }
  }
  return {
    test(platform, field, value) {
      let best: PatternHit | null = null;
      for (const { regex, length } of table.get(`${platform}.${field}`) ?? []) {
        const match = regex.exec(value);
        if (match && (!best || length > best.specificity)) {
          const version = match.groups?.version;
          best = { specificity: length, ...(version ? { version } : {}) };
        }
      }
      return best;
    },
  };
}

const cache = new WeakMap<readonly CatalogFamily[], MatchIndex>();

export function buildMatchIndex(families: readonly CatalogFamily[]): MatchIndex {
  const cached = cache.get(families);
  if (cached) return cached;
  const index: MatchIndex = {
    products: families.flatMap((family) =>
      family.products.map((product) => ({ product, family, signatures: compileSignatures(product.signatures) })),
    ),
    components: families
      .filter((family) => family.components)
      .map((family) => ({ family, signatures: compileSignatures(family.components) })),
  };
  cache.set(families, index);
  return index;
}
