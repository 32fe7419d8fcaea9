import { describe, expect, it } from 'vitest';
import type { Alternative } from './alternative-schema';
import {
  alternativesFor,
  buildAlternatives,
  hostOnDomains,
  isVendorUrl,
  loadAlternatives,
  vendorDomains,
} from './load-alternatives';
import { CatalogError } from './load-catalog';

const SRC = 'https://example.org/review';
const alt = (over: Record<string, unknown> = {}) => ({
  id: 'acme',
  name: 'Acme Antivirus',
  vendor: { name: 'Acme', country: 'US', domains: ['acme.com'], domainsSeen: true },
  productId: null,
  platforms: ['windows'],
  builtIn: false,
  audience: ['home'],
  cost: { freeTier: true, note: 'Acme Free.', sources: [SRC] },
  replaces: [{ feature: 'antivirus', sources: [SRC] }],
  tests: [],
  downloadUrl: null,
  notes: [],
  sources: [{ title: 'Review', kind: 'press', url: SRC }],
  checked: '2026-11-29',
  ...over,
});
const entry = (data: Record<string, unknown>, file = `${String(data.id)}.json`) => ({ file, data });
const build = (...data: Record<string, unknown>[]) => buildAlternatives(data.map((d) => entry(d)));

const errorOf = (fn: () => unknown): CatalogError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof CatalogError) return e;
    throw e;
  }
  throw new Error('expected a CatalogError');
};

const test = (over: Record<string, unknown> = {}) => ({
  lab: 'AV-TEST',
  test: 'Awards',
  product: 'Acme',
  date: '2025',
  dateKind: 'test-period',
  result: 'Best Usability',
  url: SRC,
  ...over,
});

describe('buildAlternatives', () => {
  it('accepts a valid entry', () => {
    expect(build(alt()).map((a) => a.id)).toEqual(['acme']);
  });

  it.each([
    [{ downloadUrl: 'http://acme.com/download' }, 'acme.json: downloadUrl:'],
    [
      { sources: [{ title: 'Review', kind: 'press', url: 'http://example.org/review' }] },
      'acme.json: sources.0.url:',
    ],
    [{ platforms: ['windows', 'android'] }, 'acme.json: platforms.1:'],
    [
      { vendor: { name: 'Acme', domains: ['https://acme.com'], domainsSeen: true } },
      'acme.json: vendor.domains.0:',
    ],
    [
      { vendor: { name: 'Acme', country: 'USA', domains: ['acme.com'], domainsSeen: true } },
      'acme.json: vendor.country:',
    ],
    [{ tests: [test({ date: '2025-13' })] }, 'acme.json: tests.0.date:'],
    [{ tests: [test({ url: undefined })] }, 'acme.json: tests.0.url:'],
    [{ sources: [] }, 'acme.json: sources:'],
    [{ sources: [{ title: 'Review', url: SRC }] }, 'acme.json: sources.0.kind: every source needs a kind'],
    [{ sources: [{ title: 'Review', kind: 'blog', url: SRC }] }, 'acme.json: sources.0.kind:'],
    [
      { sources: [{ title: 'Review', kind: 'press', url: SRC, checked: '3 May' }] },
      'acme.json: sources.0.checked:',
    ],
    [{ checked: undefined }, 'acme.json: checked:'],
    [{ extra: 1 }, 'acme.json: (root):'],
  ])('names the file and the field of a schema problem (%o)', (over, prefix) => {
    expect(errorOf(() => build(alt(over))).message.startsWith(prefix)).toBe(true);
  });

  it('id must equal the file name; ids are unique', () => {
    expect(errorOf(() => buildAlternatives([entry(alt(), 'other.json')])).message).toMatch(
      /^other\.json: id: .*file name/,
    );
    expect(errorOf(() => buildAlternatives([entry(alt()), entry(alt(), 'dir/acme.json')])).message).toMatch(
      /duplicate alternative id "acme"/,
    );
  });

  it('a downloadUrl must be on vendor.domains (subdomains count, look-alikes do not) and listed in sources', () => {
    const dl = (
      url: string,
      sources = [
        { title: 'Review', kind: 'press', url: SRC },
        { title: 'Download', kind: 'vendor', url },
      ],
    ) => alt({ downloadUrl: url, sources });
    expect(build(dl('https://acme.com/free'))[0]?.downloadUrl).toBe('https://acme.com/free');
    expect(build(dl('https://www.acme.com/free'))[0]?.downloadUrl).toBe('https://www.acme.com/free');
    expect(errorOf(() => build(dl('https://evilacme.com/free'))).message).toBe(
      'acme.json: downloadUrl: host evilacme.com is not on vendor.domains (acme.com)',
    );
    expect(errorOf(() => build(dl('https://acme.com.evil.org/free'))).field).toBe('downloadUrl');
    expect(
      errorOf(() => build(dl('https://acme.com/free', [{ title: 'Review', kind: 'press', url: SRC }])))
        .message,
    ).toMatch(/must have been seen/);
  });

  it('a built-in alternative has no download', () => {
    const e = errorOf(() =>
      build(
        alt({
          builtIn: true,
          builtInSources: [SRC],
          downloadUrl: 'https://acme.com/free',
          sources: [
            { title: 'Review', kind: 'press', url: SRC },
            { title: 'Download', kind: 'vendor', url: 'https://acme.com/free' },
          ],
        }),
      ),
    );
    expect(e.message).toBe('acme.json: downloadUrl: a built-in alternative has no download (null)');
  });

  it('every reference is one of the sources, and facts need one', () => {
    const other = 'https://example.org/other';
    expect(
      errorOf(() => build(alt({ notes: [{ kind: 'fact', text: 'x', sources: [other] }] }))).message,
    ).toBe(`acme.json: notes.0.sources.0: ${other} is not one of this file's sources`);
    expect(errorOf(() => build(alt({ notes: [{ kind: 'fact', text: 'x', sources: [] }] }))).field).toBe(
      'notes.0.sources',
    );
    expect(build(alt({ notes: [{ kind: 'unverified', text: 'x', sources: [] }] }))).toHaveLength(1);
    expect(errorOf(() => build(alt({ replaces: [{ feature: 'vpn', sources: [other] }] }))).field).toBe(
      'replaces.0.sources.0',
    );
    expect(errorOf(() => build(alt({ tests: [test({ url: other })] }))).field).toBe('tests.0.url');
    expect(errorOf(() => build(alt({ cost: { freeTier: true, note: 'x', sources: [] } }))).field).toBe(
      'cost.sources',
    );
    expect(build(alt({ cost: { freeTier: null, note: 'unknown', sources: [] } }))).toHaveLength(1);
    expect(
      errorOf(() =>
        build(
          alt({
            sources: [
              { title: 'a', kind: 'press', url: SRC },
              { title: 'b', kind: 'press', url: SRC },
            ],
          }),
        ),
      ).field,
    ).toBe('sources.1.url');
  });

  it('a note for a platform the entry does not have, and duplicate list items, are refused', () => {
    expect(
      errorOf(() =>
        build(alt({ notes: [{ kind: 'unverified', text: 'x', sources: [], platforms: ['macos'] }] })),
      ).field,
    ).toBe('notes.0.platforms');
    expect(errorOf(() => build(alt({ platforms: ['windows', 'windows'] }))).field).toBe('platforms');
  });

  it('which versions it runs on is said once, in systems: a requirement carrying its own is refused', () => {
    const requirement = { platform: 'windows', downloads: true, sources: [SRC] };
    expect(build(alt({ requirements: [requirement] }))).toHaveLength(1);
    expect(
      errorOf(() =>
        build(alt({ requirements: [{ ...requirement, systems: [{ name: 'Windows', minVersion: '10' }] }] })),
      ).message,
    ).toMatch(/systems/);
  });

  it('productId must be a detection catalog product when the ids are given', () => {
    const ids = new Set(['acme-av']);
    expect(buildAlternatives([entry(alt({ productId: 'acme-av' }))], { productIds: ids })).toHaveLength(1);
    expect(
      errorOf(() => buildAlternatives([entry(alt({ productId: 'acme-nope' }))], { productIds: ids })).message,
    ).toBe('acme.json: productId: "acme-nope" is not a product of the detection catalog');
  });
});

describe('alternativesFor', () => {
  const list: readonly Alternative[] = build(
    alt({ id: 'zed', name: 'Zed', tests: [test()] }),
    alt({ id: 'builtin', name: 'Built In', builtIn: true, builtInSources: [SRC] }),
    alt({ id: 'alpha', name: 'alpha', tests: [test()] }),
    alt({ id: 'many', name: 'Many', tests: [test(), test({ test: 'Other' })] }),
    alt({ id: 'none', name: 'Aaa none' }),
    alt({
      id: 'mac-only-tests',
      name: 'Mac tests',
      platforms: ['windows', 'macos'],
      tests: [test({ platform: 'macos' }), test({ platform: 'macos' }), test({ platform: 'macos' })],
    }),
    alt({ id: 'biz', name: 'Biz', audience: ['business'], tests: [test(), test(), test(), test()] }),
    alt({ id: 'linux', name: 'Linux', platforms: ['linux'] }),
  );

  it('built-in first, then most test results for this OS, then name (case-insensitive)', () => {
    expect(alternativesFor({ os: 'windows', audience: 'home' }, list).map((c) => c.alternative.id)).toEqual([
      'builtin',
      'many',
      'alpha',
      'zed',
      'none',
      'mac-only-tests',
    ]);
  });

  it('counts and shows only the results for this OS', () => {
    const mac = alternativesFor({ os: 'macos', audience: 'home' }, list);
    expect(mac.map((c) => c.alternative.id)).toEqual(['mac-only-tests']);
    expect(mac[0]?.tests).toHaveLength(3);
    const win = alternativesFor({ os: 'windows', audience: 'home' }, list).find(
      (c) => c.alternative.id === 'mac-only-tests',
    );
    expect(win?.tests).toEqual([]);
  });

  it('filters by audience and platform', () => {
    expect(
      alternativesFor({ os: 'windows', audience: 'business' }, list).map((c) => c.alternative.id),
    ).toEqual(['biz']);
    expect(alternativesFor({ os: 'linux', audience: 'home' }, list).map((c) => c.alternative.id)).toEqual([
      'linux',
    ]);
    expect(alternativesFor({ os: 'windows-server', audience: 'home' }, list)).toEqual([]);
  });

  it('keeps the notes for this OS only', () => {
    const [a] = build(
      alt({
        platforms: ['windows', 'windows-server'],
        notes: [
          { kind: 'unverified', text: 'everywhere', sources: [] },
          { kind: 'unverified', text: 'server only', sources: [], platforms: ['windows-server'] },
        ],
      }),
    );
    if (!a) throw new Error('no entry');
    expect(alternativesFor({ os: 'windows', audience: 'home' }, [a])[0]?.notes.map((n) => n.text)).toEqual([
      'everywhere',
    ]);
    expect(
      alternativesFor({ os: 'windows-server', audience: 'home' }, [a])[0]?.notes.map((n) => n.text),
    ).toEqual(['everywhere', 'server only']);
  });
});

describe('vendor URL allowlist', () => {
  const list = build(
    alt({ id: 'a', vendor: { name: 'A', domains: ['acme.com', 'acme.de'], domainsSeen: true } }),
    alt({ id: 'b', vendor: { name: 'B', domains: ['beta.org', 'acme.com'], domainsSeen: false } }),
  );

  it('vendorDomains lists every vendor domain once, sorted', () => {
    expect(vendorDomains(list)).toEqual(['acme.com', 'acme.de', 'beta.org']);
  });

  it.each([
    ['https://acme.com/download', true],
    ['https://www.acme.com/download?x=1', true],
    ['https://WWW.ACME.COM/', true],
    ['https://beta.org', true],
    ['http://acme.com/download', false],
    ['https://evilacme.com/', false],
    ['https://acme.com.evil.org/', false],
    ['https://user:pw@acme.com/', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => {
    expect(isVendorUrl(url, list)).toBe(ok);
  });

  it('hostOnDomains needs the dot before a parent domain', () => {
    expect(hostOnDomains('dl.acme.com', ['acme.com'])).toBe(true);
    expect(hostOnDomains('xacme.com', ['acme.com'])).toBe(false);
  });

  it('the app catalog loads and its allowlist covers every download', () => {
    for (const a of loadAlternatives()) if (a.downloadUrl) expect(isVendorUrl(a.downloadUrl)).toBe(true);
  });
});
