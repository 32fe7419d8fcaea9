import { describe, expect, it } from 'vitest';
import { catalogVersion } from './catalog-version';
import { loadCatalog } from './load-catalog';

describe('catalogVersion', () => {
  it('is 16 hex digits, the same for the same catalog', () => {
    const catalog = loadCatalog();
    expect(catalogVersion(catalog)).toMatch(/^[0-9a-f]{16}$/);
    expect(catalogVersion({ families: catalog.families, bans: catalog.bans })).toBe(catalogVersion(catalog));
  });

  it('changes when a ban changes', () => {
    const catalog = loadCatalog();
    const [first, ...rest] = catalog.bans;
    if (!first) throw new Error('the catalog has bans');
    const changed = {
      families: catalog.families,
      bans: [{ ...first, summary: `${first.summary}.` }, ...rest],
    };
    expect(catalogVersion(changed)).not.toBe(catalogVersion(catalog));
  });
});
