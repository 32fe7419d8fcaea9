/**
 * The renderer stays within 200 kB of JavaScript gzipped (issue 13 §3), counted on the build the
 * e2e run serves: what index.html loads (its scripts and what they import at once) against the
 * budget, and what loads lazily (the Fleet screen with its table, virtual list and chart) counted
 * apart. Not a browser test; it sits with the e2e tests because it needs the build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const OUT = join(import.meta.dirname, '..', '..', 'out', 'renderer');
const BUDGET = 200 * 1000;

const gzipped = (file: string) => gzipSync(readFileSync(join(OUT, 'assets', file)), { level: 9 }).length;

/** The chunks a script imports statically (`import ... from "./x.js"`), followed to the end. */
function eagerChunks(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(join(OUT, 'assets', entry), 'utf8');
  for (const match of code.matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([\w.-]+\.js)["']/g))
    eagerChunks(match[1] as string, seen);
  return seen;
}

test('the renderer loads at most 200 kB of JavaScript gzipped; the Fleet screen loads apart', () => {
  const html = readFileSync(join(OUT, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="\.\/assets\/([\w.-]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  expect(entries.length).toBeGreaterThan(0);
  const eager = new Set(entries.flatMap((entry) => [...eagerChunks(entry)]));
  const all = readdirSync(join(OUT, 'assets')).filter((f) => f.endsWith('.js'));
  const lazy = all.filter((f) => !eager.has(f));
  const eagerBytes = [...eager].reduce((sum, f) => sum + gzipped(f), 0);
  const lazyBytes = lazy.reduce((sum, f) => sum + gzipped(f), 0);
  console.log(
    `renderer JavaScript, gzipped: ${eagerBytes} bytes at start; ${lazyBytes} bytes lazily (${lazy.join(', ')})`,
  );
  expect(eagerBytes).toBeLessThanOrEqual(BUDGET);
  expect(lazy.some((f) => f.startsWith('FleetScreen'))).toBe(true);
  expect(html).not.toContain('FleetScreen');
});
