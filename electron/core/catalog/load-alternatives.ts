/**
 * Loads the alternatives catalog (./alternatives, static JSON imports listed in its index.ts),
 * validates every file against alternative-schema.ts plus the rules a schema cannot say, and
 * answers the "Choose" step: which alternatives fit this OS and audience, in which order, and
 * which vendor hosts the main process may open. Pure: no file system, no clock.
 *
 * A problem in a file throws a CatalogError naming the file and the field
 * ("norton.json: downloadUrl: host www.example.com is not on vendor.domains (norton.com)").
 */

import {
  type Alternative,
  type AlternativeAudience,
  type AlternativeNote,
  type AlternativePlatform,
  alternativeSchema,
  type TestResult,
} from './alternative-schema';
import { alternativeFiles } from './alternatives/index';
import { baseName, CatalogError, firstIssue, loadCatalog } from './load-catalog';

/** A JSON file as listed by alternatives/index.ts. */
export interface AlternativeFileEntry {
  readonly file: string;
  readonly data: unknown;
}

/** `host` is `domain` or one of its subdomains (ends with `.domain`); `evilavast.com` is not `avast.com`. */
export function hostOnDomains(host: string, domains: readonly string[]): boolean {
  const h = host.toLowerCase();
  return domains.some((d) => h === d || h.endsWith(`.${d}`));
}

function duplicates<T>(list: readonly T[]): T[] {
  return list.filter((v, i) => list.indexOf(v) !== i);
}

/** The rules beyond the schema; `fail(field, detail)` throws a CatalogError for this file. */
function checkAlternative(a: Alternative, file: string, productIds: ReadonlySet<string> | undefined): void {
  const fail = (field: string, detail: string): never => {
    throw new CatalogError(file, field, detail);
  };
  if (a.id !== baseName(file)) fail('id', `alternative id "${a.id}" must equal the file name`);

  const listed = new Set<string>();
  a.sources.forEach((s, i) => {
    if (listed.has(s.url)) fail(`sources.${i}.url`, `source ${s.url} is listed twice`);
    listed.add(s.url);
  });
  const mustBeListed = (field: string, urls: readonly string[]) => {
    urls.forEach((url, i) => {
      if (!listed.has(url)) fail(`${field}.${i}`, `${url} is not one of this file's sources`);
    });
  };

  for (const [field, list] of [
    ['platforms', a.platforms],
    ['audience', a.audience],
    ['replaces', a.replaces.map((r) => r.feature)],
    ['vendor.domains', a.vendor.domains],
  ] as const) {
    const dup = duplicates<string>(list);
    if (dup.length > 0) fail(field, `"${dup[0]}" is listed twice`);
  }

  if (a.cost.freeTier !== null && a.cost.sources.length === 0)
    fail('cost.sources', 'a free tier stated as true or false needs a source (use null when unknown)');
  mustBeListed('cost.sources', a.cost.sources);
  a.replaces.forEach((r, i) => {
    mustBeListed(`replaces.${i}.sources`, r.sources);
  });
  a.notes.forEach((n, i) => {
    if (n.kind === 'fact' && n.sources.length === 0)
      fail(`notes.${i}.sources`, 'a fact needs at least one source');
    mustBeListed(`notes.${i}.sources`, n.sources);
    for (const p of n.platforms ?? [])
      if (!a.platforms.includes(p))
        fail(`notes.${i}.platforms`, `"${p}" is not one of the entry's platforms`);
  });
  a.tests.forEach((t, i) => {
    if (!listed.has(t.url)) fail(`tests.${i}.url`, `${t.url} is not one of this file's sources`);
  });

  // A tag must rest on the catalog (issue 12 §1: ClamAV is not "Built in" on Linux).
  if (a.builtIn && (a.builtInSources ?? []).length === 0)
    fail('builtInSources', 'a built-in alternative needs the sources that say it is part of the system');
  if (!a.builtIn && a.builtInSources !== undefined)
    fail('builtInSources', 'only a built-in alternative lists builtInSources');
  mustBeListed('builtInSources', a.builtInSources ?? []);
  if (a.distributionPackages) {
    if (!a.platforms.includes('linux'))
      fail(
        'distributionPackages',
        'distribution packages are a Linux way to install: add linux to platforms',
      );
    mustBeListed('distributionPackages.sources', a.distributionPackages.sources);
  }
  (a.requirements ?? []).forEach((r, i) => {
    if (!a.platforms.includes(r.platform))
      fail(`requirements.${i}.platform`, `"${r.platform}" is not one of the entry's platforms`);
    mustBeListed(`requirements.${i}.sources`, r.sources);
  });
  const required = (a.requirements ?? []).map((r) => r.platform);
  const twice = duplicates<string>(required);
  if (twice.length > 0) fail('requirements', `"${twice[0]}" has two requirement entries`);

  if (a.downloadUrl !== null) {
    if (a.builtIn) fail('downloadUrl', 'a built-in alternative has no download (null)');
    const host = new URL(a.downloadUrl).hostname;
    if (!hostOnDomains(host, a.vendor.domains))
      fail('downloadUrl', `host ${host} is not on vendor.domains (${a.vendor.domains.join(', ')})`);
    if (!listed.has(a.downloadUrl))
      fail('downloadUrl', 'a download URL must have been seen: list it in sources');
  }

  if (a.productPage !== null) {
    const host = new URL(a.productPage).hostname;
    if (!hostOnDomains(host, a.vendor.domains))
      fail('productPage', `host ${host} is not on vendor.domains (${a.vendor.domains.join(', ')})`);
    if (!listed.has(a.productPage))
      fail('productPage', 'a product page must have been seen: list it in sources');
  }
  a.systems.forEach((entry, i) => {
    if (!a.platforms.includes(entry.platform))
      fail(`systems.${i}.platform`, `"${entry.platform}" is not one of the entry's platforms`);
    mustBeListed(`systems.${i}.sources`, entry.sources);
  });

  if (productIds && a.productId !== null && !productIds.has(a.productId))
    fail('productId', `"${a.productId}" is not a product of the detection catalog`);
}

/**
 * Validate explicit file entries (tests pass broken ones). `productIds`: the detection catalog's
 * product ids that `productId` must be one of (not checked when absent).
 */
export function buildAlternatives(
  entries: readonly AlternativeFileEntry[],
  options: { readonly productIds?: ReadonlySet<string> } = {},
): readonly Alternative[] {
  const seen = new Map<string, string>();
  return entries.map((entry) => {
    const parsed = alternativeSchema.safeParse(entry.data);
    if (!parsed.success) throw firstIssue(entry.file, parsed.error);
    const a = parsed.data;
    checkAlternative(a, entry.file, options.productIds);
    const other = seen.get(a.id);
    if (other) throw new CatalogError(entry.file, 'id', `duplicate alternative id "${a.id}" (also ${other})`);
    seen.set(a.id, entry.file);
    return a;
  });
}

let cached: readonly Alternative[] | undefined;

/** The app's alternatives, validated once (and checked against the detection catalog's product ids). */
export function loadAlternatives(): readonly Alternative[] {
  cached ??= buildAlternatives(alternativeFiles, {
    productIds: new Set(loadCatalog().productsById.keys()),
  });
  return cached;
}

/**
 * A short tag next to an alternative's name, each made from catalog data and nothing else, with
 * the source URLs it rests on (issue 12 §1: "Check every tag against the catalog"; ClamAV was
 * shown as "Built in" on Linux, where it is a package to install).
 */
export interface AlternativeTag {
  readonly id: 'built-in' | 'distribution-packages';
  readonly label: string;
  /** URLs of the alternative's sources that back the tag. */
  readonly basis: readonly string[];
}

/** The tags an alternative earns on one OS, from its catalog fields. */
export function alternativeTags(a: Alternative, os: AlternativePlatform): AlternativeTag[] {
  const tags: AlternativeTag[] = [];
  if (a.builtIn && a.platforms.includes(os) && (a.builtInSources ?? []).length > 0)
    tags.push({ id: 'built-in', label: 'Built in', basis: a.builtInSources ?? [] });
  if (os === 'linux' && a.distributionPackages)
    tags.push({
      id: 'distribution-packages',
      label: "From your system's packages",
      basis: a.distributionPackages.sources,
    });
  return tags;
}

/** One alternative as the Choose step shows it on one OS. */
export interface AlternativeChoice {
  readonly alternative: Alternative;
  /** Its tags on this OS (alternativeTags). */
  readonly tags: readonly AlternativeTag[];
  /** The test results that apply to this OS (no platform given, or this platform): the evidence shown. */
  readonly tests: readonly TestResult[];
  /** The notes for this OS (no platforms given, or including this one). */
  readonly notes: readonly AlternativeNote[];
}

export interface AlternativesQuery {
  readonly os: AlternativePlatform;
  readonly audience: AlternativeAudience;
}

/**
 * The alternatives for an OS and audience, in the order to show them. The ORDER RULE, and nothing
 * else (no vendor preference, no commercial weight):
 *   1. built-in alternatives first (Defender on Windows, XProtect on macOS; Linux has none);
 *   2. then by the number of independent test results shown for this OS (`tests` above: one
 *      result per lab publication, award or certificate), most first;
 *   3. then by name (case-insensitive, English collation), then by id.
 */
export function alternativesFor(
  query: AlternativesQuery,
  alternatives: readonly Alternative[] = loadAlternatives(),
): readonly AlternativeChoice[] {
  const { os, audience } = query;
  return alternatives
    .filter((a) => a.platforms.includes(os) && a.audience.includes(audience))
    .map(
      (a): AlternativeChoice => ({
        alternative: a,
        tags: alternativeTags(a, os),
        tests: a.tests.filter((t) => t.platform === undefined || t.platform === os),
        notes: a.notes.filter((n) => n.platforms === undefined || n.platforms.includes(os)),
      }),
    )
    .sort(compareChoices);
}

const byName = new Intl.Collator('en', { sensitivity: 'base' });

/** The order rule of `alternativesFor`. */
export function compareChoices(x: AlternativeChoice, y: AlternativeChoice): number {
  if (x.alternative.builtIn !== y.alternative.builtIn) return x.alternative.builtIn ? -1 : 1;
  if (x.tests.length !== y.tests.length) return y.tests.length - x.tests.length;
  return (
    byName.compare(x.alternative.name, y.alternative.name) ||
    (x.alternative.id < y.alternative.id ? -1 : x.alternative.id > y.alternative.id ? 1 : 0)
  );
}

/**
 * The hosts the main process may open for the Install step: every vendor.domains entry of every
 * alternative (sorted, unique). A URL is allowed when it is https and its host is one of these or
 * a subdomain of one (see isVendorUrl).
 */
export function vendorDomains(alternatives: readonly Alternative[] = loadAlternatives()): readonly string[] {
  return [...new Set(alternatives.flatMap((a) => a.vendor.domains))].sort();
}

/** An https URL whose host is on the vendor allowlist. Anything unparsable is refused. */
export function isVendorUrl(url: string, alternatives: readonly Alternative[] = loadAlternatives()): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  return hostOnDomains(parsed.hostname, vendorDomains(alternatives));
}
