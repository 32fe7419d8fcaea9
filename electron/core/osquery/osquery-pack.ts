/**
 * `handover osquery pack`: the Handover queries as an osquery query pack (JSON). Keys as osquery's
 * configuration documents them (docs/wiki/deployment/configuration.md, "Query Packs" and the
 * schedule's keys): per query `query`, `interval`, `platform`, `version` (the lowest osquery that
 * has every column), `snapshot: true` (the whole answer each time, written to the snapshots log:
 * a differential log cannot say what is installed now) and `description`. osquery names a
 * scheduled pack query "pack" + delimiter + pack name + delimiter + query name (config.cpp), so
 * with this pack installed as "handover" the results log says pack_handover_handover-os-version.
 */
import type { CompiledCatalog } from '../catalog/load-catalog';
import {
  type HandoverQuery,
  handoverQueries,
  type OsqueryPlatform,
  QUERY_INTERVAL_SECONDS,
} from './handover-queries';

/** osquery's platform words (core/system.cpp checkPlatform: a substring test, "all" for any). */
export function osqueryPlatform(platforms: readonly OsqueryPlatform[]): string {
  if (platforms.length === 3) return 'all';
  return platforms.map((p) => (p === 'macos' ? 'darwin' : p)).join(',');
}

function packQuery(query: HandoverQuery) {
  return {
    query: query.sql,
    interval: QUERY_INTERVAL_SECONDS,
    platform: osqueryPlatform(query.platforms),
    version: query.minOsqueryVersion,
    snapshot: true,
    description: query.description,
  };
}

/** The pack's text: same catalog, same bytes (keys in a fixed order, queries in catalog order). */
export function osqueryPackText(catalog: CompiledCatalog): string {
  const queries = Object.fromEntries(handoverQueries(catalog).map((q) => [q.name, packQuery(q)]));
  return `${JSON.stringify({ queries }, null, 2)}\n`;
}
