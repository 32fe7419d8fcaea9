import fc from 'fast-check';
import type { Database, Statement } from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePattern, loadCatalog } from '../catalog/load-catalog';
import { catalogPatterns } from './handover-queries';
import { globCovers, globsOfAll, globTokens, inClass, MAX_GLOBS, patternGlobs } from './pattern-globs';
import { osqueryDatabase } from './test-support/osquery-sqlite';

const catalog = loadCatalog();
/** Every signature field: a compiled product holds every field of every system (load-catalog.ts). */
const fieldsOf = (os: 'windows' | 'macos' | 'linux') =>
  Object.keys(catalog.products[0]?.signatures[os] ?? {});
/** Every pattern of the catalog, every vendor's, every field: the policies use some, the same code serves all. */
const allPatterns = [
  ...new Set(
    (['windows', 'macos', 'linux'] as const).flatMap((os) =>
      catalogPatterns(catalog.families, os, fieldsOf(os)),
    ),
  ),
];
/** Every product name and alias in the catalog: the values most like the real ones. */
const catalogNames = [...new Set(catalog.products.flatMap((p) => [p.name, ...p.aliases]))];

let db: Database;
let statement: Statement;
beforeAll(async () => {
  db = await osqueryDatabase('windows');
  // The expression the policies compare with (handover-queries.ts globAny), in a real SQLite.
  statement = db.prepare('SELECT lower(trim(?)) GLOB ?');
});
afterAll(() => {
  statement.free();
  db.close();
});

function sqlMatches(value: string, glob: string): boolean {
  statement.bind([value, glob]);
  statement.step();
  const [result] = statement.get();
  statement.reset();
  return result === 1;
}

/** What the catalog decides: its compiled pattern on the trimmed value (observation-keys.ts trims). */
const nativeMatches = (source: string, value: string) => compilePattern(source).regex.test(value.trim());

describe('a catalog pattern as anchored GLOB patterns', () => {
  it('keeps literals whole and anchored, and a digit class a digit class', () => {
    expect(patternGlobs('avp')).toEqual([{ glob: 'avp', exact: true }]);
    expect(patternGlobs('AVP(?<version>\\d+(\\.\\d+)*)')).toEqual([{ glob: 'avp[0-9]*', exact: false }]);
    expect(patternGlobs('Kaspersky Security( (?<version>\\d+(\\.\\d+)*))? for Windows Server')).toEqual([
      { glob: 'kaspersky security [0-9]* for windows server', exact: false },
      { glob: 'kaspersky security for windows server', exact: false },
    ]);
    expect(patternGlobs('(2Y8XE5CQ94\\.)?com\\.kaspersky\\..+')).toEqual([
      { glob: '2y8xe5cq94.com.kaspersky.?*', exact: true },
      { glob: 'com.kaspersky.?*', exact: true },
    ]);
    expect(patternGlobs('/Users/[^/]+/Library/Logs/Kaspersky Lab(/.*)?').map((g) => g.glob)).toEqual([
      '/users/[^/]*/library/logs/kaspersky lab/*',
      '/users/[^/]*/library/logs/kaspersky lab',
    ]);
  });

  it("writes GLOB's own characters as themselves, and LIKE's as plain characters", () => {
    expect(patternGlobs('a\\*b\\?c\\[d_e%f')).toEqual([{ glob: 'a[*]b[?]c[[]d_e%f', exact: true }]);
  });

  it('drops a glob another covers, so the 20 alternatives of KES become 3', () => {
    const kes = patternGlobs(
      'Kaspersky Endpoint Security( (?<version>\\d+(\\.\\d+)*))?( SP\\d+)? \\S+ Windows( \\(?SP\\d+\\)?)?',
    ).map((g) => g.glob);
    expect(kes).toEqual([
      'kaspersky endpoint security [^ ]* windows (sp[0-9]*',
      'kaspersky endpoint security [^ ]* windows sp[0-9]*',
      'kaspersky endpoint security [^ ]* windows',
    ]);
    expect(globCovers('a*', 'a[0-9]b')).toBe(true);
    expect(globCovers('a[^ ]*', 'as')).toBe(true);
    expect(globCovers('a[^ ]*', 'a ')).toBe(false);
    expect(globCovers('a?', 'a*')).toBe(false);
  });

  it(`past ${MAX_GLOBS} alternatives, the widest alternation becomes '*' and the literals around it stay`, () => {
    const globs = patternGlobs('x(a|b|c|d|e|f|g)-(h|i|j|k|l|m)y');
    expect(globs.length).toBeLessThanOrEqual(MAX_GLOBS);
    expect(globs).toEqual([
      { glob: 'x*-hy', exact: false },
      { glob: 'x*-iy', exact: false },
      { glob: 'x*-jy', exact: false },
      { glob: 'x*-ky', exact: false },
      { glob: 'x*-ly', exact: false },
      { glob: 'x*-my', exact: false },
    ]);
  });

  it('gives a letter outside A-Z in each case SQLite might hold it (lower() folds A-Z only)', () => {
    expect(patternGlobs('Kaspersky Endpoint Security für Windows')).toEqual([
      { glob: 'kaspersky endpoint security für windows', exact: false },
      { glob: 'kaspersky endpoint security fÜr windows', exact: false },
    ]);
    expect(
      sqlMatches('KASPERSKY ENDPOINT SECURITY FÜR WINDOWS', 'kaspersky endpoint security fÜr windows'),
    ).toBe(true);
    expect(patternGlobs('火绒安全软件')).toEqual([{ glob: '火绒安全软件', exact: true }]);
  });

  it('is the same text for the same patterns, whatever their order', () => {
    const names = catalogPatterns(catalog.families, 'windows', ['uninstallName', 'wscDisplayName']);
    expect(globsOfAll([...names].reverse())).toEqual(globsOfAll(names));
  });
});

/** A printable ASCII string, as a name would be (JavaScript's trim and SQLite's differ beyond the space). */
const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
});
const ALPHABET = [...'abcxyzABCXYZ0123456789 ._-/\\()[]*?%'];

/** Flips the case of some ASCII letters: the catalog matches case-insensitively. */
const recased = (value: string, flips: readonly boolean[]) =>
  [...value].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c.toLowerCase())).join('');

/** A value the glob matches, built piece by piece: the pattern must match it when the glob is exact. */
function instance(glob: string, picks: readonly number[]): string {
  let at = 0;
  const pick = () => picks[at++ % picks.length] ?? 0;
  return globTokens(glob)
    .map((token) => {
      if (token === '?') return ALPHABET[pick() % ALPHABET.length];
      if (token === '*')
        return Array.from({ length: pick() % 4 }, () => ALPHABET[pick() % ALPHABET.length]).join('');
      if ('c' in token) return token.c;
      const members = ALPHABET.filter((c) => inClass(token.set, c.toLowerCase()));
      return members[pick() % members.length] ?? ALPHABET[pick() % ALPHABET.length];
    })
    .join('');
}

describe('the SQL decides as the catalog does (every pattern in the catalog, in a real SQLite)', () => {
  it('a value any pattern matches, one of its globs matches: catalog names and generated matches, in any case, with spaces around', {
    timeout: 120_000,
  }, () => {
    for (const source of allPatterns) {
      const globs = patternGlobs(source);
      const values = [
        ...catalogNames.filter((name) => nativeMatches(source, name)),
        ...fc.sample(fc.stringMatching(new RegExp(`^(?:${source})$`, 'u')), { numRuns: 10, seed: 14 }),
      ];
      const flips = fc.sample(fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), {
        numRuns: 1,
        seed: 7,
      })[0] ?? [false];
      for (const value of values) {
        for (const variant of [value, recased(value, flips), ` ${value}  `]) {
          if (!/^[\x20-\x7e]*$/.test(variant) || !nativeMatches(source, variant)) continue;
          expect(
            globs.some((g) => sqlMatches(variant, g.glob)),
            `/${source}/ on ${JSON.stringify(variant)}`,
          ).toBe(true);
        }
      }
    }
  });

  it('an exact glob matches only what its pattern matches: random strings, catalog names, and values built from each glob', {
    timeout: 120_000,
  }, () => {
    const randoms = fc.sample(printable, { numRuns: 200, seed: 14 });
    const picks = fc.sample(fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 12 }), {
      numRuns: 12,
      seed: 14,
    });
    let exactGlobs = 0;
    for (const source of allPatterns) {
      for (const { glob, exact } of patternGlobs(source)) {
        if (!exact) continue;
        exactGlobs += 1;
        const built = picks.map((p) => instance(glob, p));
        for (const value of [...built, ...randoms, ...catalogNames]) {
          if (!/^[\x20-\x7e]*$/.test(value) || !sqlMatches(value, glob)) continue;
          expect(nativeMatches(source, value), `${glob} (from /${source}/) on ${JSON.stringify(value)}`).toBe(
            true,
          );
        }
      }
    }
    // Most of the catalog's patterns are literals or literals with '.*': they are exact.
    expect(exactGlobs).toBeGreaterThan(200);
  });

  it('catches a glob that says more than its pattern, so the checks above can fail', () => {
    // '\d+' is written '[0-9]*', not exact: a value the glob keeps and the pattern does not.
    expect(sqlMatches('AVP2x', 'avp[0-9]*')).toBe(true);
    expect(nativeMatches('AVP(?<version>\\d+(\\.\\d+)*)', 'AVP2x')).toBe(false);
  });
});
