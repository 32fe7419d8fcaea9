/**
 * Loads the product catalog and the ban data from the static JSON imports in ./products and
 * ./bans, validates every file against its schema, and compiles every signature pattern once
 * into an anchored, case-insensitive RegExp. Pure: no file system, no clock.
 *
 * A problem in a file throws a CatalogError naming the file and the field
 * ("kaspersky-business.json: products.0.signatures.windows.path.1: Invalid regular expression …").
 */

import type { z } from 'zod';
import { type Ban, banSchema } from './ban-schema';
import { banFiles } from './bans/index';
import {
  type CatalogFamily,
  type CatalogProduct,
  catalogFamilySchema,
  type linuxSignaturesSchema,
  type macosSignaturesSchema,
  type ProductKind,
  type ProductSignatures,
  type windowsSignaturesSchema,
} from './catalog-schema';
import { productFamilyFiles } from './products/index';

/** A JSON file as listed by products/index.ts or bans/index.ts. */
export interface CatalogFileEntry {
  readonly file: string;
  readonly data: unknown;
}

export class CatalogError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: ${field || '(root)'}: ${detail}`);
    this.name = 'CatalogError';
  }
}

/** A schema's first complaint about a catalog file, as the error the loaders throw. */
export function firstIssue(file: string, error: z.ZodError): CatalogError {
  const issue = error.issues[0];
  const field = issue ? issue.path.map(String).join('.') : '';
  return new CatalogError(file, field, issue?.message ?? 'invalid');
}

/** A catalog file's name without folder or extension: every entry's id must equal it. */
export function baseName(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.json$/, '');
}

/** One signature pattern, compiled. */
export interface CompiledPattern {
  /** The pattern as written in the catalog. */
  readonly source: string;
  /** `^(?:source)$` with flags `iu`. */
  readonly regex: RegExp;
  /** The pattern has a named group `version`. */
  readonly hasVersion: boolean;
}

type Fields<S extends z.ZodTypeAny> = keyof z.infer<S>;
export type WindowsField = Fields<typeof windowsSignaturesSchema>;
export type MacosField = Fields<typeof macosSignaturesSchema>;
export type LinuxField = Fields<typeof linuxSignaturesSchema>;

/** Every field of every OS, always present (empty when the catalog has no pattern for it). */
export interface CompiledSignatures {
  readonly windows: Readonly<Record<WindowsField, readonly CompiledPattern[]>>;
  readonly macos: Readonly<Record<MacosField, readonly CompiledPattern[]>>;
  readonly linux: Readonly<Record<LinuxField, readonly CompiledPattern[]>>;
}

export type CatalogVendor = CatalogFamily['vendor'];

export interface CatalogSourceRef {
  readonly id: string;
  readonly title: string;
  readonly url?: string;
  readonly date?: string;
}

export interface CompiledProduct {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: ProductKind;
  readonly builtIn: boolean;
  readonly business: boolean;
  readonly notes?: string;
  readonly familyId: string;
  /** The validated family it belongs to. */
  readonly family: CatalogFamily;
  readonly vendor: CatalogVendor;
  /** Resolved from the family file's `sources`. */
  readonly sources: readonly CatalogSourceRef[];
  readonly signatures: CompiledSignatures;
  /** Windows services that run the real-time engine (catalog-schema.ts `engineServices`). */
  readonly engineServices: readonly CompiledPattern[];
  /** The validated product as written. */
  readonly raw: CatalogProduct;
}

export interface CompiledFamily {
  readonly id: string;
  readonly file: string;
  readonly vendor: CatalogVendor;
  readonly products: readonly CompiledProduct[];
  /** Vendor components (drivers, data folders); null when the family has none. */
  readonly components: CompiledSignatures | null;
  readonly sources: readonly CatalogSourceRef[];
  /** The validated family as written. */
  readonly raw: CatalogFamily;
}

export interface CompiledCatalog {
  /** The validated families, as written (schema types): what the matcher indexes. */
  readonly families: readonly CatalogFamily[];
  /** The same families with every pattern compiled and sources resolved. */
  readonly compiledFamilies: readonly CompiledFamily[];
  /** All products of all families, flattened. */
  readonly products: readonly CompiledProduct[];
  readonly productsById: ReadonlyMap<string, CompiledProduct>;
  readonly bans: readonly Ban[];
}

const WINDOWS_FIELDS: readonly WindowsField[] = [
  'wscDisplayName',
  'wscExe',
  'uninstallName',
  'publisher',
  'service',
  'serviceDisplayName',
  'servicePath',
  'driver',
  'process',
  'processPath',
  'path',
];
const MACOS_FIELDS: readonly MacosField[] = [
  'bundleId',
  'appName',
  'systemExtension',
  'launchdLabel',
  'pkgId',
  'process',
  'path',
];
const LINUX_FIELDS: readonly LinuxField[] = ['package', 'systemdUnit', 'process', 'path'];

/** Compile one catalog pattern: anchored to the whole value, case-insensitive. */
export function compilePattern(source: string): CompiledPattern {
  const regex = new RegExp(`^(?:${source})$`, 'iu');
  return { source, regex, hasVersion: /\(\?<version>/.test(source) };
}

/**
 * The version a match carries: the `version` group, joined by a dot to a `versionMinor` group
 * when the name separates them otherwise ("klids.K4W-21-25" → "21.25"), then followed by a
 * `versionSuffix` group when the value writes part of the version apart from it ("Endpoint
 * Security 10 for Windows SP1" → "10 SP1").
 */
function versionOf(match: RegExpExecArray): string | null {
  const major = match.groups?.version;
  if (!major) return null;
  const minor = match.groups?.versionMinor;
  const version = minor ? `${major}.${minor}` : major;
  const suffix = match.groups?.versionSuffix;
  return suffix ? `${version} ${suffix}` : version;
}

/** Match a value against one pattern; returns the extracted version (or null) on a match, else undefined. */
export function matchPattern(
  pattern: CompiledPattern,
  value: string,
): { version: string | null } | undefined {
  const m = pattern.regex.exec(value);
  if (!m) return undefined;
  return { version: versionOf(m) };
}

/** The first pattern of a list that matches the value, with its version. */
export function matchAny(
  patterns: readonly CompiledPattern[],
  value: string,
): { pattern: CompiledPattern; version: string | null } | undefined {
  for (const pattern of patterns) {
    const m = matchPattern(pattern, value);
    if (m) return { pattern, version: m.version };
  }
  return undefined;
}

/** Compile a list of patterns, naming the file and field of one that does not compile. */
function compileList(list: readonly string[], file: string, at: string): readonly CompiledPattern[] {
  return list.map((source, i) => {
    try {
      return compilePattern(source);
    } catch (e) {
      throw new CatalogError(file, `${at}.${i}`, (e as Error).message);
    }
  });
}

function compileFields<F extends string>(
  fields: readonly F[],
  sigs: Partial<Record<F, string[] | undefined>> | undefined,
  file: string,
  at: string,
): Record<F, readonly CompiledPattern[]> {
  const out = {} as Record<F, readonly CompiledPattern[]>;
  for (const field of fields) {
    out[field] = compileList(sigs?.[field] ?? [], file, `${at}.${field}`);
  }
  return out;
}

function compileSignatures(sigs: ProductSignatures, file: string, at: string): CompiledSignatures {
  return {
    windows: compileFields(WINDOWS_FIELDS, sigs.windows, file, `${at}.windows`),
    macos: compileFields(MACOS_FIELDS, sigs.macos, file, `${at}.macos`),
    linux: compileFields(LINUX_FIELDS, sigs.linux, file, `${at}.linux`),
  };
}

/**
 * The schema's defaults, applied without running the schema: for the app's own files, which
 * catalog.test.ts validates against the schema (and proves this gives the same result).
 */
function familyWithDefaults(data: unknown): CatalogFamily {
  const family = data as CatalogFamily;
  return {
    ...family,
    vendor: { ...family.vendor, publishers: family.vendor.publishers ?? [] },
    products: family.products.map((p) => ({
      ...p,
      aliases: p.aliases ?? [],
      builtIn: p.builtIn ?? false,
      generic: p.generic ?? false,
      business: p.business ?? false,
      packageVersion: p.packageVersion ?? 'upstream',
    })),
  };
}

function banWithDefaults(data: unknown): Ban {
  const ban = data as Ban;
  return { ...ban, milestones: ban.milestones ?? [] };
}

function parseFamily(entry: CatalogFileEntry, validate: boolean): CatalogFamily {
  if (!validate) return familyWithDefaults(entry.data);
  const parsed = catalogFamilySchema.safeParse(entry.data);
  if (!parsed.success) throw firstIssue(entry.file, parsed.error);
  return parsed.data;
}

function compileFamily(entry: CatalogFileEntry, validate: boolean): CompiledFamily {
  const family = parseFamily(entry, validate);
  if (family.id !== baseName(entry.file)) {
    throw new CatalogError(entry.file, 'id', `family id "${family.id}" must equal the file name`);
  }
  const sourceIds = new Set<string>();
  family.sources.forEach((s, i) => {
    if (sourceIds.has(s.id))
      throw new CatalogError(entry.file, `sources.${i}.id`, `duplicate source id "${s.id}"`);
    sourceIds.add(s.id);
  });
  const sourceById = new Map(family.sources.map((s) => [s.id, s]));
  const vendor: CatalogVendor = family.vendor;
  const products = family.products.map((p, i): CompiledProduct => {
    const sources = p.sources.map((id, j) => {
      const s = sourceById.get(id);
      if (!s) throw new CatalogError(entry.file, `products.${i}.sources.${j}`, `unknown source id "${id}"`);
      return s;
    });
    return {
      id: p.id,
      name: p.name,
      aliases: p.aliases,
      kind: p.kind,
      builtIn: p.builtIn,
      business: p.business,
      ...(p.notes !== undefined ? { notes: p.notes } : {}),
      familyId: family.id,
      family,
      vendor,
      sources,
      signatures: compileSignatures(p.signatures, entry.file, `products.${i}.signatures`),
      engineServices: compileList(p.engineServices ?? [], entry.file, `products.${i}.engineServices`),
      raw: p,
    };
  });
  return {
    id: family.id,
    file: entry.file,
    vendor,
    products,
    components: family.components ? compileSignatures(family.components, entry.file, 'components') : null,
    sources: family.sources,
    raw: family,
  };
}

function validateBan(entry: CatalogFileEntry, validate: boolean): Ban {
  let ban: Ban;
  if (validate) {
    const parsed = banSchema.safeParse(entry.data);
    if (!parsed.success) throw firstIssue(entry.file, parsed.error);
    ban = parsed.data;
  } else {
    ban = banWithDefaults(entry.data);
  }
  if (ban.id !== baseName(entry.file)) {
    throw new CatalogError(entry.file, 'id', `ban id "${ban.id}" must equal the file name`);
  }
  return ban;
}

/**
 * Build a catalog from explicit file entries (tests pass broken ones). `validate: false` skips
 * the schema for files already validated elsewhere (it costs about 20 ms of every CLI start);
 * catalog files that arrive from outside the app must always be validated.
 */
export function buildCatalog(
  familyEntries: readonly CatalogFileEntry[],
  banEntries: readonly CatalogFileEntry[],
  options: { readonly validate?: boolean } = {},
): CompiledCatalog {
  const validate = options.validate ?? true;
  const compiledFamilies = familyEntries.map((entry) => compileFamily(entry, validate));
  const families = compiledFamilies.map((f) => f.raw);
  const products = compiledFamilies.flatMap((f) => f.products);
  const productsById = new Map<string, CompiledProduct>();
  for (const p of products) {
    const other = productsById.get(p.id);
    if (other) {
      const file = compiledFamilies.find((f) => f.id === p.familyId)?.file ?? p.familyId;
      throw new CatalogError(
        file,
        'products',
        `product id "${p.id}" is also used in family "${other.familyId}"`,
      );
    }
    productsById.set(p.id, p);
  }
  const bans = banEntries.map((entry) => validateBan(entry, validate));
  const banIds = new Set<string>();
  for (const [i, b] of bans.entries()) {
    if (banIds.has(b.id))
      throw new CatalogError(banEntries[i]?.file ?? b.id, 'id', `duplicate ban id "${b.id}"`);
    banIds.add(b.id);
  }
  return { families, compiledFamilies, products, productsById, bans };
}

let cached: CompiledCatalog | undefined;

/**
 * The app's catalog: every family and ban file shipped with the app, compiled once. These files
 * are validated against the schemas by catalog.test.ts, which also proves that reading them
 * without the schema gives exactly the validated catalog, so start-up skips the schema.
 */
export function loadCatalog(): CompiledCatalog {
  cached ??= buildCatalog(productFamilyFiles, banFiles, { validate: false });
  return cached;
}
