/**
 * The union of a field's patterns (match-index.ts) only skips work: for every value it lets
 * through exactly the products whose own patterns match, tried on every observation of every
 * fixture case and on text built to look almost like a catalog name.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureFromCaseDir } from '../../probes/replay/case-capture';
import { DETECTION_CASES } from '../../probes/replay/test-support/replayed-scans';
import type { Platform } from '../capture';
import { loadCatalog, matchPattern } from '../catalog/load-catalog';
import { observeCapture } from '../observe/observe-capture';
import { buildMatchIndex } from './match-index';
import { observationKeys } from './observation-keys';

const catalog = loadCatalog();
const index = buildMatchIndex(catalog);

/** The products whose own patterns for the field match, without the union. */
function matchingProducts(platform: Platform, field: string, value: string): string[] {
  return catalog.products
    .filter((product) => {
      const patterns = (
        product.signatures[platform] as Record<string, readonly { regex: RegExp }[] | undefined>
      )[field];
      return (patterns ?? []).some((pattern) => matchPattern(pattern as never, value));
    })
    .map((product) => product.raw.id)
    .sort();
}

const lettingThrough = (platform: Platform, field: string, value: string) =>
  index
    .products(platform, field, value)
    .filter((candidate) => candidate.test(value))
    .map((candidate) => candidate.owner.product.id)
    .sort();

let keys: { platform: Platform; field: string; value: string }[] = [];
beforeAll(async () => {
  const dirs = readdirSync(DETECTION_CASES).filter((name) =>
    statSync(join(DETECTION_CASES, name)).isDirectory(),
  );
  for (const dir of dirs) {
    const observed = observeCapture(await captureFromCaseDir(join(DETECTION_CASES, dir)));
    for (const observation of observed.observations)
      for (const key of observationKeys(observation, observed.machine.platform))
        keys.push({ platform: observed.machine.platform, field: key.field, value: key.value });
  }
  keys = keys.slice(0, 5000);
});

describe('the match index', () => {
  it('lets through exactly the products whose patterns match, on every fixture observation', () => {
    expect(keys.length).toBeGreaterThan(100);
    for (const { platform, field, value } of keys)
      expect(lettingThrough(platform, field, value), `${platform}.${field} = ${value}`).toEqual(
        matchingProducts(platform, field, value),
      );
  });

  it('and on near misses of catalog names', () => {
    const names = catalog.products.map((p) => p.raw.name);
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.constantFrom('', ' ', 'x', ' 21.3', ' for Windows', '\u0130'),
        fc.constantFrom<Platform>('windows', 'linux', 'macos'),
        fc.constantFrom('wscDisplayName', 'uninstallName', 'service', 'package', 'appName', 'process'),
        (name, suffix, platform, field) => {
          const value = `${name}${suffix}`;
          expect(lettingThrough(platform, field, value)).toEqual(matchingProducts(platform, field, value));
        },
      ),
      { numRuns: 400 },
    );
  });
});
