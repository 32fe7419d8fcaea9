/**
 * The catalog's version: a digest of every product family and ban as this build holds them, so
 * anything that depends on the catalog (a cached fleet summary, a --json output) can say which
 * catalog judged it, and tell when the catalog changed, without anyone having to bump a number.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { CompiledCatalog } from './load-catalog';

const versions = new WeakMap<object, string>();

/** 16 hex digits of SHA-256 over the families and bans, computed once per catalog. */
export function catalogVersion(catalog: Pick<CompiledCatalog, 'families' | 'bans'>): string {
  const known = versions.get(catalog);
  if (known) return known;
  const digest = bytesToHex(sha256(utf8ToBytes(JSON.stringify([catalog.families, catalog.bans]))));
  const version = digest.slice(0, 16);
  versions.set(catalog, version);
  return version;
}
