/**
 * Every real case in fixtures/detection replays through the whole pipeline (capture → parsers →
 * matching → policy) to its expected.json. Adding a real case means adding a folder.
 * A value expected.json leaves null must come out null ("cannot tell"), never a guess.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureFromCaseDir } from '../probes/replay/case-capture';
import { analyseCapture } from './analyse';
import { loadCatalog } from './catalog/load-catalog';
import { nameContainedIn, nameTokens } from './match/product-name';
import type { Detection } from './scan-result';

interface ExpectedProduct {
  vendor: string;
  product: string;
  family: 'kaspersky' | 'other';
  realtime: boolean | null;
  signaturesUpToDate: boolean | null;
  version?: string;
  signaturesDate?: string;
  status?: 'installed' | 'leftover';
}

const CASES_DIR = resolve(import.meta.dirname, '../../fixtures/detection');
const cases = readdirSync(CASES_DIR).filter((name) => statSync(join(CASES_DIR, name)).isDirectory());
const catalog = loadCatalog();
const NOW = new Date('2026-11-29T12:00:00Z');

function namesOf(detection: Detection): string[] {
  const product = catalog.families.flatMap((f) => f.products).find((p) => p.id === detection.productId);
  return [detection.name, ...(product?.aliases ?? [])];
}

function sameProduct(detection: Detection, expected: ExpectedProduct): boolean {
  if ((detection.vendorId === 'kaspersky') !== (expected.family === 'kaspersky')) return false;
  return namesOf(detection).some(
    (name) => nameContainedIn(name, expected.product) || nameContainedIn(expected.product, name),
  );
}

/** A printed date without an offset is read as UTC; the capture's zone is unknown, so allow ±14 h. */
function sameInstant(actual: string | null, expected: string): boolean {
  if (!actual) return false;
  const wanted = /[zZ]|[+-]\d{2}:?\d{2}$/.test(expected) ? expected : `${expected.replace(' ', 'T')}Z`;
  return Math.abs(new Date(actual).getTime() - new Date(wanted).getTime()) <= 14 * 3600 * 1000;
}

describe.each(cases)('real case %s', (caseId) => {
  const expected = JSON.parse(readFileSync(join(CASES_DIR, caseId, 'expected.json'), 'utf8')) as {
    products: ExpectedProduct[];
  };

  it('replays to its expected detections', async () => {
    const capture = await captureFromCaseDir(join(CASES_DIR, caseId));
    const result = analyseCapture(capture, catalog, { now: NOW, regionOverride: 'US', replayed: true });
    const detections = result.detections;

    expect(
      detections.map((d) => d.name),
      'one detection per expected product, no more',
    ).toHaveLength(expected.products.length);
    for (const want of expected.products) {
      const got = detections.find((d) => sameProduct(d, want));
      expect(
        got,
        `a detection for ${want.product} among ${detections.map((d) => d.name).join(', ')}`,
      ).toBeDefined();
      if (!got) continue;
      expect(got.realtime, `${want.product}: real-time protection`).toBe(want.realtime);
      expect(got.signatures.reportedUpToDate, `${want.product}: signatures up to date`).toBe(
        want.signaturesUpToDate,
      );
      expect(got.status === 'leftover' ? 'leftover' : 'installed').toBe(want.status ?? 'installed');
      if (want.version) {
        const shown = nameTokens(`${got.version ?? ''} ${got.signatures.version ?? ''}`);
        expect(shown, `${want.product}: version`).toEqual(expect.arrayContaining(nameTokens(want.version)));
      }
      if (want.signaturesDate) {
        expect(
          sameInstant(got.signatures.date, want.signaturesDate),
          `${want.product}: database date ${got.signatures.date}`,
        ).toBe(true);
      }
    }
  });

  it('never crashes and accounts for every source', async () => {
    const capture = await captureFromCaseDir(join(CASES_DIR, caseId));
    const result = analyseCapture(capture, catalog, { now: NOW, regionOverride: null, replayed: true });
    expect(['protected', 'at-risk', 'unprotected', 'cannot-tell']).toContain(result.verdict.level);
    expect(result.verdict.headline.length).toBeGreaterThan(10);
  });
});
