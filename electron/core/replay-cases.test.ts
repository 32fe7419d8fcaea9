/**
 * Every real case in fixtures/detection replays to its expected.json through the path a user's
 * capture takes: the case folder becomes a capture file (electron/probes/replay/case-capture.ts),
 * and `handover scan --replay <file> --json` (electron/cli/main.ts runCli) reads it back and
 * scans it. Adding a real case means adding a folder.
 *
 * A value expected.json leaves null must come out null ("cannot tell"), never a guess. Windows
 * cases state every field (status, real-time state, signature state, version and where it was
 * read, signature date and the field it rests on); a field a case states is checked exactly.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayThroughCli } from '../cli/test-support/replay-through-cli';
import { captureFromCaseDir } from '../probes/replay/case-capture';
import { loadCatalog } from './catalog/load-catalog';
import { nameContainedIn, nameTokens } from './match/product-name';
import type { Detection, ScanResult, ValueOrigin } from './scan-result';

interface ExpectedProduct {
  vendor: string;
  product: string;
  family: 'kaspersky' | 'other';
  realtime: boolean | null;
  signaturesUpToDate: boolean | null;
  status?: 'installed' | 'running' | 'leftover';
  version?: string | null;
  versionFrom?: ValueOrigin | null;
  signaturesDate?: string | null;
  signaturesDateFrom?: ValueOrigin | null;
  /** Whole days from the signature date to NOW, as the scan counts them. */
  signaturesAgeDays?: number | null;
}

/** What every Windows case states for every product (fixtures/detection/README.md). */
const WINDOWS_FIELDS = [
  'status',
  'realtime',
  'signaturesUpToDate',
  'version',
  'versionFrom',
  'signaturesDate',
  'signaturesDateFrom',
] as const;

const CASES_DIR = resolve(import.meta.dirname, '../../fixtures/detection');
const cases = readdirSync(CASES_DIR).filter((name) => statSync(join(CASES_DIR, name)).isDirectory());
const catalog = loadCatalog();
/** The cases are captured "now": a signature age in days is counted from this instant. */
const NOW = '2026-11-29T12:00:00.000Z';

async function scanCase(
  caseId: string,
  region: string | null,
): Promise<{ code: number; result: ScanResult }> {
  const capture = await captureFromCaseDir(join(CASES_DIR, caseId), NOW);
  const { code, stderr, result } = await replayThroughCli(capture, {
    now: NOW,
    ...(region ? { region } : {}),
  });
  expect(stderr, `${caseId}: nothing on stderr`).toBe('');
  return { code, result };
}

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

/** The detection for an expected product: of those whose names match, the closest in length. */
function detectionFor(detections: readonly Detection[], want: ExpectedProduct): Detection | undefined {
  const distance = (d: Detection) =>
    Math.min(...namesOf(d).map((n) => Math.abs(nameTokens(n).length - nameTokens(want.product).length)));
  return detections.filter((d) => sameProduct(d, want)).sort((a, b) => distance(a) - distance(b))[0];
}

/** A printed date without an offset is read as UTC; the capture's zone is unknown, so allow ±14 h. */
function sameInstant(actual: string | null, expected: string): boolean {
  if (!actual) return false;
  const wanted = /[zZ]|[+-]\d{2}:?\d{2}$/.test(expected) ? expected : `${expected.replace(' ', 'T')}Z`;
  return Math.abs(new Date(actual).getTime() - new Date(wanted).getTime()) <= 14 * 3600 * 1000;
}

function checkProduct(got: Detection, want: ExpectedProduct): void {
  const what = want.product;
  expect(
    nameContainedIn(want.vendor, got.vendor) || nameContainedIn(got.vendor, want.vendor),
    `${what}: vendor ${got.vendor}`,
  ).toBe(true);
  expect(got.realtime, `${what}: real-time protection`).toBe(want.realtime);
  expect(got.signatures.reportedUpToDate, `${what}: signatures up to date`).toBe(want.signaturesUpToDate);
  if (want.status) expect(got.status, `${what}: status`).toBe(want.status);
  else expect(['installed', 'running'], `${what}: status`).toContain(got.status);
  if (want.version === null) expect(got.version, `${what}: version`).toBeNull();
  else if (want.version !== undefined && 'versionFrom' in want) {
    expect(got.version, `${what}: version`).toBe(want.version);
  } else if (want.version !== undefined) {
    const shown = nameTokens(`${got.version ?? ''} ${got.signatures.version ?? ''}`);
    expect(shown, `${what}: version`).toEqual(expect.arrayContaining(nameTokens(want.version)));
  }
  if (want.versionFrom !== undefined) {
    expect(got.versionFrom, `${what}: where the version was read`).toEqual(want.versionFrom);
  }
  if (want.signaturesDate === null) expect(got.signatures.date, `${what}: signature date`).toBeNull();
  else if (want.signaturesDate !== undefined) {
    expect(
      sameInstant(got.signatures.date, want.signaturesDate),
      `${what}: database date ${got.signatures.date}`,
    ).toBe(true);
  }
  if (want.signaturesDateFrom !== undefined) {
    expect(got.signatures.dateFrom, `${what}: the field the signature date rests on`).toEqual(
      want.signaturesDateFrom,
    );
  }
  if (want.signaturesAgeDays === null) expect(got.signatures.ageDays, `${what}: no age`).toBeNull();
  else if (want.signaturesAgeDays !== undefined) {
    // A date printed without a zone may be up to 14 hours off: a day either way.
    expect(
      Math.abs((got.signatures.ageDays ?? -999) - want.signaturesAgeDays),
      `${what}: signature age in days`,
    ).toBeLessThanOrEqual(1);
  }
  if (!want.signaturesDate && want.signaturesAgeDays === undefined)
    expect(got.signatures.ageDays, `${what}: no age without a date`).toBeNull();
}

describe.each(cases)('real case %s', (caseId) => {
  const expected = JSON.parse(readFileSync(join(CASES_DIR, caseId, 'expected.json'), 'utf8')) as {
    products: ExpectedProduct[];
  };

  it.runIf(caseId.startsWith('win'))('states every field for every product (Windows cases)', () => {
    for (const product of expected.products) {
      for (const field of WINDOWS_FIELDS)
        expect(product, `${product.product}: ${field}`).toHaveProperty(field);
    }
  });

  it('replays through `handover scan --replay` to its expected detections', async () => {
    const { code, result } = await scanCase(caseId, 'US');
    expect(code, 'handover could run').not.toBe(2);
    expect(result.replayed).toBe(true);
    const detections = result.detections;
    expect(
      detections.map((d) => d.name),
      'one detection per expected product, no more',
    ).toHaveLength(expected.products.length);
    for (const want of expected.products) {
      const got = detectionFor(detections, want);
      expect(
        got,
        `a detection for ${want.product} among ${detections.map((d) => d.name).join(', ')}`,
      ).toBeDefined();
      if (got) checkProduct(got, want);
    }
  });

  it('never crashes and accounts for every source, with the region unknown', async () => {
    const { code, result } = await scanCase(caseId, null);
    expect(code, 'handover could run').not.toBe(2);
    expect(['protected', 'at-risk', 'unprotected', 'cannot-tell']).toContain(result.verdict.level);
    expect(result.verdict.headline.length).toBeGreaterThan(10);
    for (const source of result.sources)
      expect(['read', 'unreadable', 'not-present']).toContain(source.status);
  });
});
