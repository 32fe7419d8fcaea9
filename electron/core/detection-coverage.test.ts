/**
 * docs/detection-coverage.md lists every source of research/detection.md exactly once, and every
 * case and test it names exists; every Windows case folder is named there, so a new case cannot
 * go unlisted.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const DOC = readFileSync(join(ROOT, 'docs/detection-coverage.md'), 'utf8');
const CASES_DIR = join(ROOT, 'fixtures/detection');
const CASES = readdirSync(CASES_DIR).filter((name) => statSync(join(CASES_DIR, name)).isDirectory());

/**
 * The source ids the page must cover: research/detection.md's "## Sources" list (in the shared
 * research folder, outside this repository) numbers its sources S1 to S122, with an S34b inside
 * S34's entry. Kept here as data so the repository stands alone; extend it when the list grows.
 */
const SOURCE_IDS = Array.from({ length: 122 }, (_, i) => `S${i + 1}`);

/** The tables that list sources; other sections (the engine's, for one) may cite ids freely. */
const TABLES = ['Windows', 'Linux', 'macOS', 'Not a machine record'];

function sections(): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of DOC.split(/^## /m).slice(1)) {
    const newline = part.indexOf('\n');
    map.set(part.slice(0, newline).trim(), part.slice(newline + 1));
  }
  return map;
}

function rowIds(text: string): string[] {
  return [...text.matchAll(/^\|\s*\[(S\d+)\]\s*\|/gm)].map((m) => m[1] as string);
}

describe('docs/detection-coverage.md', () => {
  const bySection = sections();

  it('has the four tables', () => {
    for (const title of TABLES) expect([...bySection.keys()], title).toContain(title);
  });

  it('lists every source of detection.md exactly once across its tables', () => {
    const ids = TABLES.flatMap((title) => rowIds(bySection.get(title) ?? ''));
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(
      SOURCE_IDS.filter((id) => !counts.has(id)),
      'missing',
    ).toEqual([]);
    expect(
      [...counts].filter(([, n]) => n > 1).map(([id]) => id),
      'listed twice',
    ).toEqual([]);
    expect(
      ids.filter((id) => !SOURCE_IDS.includes(id)),
      'not a source of detection.md',
    ).toEqual([]);
  });

  it('names only case folders that exist, and names every Windows case', () => {
    // The engine's section names machine states too (windows-engine/states/), not case folders.
    const tables = TABLES.map((title) => bySection.get(title) ?? '').join('\n');
    const named = new Set(
      [...tables.matchAll(/`((?:win|linux|macos)[\w.-]*)`/g)]
        .map((m) => m[1] as string)
        .filter((name) => /-/.test(name) && !name.includes('.exe')),
    );
    for (const name of named) expect(CASES, `case folder ${name}`).toContain(name);
    for (const name of CASES.filter((c) => c.startsWith('win'))) {
      expect(named.has(name), `${name} is listed`).toBe(true);
    }
  });

  it('names only tests that exist', () => {
    const tests = new Set(
      [...DOC.matchAll(/\b((?:electron|renderer|e2e)\/[\w./-]+\.test\.ts)\b/g)].map((m) => m[1]),
    );
    expect(tests.size).toBeGreaterThan(5);
    for (const test of tests) expect(existsSync(join(ROOT, test as string)), test).toBe(true);
  });
});
