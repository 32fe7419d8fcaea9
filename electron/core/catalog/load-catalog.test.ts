import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildCatalog,
  CatalogError,
  compilePattern,
  loadCatalog,
  matchAny,
  matchPattern,
} from './load-catalog';

const family = (over: Record<string, unknown> = {}) => ({
  id: 'acme',
  vendor: { id: 'acme', name: 'Acme' },
  supportCode: { number: 40, label: 'Acme' },
  products: [
    {
      id: 'acme-av',
      name: 'Acme AV',
      kind: 'antivirus',
      signatures: { windows: { path: ['.*\\\\Acme AV (?<version>\\d+(\\.\\d+)*)(\\\\.*)?'] } },
      sources: ['S1'],
    },
  ],
  sources: [{ id: 'S1', title: 'Acme docs', kind: 'vendor', url: 'https://example.com/acme' }],
  ...over,
});
const ban = (over: Record<string, unknown> = {}) => ({
  id: 'xx-test',
  jurisdiction: 'XX',
  body: 'Body',
  instrument: 'Instrument',
  summary: 'Summary.',
  scope: ['consumers'],
  binding: true,
  vendors: ['acme'],
  issued: '2024-06-20',
  sources: [{ title: 'Source', kind: 'government', url: 'https://example.com/ban' }],
  ...over,
});
const errorOf = (fn: () => unknown): CatalogError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof CatalogError) return e;
    throw e;
  }
  throw new Error('expected a CatalogError');
};

describe('buildCatalog', () => {
  it('flattens products with their family, vendor and resolved sources, and fills defaults', () => {
    const c = buildCatalog([{ file: 'acme.json', data: family() }], [{ file: 'xx-test.json', data: ban() }]);
    expect(c.families.map((f) => f.id)).toEqual(['acme']);
    const p = c.productsById.get('acme-av');
    expect(p).toMatchObject({
      familyId: 'acme',
      vendor: { id: 'acme', publishers: [] },
      aliases: [],
      builtIn: false,
    });
    expect(p?.family.id).toBe('acme');
    expect(p?.sources).toEqual([
      { id: 'S1', title: 'Acme docs', kind: 'vendor', url: 'https://example.com/acme' },
    ]);
    expect(p?.signatures.windows.path).toHaveLength(1);
    expect(p?.signatures.windows.wscDisplayName).toEqual([]);
    expect(p?.signatures.linux.package).toEqual([]);
    expect(c.compiledFamilies[0]?.components).toBeNull();
    expect(c.bans[0]).toMatchObject({ id: 'xx-test', milestones: [] });
  });

  it('a schema error names the file and the field', () => {
    const bad = family({ products: [{ ...family().products[0], kind: 'toaster' }] });
    const e = errorOf(() => buildCatalog([{ file: 'acme.json', data: bad }], []));
    expect(e.file).toBe('acme.json');
    expect(e.field).toBe('products.0.kind');
    expect(e.message).toMatch(/^acme\.json: products\.0\.kind: /);

    const e2 = errorOf(() =>
      buildCatalog([], [{ file: 'xx-test.json', data: ban({ issued: '20 June 2024' }) }]),
    );
    expect(e2.message).toMatch(/^xx-test\.json: issued: /);

    const e3 = errorOf(() =>
      buildCatalog(
        [],
        [
          {
            file: 'xx-test.json',
            data: ban({ milestones: [{ effect: 'no-updates', at: '2024-09-29', display: 'x' }] }),
          },
        ],
      ),
    );
    expect(e3.field).toBe('milestones.0.at');
  });

  it('rejects a product or ban source without a kind, or with one not in the list', () => {
    const kindless = family({ sources: [{ id: 'S1', title: 'Acme docs', url: 'https://example.com/acme' }] });
    const e = errorOf(() => buildCatalog([{ file: 'acme.json', data: kindless }], []));
    expect(e.message).toBe(
      'acme.json: sources.0.kind: every source needs a kind: one of vendor, test-lab, government, press, community',
    );
    const forum = family({
      sources: [{ id: 'S1', title: 'x', kind: 'forum', url: 'https://example.com/x' }],
    });
    expect(errorOf(() => buildCatalog([{ file: 'acme.json', data: forum }], [])).field).toBe(
      'sources.0.kind',
    );
    const banWithout = ban({ sources: [{ title: 'Source', url: 'https://example.com/ban' }] });
    expect(
      errorOf(() =>
        buildCatalog([{ file: 'acme.json', data: family() }], [{ file: 'xx-test.json', data: banWithout }]),
      ).field,
    ).toBe('sources.0.kind');
  });

  it('rejects unknown fields (strict schemas)', () => {
    const bad = family({
      products: [{ ...family().products[0], signatures: { windows: { registry: ['x'] } } }],
    });
    const e = errorOf(() => buildCatalog([{ file: 'acme.json', data: bad }], []));
    expect(e.field).toBe('products.0.signatures.windows');
  });

  it('an invalid pattern names the file and the field', () => {
    const bad = family({
      products: [{ ...family().products[0], signatures: { linux: { package: ['ok', 'broken(('] } } }],
    });
    const e = errorOf(() => buildCatalog([{ file: 'acme.json', data: bad }], []));
    expect(e.field).toBe('products.0.signatures.linux.package.1');
    expect(e.message).toMatch(
      /^acme\.json: products\.0\.signatures\.linux\.package\.1: .*Invalid regular expression/,
    );
  });

  it('compiles engineServices, naming the pattern that does not compile', () => {
    const withEngine = family({ products: [{ ...family().products[0], engineServices: ['AcmeSvc'] }] });
    const [product] = buildCatalog([{ file: 'acme.json', data: withEngine }], []).products;
    expect(product?.engineServices.map((p) => p.source)).toEqual(['AcmeSvc']);
    expect(buildCatalog([{ file: 'acme.json', data: family() }], []).products[0]?.engineServices).toEqual([]);
    const bad = family({ products: [{ ...family().products[0], engineServices: ['ok', '(('] }] });
    expect(errorOf(() => buildCatalog([{ file: 'acme.json', data: bad }], [])).field).toBe(
      'products.0.engineServices.1',
    );
  });

  it('checks file name = id, source references, and unique product and ban ids', () => {
    expect(errorOf(() => buildCatalog([{ file: 'other.json', data: family() }], [])).field).toBe('id');
    expect(errorOf(() => buildCatalog([], [{ file: 'other.json', data: ban() }])).field).toBe('id');
    const unknownSource = family({ products: [{ ...family().products[0], sources: ['S9'] }] });
    expect(errorOf(() => buildCatalog([{ file: 'acme.json', data: unknownSource }], [])).field).toBe(
      'products.0.sources.0',
    );
    const twin = family({ id: 'acme-two' });
    const e = errorOf(() =>
      buildCatalog(
        [
          { file: 'acme.json', data: family() },
          { file: 'acme-two.json', data: twin },
        ],
        [],
      ),
    );
    expect(e.message).toMatch(/acme-av/);
    expect(
      errorOf(() =>
        buildCatalog(
          [],
          [
            { file: 'xx-test.json', data: ban() },
            { file: 'xx-test.json', data: ban() },
          ],
        ),
      ).message,
    ).toMatch(/duplicate ban id/);
  });
});

describe('pattern semantics', () => {
  it('anchors to the whole value, ignores case, and extracts the version group', () => {
    const p = compilePattern('.*\\\\Kaspersky Total Security (?<version>\\d+(\\.\\d+)*)\\\\.*');
    expect(p.hasVersion).toBe(true);
    expect(
      matchPattern(p, '"C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.2\\avp.exe" -r'),
    ).toEqual({ version: '21.2' });
    expect(matchPattern(p, 'c:\\KASPERSKY TOTAL SECURITY 21.3\\AVP.EXE')).toEqual({ version: '21.3' });
    expect(matchPattern(p, 'Kaspersky Total Security 21.2')).toBeUndefined();

    const exact = compilePattern('avp\\.exe');
    expect(exact.hasVersion).toBe(false);
    expect(matchPattern(exact, 'AVP.exe')).toEqual({ version: null });
    expect(matchPattern(exact, 'xavp.exe')).toBeUndefined();
    expect(matchPattern(exact, 'avp.exe ')).toBeUndefined();
    // An alternation in the source stays inside the anchors.
    expect(matchPattern(compilePattern('a|b'), 'ab')).toBeUndefined();
  });

  it('joins a versionMinor group with a dot and appends versionSuffix after a space', () => {
    // The driver service left after removal, 'klids.K4W-21-25' [S64], is the 21.25 line.
    const driver = compilePattern('kl\\w+\\.K4W-(?<version>\\d+)-(?<versionMinor>\\d+)');
    expect(matchPattern(driver, 'klids.K4W-21-25')).toEqual({ version: '21.25' });
    expect(matchPattern(driver, 'KLIF.K4W-21-25')).toEqual({ version: '21.25' });
    const sp = compilePattern('.*Endpoint Security (?<version>\\d+) for Windows (?<versionSuffix>SP\\d+)');
    expect(matchPattern(sp, 'Kaspersky Endpoint Security 10 for Windows SP1')).toEqual({ version: '10 SP1' });
  });

  it('matches Cyrillic and Chinese case-insensitively', () => {
    expect(
      matchPattern(compilePattern('"?Лаборатория Касперского"?'), '"ЛАБОРАТОРИЯ КАСПЕРСКОГО"'),
    ).toBeDefined();
    expect(matchPattern(compilePattern('火绒安全软件'), '火绒安全软件')).toBeDefined();
  });

  it('matchAny returns the first matching pattern', () => {
    const list = [compilePattern('a'), compilePattern('b(?<version>\\d)')];
    expect(matchAny(list, 'b7')).toMatchObject({ version: '7', pattern: { source: 'b(?<version>\\d)' } });
    expect(matchAny(list, 'c')).toBeUndefined();
  });
});

describe('loadCatalog', () => {
  it('loads the real catalog once', () => {
    const a = loadCatalog();
    expect(a).toBe(loadCatalog());
    expect(a.products.length).toBe(a.productsById.size);
    expect(a.families.length).toBe(a.compiledFamilies.length);
  });

  it('is pure: no file system or process access in the loader', () => {
    const src = readFileSync(new URL('./load-catalog.ts', import.meta.url), 'utf8');
    expect(src).not.toMatch(/from 'node:|require\(|process\./);
  });
});
