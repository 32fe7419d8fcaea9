/**
 * The alternatives catalog data: every file valid and listed, ids unique, every fact sourced and
 * dated, every link https and every download on the vendor's own domains, the built-in options
 * present, the notes a neutral guide must carry, and the documented order.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type Alternative,
  type AlternativeAudience,
  type AlternativePlatform,
  alternativeAudiences,
  alternativePlatforms,
  alternativeSchema,
} from './alternative-schema';
import { alternativeFiles } from './alternatives/index';
import {
  alternativesFor,
  alternativeTags,
  buildAlternatives,
  isVendorUrl,
  loadAlternatives,
  vendorDomains,
} from './load-alternatives';
import { loadCatalog } from './load-catalog';

const here = dirname(fileURLToPath(import.meta.url));
const jsonFiles = readdirSync(join(here, 'alternatives'))
  .filter((f) => f.endsWith('.json'))
  .sort();

const alternatives = loadAlternatives();
const byId = (id: string): Alternative => {
  const a = alternatives.find((x) => x.id === id);
  if (!a) throw new Error(`no alternative ${id}`);
  return a;
};
const notesText = (a: Alternative) => a.notes.map((n) => n.text).join('\n');

/** Every URL an entry carries, with where it is. */
const urlsOf = (a: Alternative): [string, string][] => [
  ...a.sources.map((s, i): [string, string] => [`sources.${i}`, s.url]),
  ...a.tests.map((t, i): [string, string] => [`tests.${i}`, t.url]),
  ...(a.downloadUrl ? [['downloadUrl', a.downloadUrl] as [string, string]] : []),
  ...a.cost.sources.map((u, i): [string, string] => [`cost.sources.${i}`, u]),
  ...a.replaces.flatMap((r, i) =>
    r.sources.map((u, j): [string, string] => [`replaces.${i}.sources.${j}`, u]),
  ),
  ...a.notes.flatMap((n, i) => n.sources.map((u, j): [string, string] => [`notes.${i}.sources.${j}`, u])),
];

/** Written again here, independently of the loader: the domain itself, or a host ending in '.' + domain. */
const onVendorDomains = (host: string, domains: readonly string[]) =>
  domains.some((d) => host === d || host.endsWith(`.${d}`));

const isCalendarDate = (s: string) => {
  const [y = 0, m = 1, d = 1] = s.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

describe('alternatives files', () => {
  it('every file validates against the schema and its id is its file name', () => {
    for (const { file, data } of alternativeFiles) {
      const r = alternativeSchema.safeParse(data);
      expect(r.success, `${file}: ${r.success ? '' : JSON.stringify(r.error.issues[0])}`).toBe(true);
      expect(`${(data as { id: string }).id}.json`).toBe(file);
    }
  });

  it('every JSON file in alternatives/ is listed in its index.ts, and nothing else', () => {
    expect(alternativeFiles.map((f) => f.file).sort()).toEqual(jsonFiles);
  });

  it('loads (all loader rules hold) and ids are unique', () => {
    expect(alternatives).toHaveLength(jsonFiles.length);
    const ids = alternatives.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the consumer alternatives of the research and the business options', () => {
    const ids = new Set(alternatives.map((a) => a.id));
    for (const id of [
      'microsoft-defender',
      'macos-xprotect',
      'clamav',
      'bitdefender',
      'norton',
      'eset',
      'avast',
      'avg',
      'avira',
      'malwarebytes',
      'mcafee',
      'sophos-home',
      'trend-micro',
      'f-secure',
      'g-data',
      'webroot',
      'panda',
      'totalav',
      'ultraav',
      'microsoft-defender-for-business',
      'microsoft-defender-for-endpoint',
      'sophos-central',
      'eset-protect',
      'bitdefender-gravityzone',
      'crowdstrike-falcon',
      'sentinelone-singularity',
    ])
      expect(ids.has(id), id).toBe(true);
  });

  it('every entry has at least one source and a real `checked` date', () => {
    for (const a of alternatives) {
      expect(a.sources.length, a.id).toBeGreaterThan(0);
      expect(a.checked, a.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(isCalendarDate(a.checked), a.id).toBe(true);
      for (const s of a.sources) if (s.date) expect(s.date <= a.checked, `${a.id} ${s.url}`).toBe(true);
    }
  });

  it('every test result has lab, test, product, date and url, and its date is not after `checked`', () => {
    for (const a of alternatives)
      for (const t of a.tests) {
        for (const field of ['lab', 'test', 'product', 'date', 'result', 'url'] as const)
          expect(t[field], `${a.id} ${t.test} ${field}`).toBeTruthy();
        for (const part of t.date.split('/')) {
          expect(isCalendarDate(part), `${a.id} ${t.date}`).toBe(true);
          expect(part <= a.checked, `${a.id} ${t.date}`).toBe(true);
        }
      }
  });

  it('every URL (sources, tests, downloadUrl, references) is https', () => {
    for (const a of alternatives)
      for (const [where, url] of urlsOf(a)) expect(new URL(url).protocol, `${a.id} ${where}`).toBe('https:');
  });

  it("every downloadUrl is on that entry's vendor.domains (a subdomain counts only if it ends with '.'+domain)", () => {
    for (const a of alternatives) {
      if (a.downloadUrl === null) continue;
      const host = new URL(a.downloadUrl).hostname;
      expect(onVendorDomains(host, a.vendor.domains), `${a.id} ${host}`).toBe(true);
      expect(isVendorUrl(a.downloadUrl), a.id).toBe(true);
    }
  });

  it('built-in entries have no download, all others are not built in', () => {
    for (const a of alternatives) if (a.builtIn) expect(a.downloadUrl, a.id).toBeNull();
    expect(
      alternatives
        .filter((a) => a.builtIn)
        .map((a) => a.id)
        .sort(),
    ).toEqual(['macos-xprotect', 'microsoft-defender']);
  });

  it('every tag rests on catalog data: "Built in" only where a source says the system includes it', () => {
    for (const a of alternatives) {
      const listed = new Set(a.sources.map((s) => s.url));
      for (const os of a.platforms) {
        for (const tag of alternativeTags(a, os)) {
          expect(tag.basis.length, `${a.id} on ${os}: ${tag.label}`).toBeGreaterThan(0);
          for (const url of tag.basis) expect(listed.has(url), `${a.id}: ${url}`).toBe(true);
          if (tag.id === 'built-in') {
            expect(a.builtIn, `${a.id} on ${os}`).toBe(true);
            expect(a.builtInSources ?? []).toEqual(tag.basis);
          }
          if (tag.id === 'distribution-packages') {
            expect(os).toBe('linux');
            expect(a.distributionPackages?.sources).toEqual(tag.basis);
          }
        }
      }
    }
    // The case the issue saw: ClamAV is installed from the distribution's packages, not built in.
    expect(alternativeTags(byId('clamav'), 'linux').map((t) => t.label)).toEqual([
      "From your system's packages",
    ]);
    expect(alternativeTags(byId('microsoft-defender'), 'windows').map((t) => t.label)).toEqual(['Built in']);
  });

  it('the loader refuses a tag the catalog does not back', () => {
    const clamav = byId('clamav');
    expect(() => buildAlternatives([{ file: 'clamav.json', data: { ...clamav, builtIn: true } }])).toThrow(
      /builtInSources: a built-in alternative needs the sources that say it is part of the system/,
    );
    expect(() =>
      buildAlternatives([
        {
          file: 'clamav.json',
          data: { ...clamav, builtIn: true, builtInSources: ['https://example.com/not-a-source'] },
        },
      ]),
    ).toThrow(/is not one of this file's sources/);
  });

  it('a URL is only given as a download where the research saw it; unread domains say so', () => {
    for (const a of alternatives) {
      if (a.downloadUrl)
        expect(
          a.sources.map((s) => s.url),
          a.id,
        ).toContain(a.downloadUrl);
      if (!a.vendor.domainsSeen) {
        expect(a.downloadUrl, a.id).toBeNull();
        expect(
          a.notes.some((n) => n.kind === 'unverified' && /not (been )?read|no page/.test(n.text)),
          a.id,
        ).toBe(true);
      }
    }
    expect(byId('avast').downloadUrl).toBe('https://www.avast.com/free-antivirus-download');
  });

  it('every productId is a product of the detection catalog', () => {
    const products = loadCatalog().productsById;
    for (const a of alternatives)
      if (a.productId !== null) expect(products.has(a.productId), a.id).toBe(true);
    expect(byId('microsoft-defender').productId).toBe('microsoft-defender-antivirus');
    expect(byId('clamav').productId).toBe('clamav');
    expect(byId('bitdefender').productId).toBe('bitdefender-consumer');
    expect(byId('ultraav').productId).toBe('ultraav');
  });

  it('countries are ISO alpha-2 and every fact note has a source', () => {
    for (const a of alternatives) {
      if (a.vendor.country !== undefined) expect(a.vendor.country, a.id).toMatch(/^[A-Z]{2}$/);
      for (const n of a.notes)
        if (n.kind === 'fact') expect(n.sources.length, `${a.id}: ${n.text}`).toBeGreaterThan(0);
      for (const r of a.replaces) expect(r.sources.length, `${a.id} ${r.feature}`).toBeGreaterThan(0);
    }
  });
});

describe('what a neutral guide must say', () => {
  it("UltraAV's notes name Pango and the automatic install of September 2024", () => {
    const text = notesText(byId('ultraav'));
    expect(text).toMatch(/Pango Group/);
    expect(text).toMatch(/September 2024/);
    expect(text).toMatch(/installed automatically/);
    expect(byId('ultraav').vendor.name).toBe('Pango Group');
    expect(byId('ultraav').tests).toEqual([]);
  });

  it("Avast's notes carry the 2024 FTC order", () => {
    const text = notesText(byId('avast'));
    expect(text).toMatch(/Federal Trade Commission/);
    expect(text).toMatch(/2024/);
    expect(text).toMatch(/US\$16\.5 million/);
  });

  it('Windows Server: Defender must be re-enabled, a note shown only there', () => {
    const server = alternativesFor({ os: 'windows-server', audience: 'business' })[0];
    expect(server?.alternative.id).toBe('microsoft-defender');
    expect(server?.notes.some((n) => /Windows Server.*re-enabled/.test(n.text))).toBe(true);
    const client = alternativesFor({ os: 'windows', audience: 'home' })[0];
    expect(client?.notes.some((n) => /Windows Server/.test(n.text))).toBe(false);
  });

  it('Malwarebytes Free is not presented as real-time protection', () => {
    expect(byId('malwarebytes').cost.note).toMatch(/no real-time protection/);
  });

  it('only what the research sourced replaces VPN, password manager and parental controls', () => {
    const covering = (f: string) =>
      alternatives
        .filter((a) => a.replaces.some((r) => r.feature === f))
        .map((a) => a.id)
        .sort();
    expect(covering('password-manager')).toEqual(['bitdefender', 'eset', 'f-secure']);
    expect(covering('vpn')).toEqual(['bitdefender', 'eset', 'f-secure', 'norton', 'ultraav']);
    expect(covering('parental-controls')).toEqual(['eset', 'sophos-home']);
  });
});

describe('alternativesFor: built-in first, then the documented order', () => {
  const queries = alternativePlatforms.flatMap((os) =>
    alternativeAudiences.map((audience) => ({ os, audience })),
  );

  it('linux: nothing is built in; ClamAV, from the distribution packages, comes first by name', () => {
    for (const audience of alternativeAudiences) {
      const list = alternativesFor({ os: 'linux', audience });
      expect(list[0]?.alternative.id).toBe('clamav');
      expect(list.filter((c) => c.alternative.builtIn)).toHaveLength(0);
    }
  });

  it.each([
    ['windows', 'microsoft-defender'],
    ['macos', 'macos-xprotect'],
  ] as const)('%s: the built-in %s comes first, for home and business', (os, id) => {
    for (const audience of alternativeAudiences) {
      const list = alternativesFor({ os, audience });
      expect(list[0]?.alternative.id).toBe(id);
      expect(list.filter((c) => c.alternative.builtIn)).toHaveLength(1);
    }
  });

  it.each(queries)('$os / $audience: only matching entries, ordered by the rule', ({ os, audience }) => {
    const list = alternativesFor({
      os: os as AlternativePlatform,
      audience: audience as AlternativeAudience,
    });
    expect(list.length).toBeGreaterThan(0);
    for (const c of list) {
      expect(c.alternative.platforms).toContain(os);
      expect(c.alternative.audience).toContain(audience);
      for (const t of c.tests) expect(t.platform === undefined || t.platform === os).toBe(true);
    }
    for (let i = 1; i < list.length; i++) {
      const [x, y] = [list[i - 1], list[i]];
      if (!x || !y) throw new Error('unreachable');
      const key = (c: typeof x) => [c.alternative.builtIn ? 0 : 1, -c.tests.length] as const;
      const [kx, ky] = [key(x), key(y)];
      const cmp = kx[0] - ky[0] || kx[1] - ky[1];
      expect(cmp <= 0, `${x.alternative.id} before ${y.alternative.id}`).toBe(true);
      if (cmp === 0)
        expect(
          x.alternative.name.localeCompare(y.alternative.name, 'en', { sensitivity: 'base' }) <= 0,
          `${x.alternative.id} before ${y.alternative.id} by name`,
        ).toBe(true);
    }
  });

  it('the Windows home list, as the data stands', () => {
    expect(alternativesFor({ os: 'windows', audience: 'home' }).map((c) => c.alternative.id)).toEqual([
      'microsoft-defender',
      'avast',
      'avg',
      'bitdefender',
      'norton',
      'avira',
      'eset',
      'f-secure',
      'g-data',
      'mcafee',
      'totalav',
      'trend-micro',
      'malwarebytes',
      'panda',
      'sophos-home',
      'ultraav',
      'webroot',
    ]);
  });

  it('a business machine gets the business options, not home-only products', () => {
    const ids = alternativesFor({ os: 'windows', audience: 'business' }).map((c) => c.alternative.id);
    expect(ids).toContain('microsoft-defender-for-business');
    expect(ids).toContain('bitdefender-gravityzone');
    expect(ids).not.toContain('norton');
    expect(ids).not.toContain('sophos-home');
  });
});

describe('vendorDomains', () => {
  it('is every vendor.domains entry, sorted and unique', () => {
    const domains = vendorDomains();
    expect(domains).toEqual([...new Set(alternatives.flatMap((a) => a.vendor.domains))].sort());
    expect(domains).toContain('avast.com');
    expect(domains).toContain('clamav.net');
    for (const d of domains) expect(d).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
  });
});
