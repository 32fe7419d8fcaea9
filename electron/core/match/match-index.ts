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
  /** The products with patterns for this field that may match `value` (none when no pattern can). */
  products(platform: Platform, field: string, value: string): readonly Candidate<IndexedProduct>[];
  components(platform: Platform, field: string, value: string): readonly Candidate<CatalogFamily>[];
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

/** Candidates of one field, and one expression that matches exactly when one of their patterns does. */
interface FieldTable<T> {
  readonly candidates: Candidate<T>[];
  readonly sources: string[];
  anyPattern?: RegExp | null;
  /**
   * Values already tried against the union. Machines of one fleet hold mostly the same values
   * (the services and programs of one Windows build, one distribution's packages), so a
   * summary of many machines tries each once; bounded, so memory stays flat.
   */
  readonly seen: Map<string, boolean>;
}

/** Values remembered per field before the memory starts again. */
const SEEN_LIMIT = 50_000;

/** Whether a pattern refers back to a numbered group (\1 ... \9), which a union would renumber. */
function hasBackreference(source: string): boolean {
  for (let i = 0; i < source.length; i += 1) {
    if (source[i] !== '\\') continue;
    if (/[1-9]/.test(source[i + 1] ?? '')) return true;
    i += 1;
  }
  return false;
}

/**
 * The union of a field's patterns, anchored and case-insensitive as each is (compilePattern),
 * named groups made plain (a name may repeat across patterns). Most values a machine holds (a
 * Linux package list, every service) match no pattern at all: one test of the union then
 * replaces hundreds of tests of the patterns one by one. Null when a pattern cannot be joined.
 */
function unionOf(sources: readonly string[]): RegExp | null {
  if (sources.some(hasBackreference)) return null;
  const plain = sources.map((source) => `(?:${source.replace(/\(\?<([A-Za-z][A-Za-z0-9]*)>/g, '(?:')})`);
  try {
    return new RegExp(`^(?:${plain.join('|')})$`, 'iu');
  } catch {
    return null;
  }
}

/**
 * A field's table by platform, then field: both are short constant strings, where a key joined
 * per lookup ("windows.service") would be a new string to hash for every value of every machine
 * (a third of a fleet summary's matching time, measured with --cpu-prof).
 */
type FieldTables<T> = Record<Platform, Map<string, FieldTable<T>>>;

const emptyTables = <T>(): FieldTables<T> => ({ windows: new Map(), macos: new Map(), linux: new Map() });

function candidatesFor<T>(
  tables: FieldTables<T>,
  platform: Platform,
  field: string,
  value: string,
): readonly Candidate<T>[] {
  const entry = tables[platform].get(field);
  if (!entry) return [];
  if (entry.anyPattern === undefined) entry.anyPattern = unionOf(entry.sources);
  if (!entry.anyPattern) return entry.candidates;
  let may = entry.seen.get(value);
  if (may === undefined) {
    may = entry.anyPattern.test(value);
    if (entry.seen.size >= SEEN_LIMIT) entry.seen.clear();
    entry.seen.set(value, may);
  }
  return may ? entry.candidates : [];
}

function addAll<T>(tables: FieldTables<T>, owner: T, signatures: CompiledSignatures): void {
  for (const platform of ['windows', 'macos', 'linux'] as const) {
    const table = tables[platform];
    for (const [field, patterns] of Object.entries(signatures[platform]) as [
      string,
      readonly CompiledPattern[],
    ][]) {
      if (patterns.length === 0) continue;
      const entry: FieldTable<T> = table.get(field) ?? { candidates: [], sources: [], seen: new Map() };
      entry.candidates.push({ owner, test: (value) => bestOf(patterns, value) });
      entry.sources.push(...patterns.map((pattern) => pattern.source));
      table.set(field, entry);
    }
  }
}

const cache = new WeakMap<CompiledCatalog, MatchIndex>();

export function buildMatchIndex(catalog: CompiledCatalog): MatchIndex {
  const cached = cache.get(catalog);
  if (cached) return cached;
  const products = emptyTables<IndexedProduct>();
  const components = emptyTables<CatalogFamily>();
  const all = catalog.products.map((product) => {
    const indexed: IndexedProduct = { product: product.raw, family: product.family };
    addAll(products, indexed, product.signatures);
    return indexed;
  });
  for (const family of catalog.compiledFamilies) {
    if (family.components) addAll(components, family.raw, family.components);
  }
  const index: MatchIndex = {
    products: (platform, field, value) => candidatesFor(products, platform, field, value),
    components: (platform, field, value) => candidatesFor(components, platform, field, value),
    all,
  };
  cache.set(catalog, index);
  return index;
}
