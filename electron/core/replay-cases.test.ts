/**
 * Every real case in fixtures/detection replays to its expected.json through the path a user's
 * capture takes: the case folder becomes a capture file, and `handover scan --replay FILE --json`
 * (electron/cli/main.ts runCli) reads it, scans it and prints the result. Adding a real case means
 * adding a folder. Each expected product is checked for its family, status, real-time state, the
 * product's own verdict on its signatures, the signature date and age, and the version; a value
 * expected.json leaves null must come out null ("cannot tell"), never a guess.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolderForSuite } from '../../test-support/temporary-folder';
import { runCli } from '../cli/main';
import { captureFromCaseDir } from '../probes/replay/case-capture';
import { loadCatalog } from './catalog/load-catalog';
import { nameContainedIn, nameTokens } from './match/product-name';
import type { Detection, ScanResult } from './scan-result';

interface ExpectedProduct {
  vendor: string;
  product: string;
  family: 'kaspersky' | 'other';
  realtime: boolean | null;
  signaturesUpToDate: boolean | null;
  version?: string | null;
  signaturesDate?: string | null;
  /** Whole days from the signature date to NOW, as the scan counts them. */
  signaturesAgeDays?: number | null;
  status?: 'installed' | 'leftover';
}

const CASES_DIR = resolve(import.meta.dirname, '../../fixtures/detection');
const cases = readdirSync(CASES_DIR).filter((name) => statSync(join(CASES_DIR, name)).isDirectory());
const catalog = loadCatalog();
const NOW = '2026-11-29T12:00:00Z';
const suiteDir = temporaryFolderForSuite('replay-cases');

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

/** `handover scan --replay <case capture> --json` with the given region, as a user would run it. */
async function scanThroughCli(caseId: string, region: string | null): Promise<ScanResult> {
  const file = join(suiteDir(), `${caseId}.capture.json`);
  await writeFile(file, JSON.stringify(await captureFromCaseDir(join(CASES_DIR, caseId))));
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    ['scan', '--replay', file, '--json', '--now', NOW, ...(region ? ['--region', region] : [])],
    {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      env: {},
      now: () => new Date(NOW),
    },
  );
  expect(stderr, `${caseId}: nothing on stderr`).toBe('');
  expect(code, `${caseId}: the scan ran`).not.toBe(2);
  return JSON.parse(stdout) as ScanResult;
}

describe.each(cases)('real case %s', (caseId) => {
  const expected = JSON.parse(readFileSync(join(CASES_DIR, caseId, 'expected.json'), 'utf8')) as {
    products: ExpectedProduct[];
  };

  it('replays through handover scan --replay to its expected detections', async () => {
    const result = await scanThroughCli(caseId, 'US');
    expect(result.replayed).toBe(true);
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
      if (want.version === null) expect(got.version, `${want.product}: no version`).toBeNull();
      else if (want.version) {
        const shown = nameTokens(`${got.version ?? ''} ${got.signatures.version ?? ''}`);
        expect(shown, `${want.product}: version`).toEqual(expect.arrayContaining(nameTokens(want.version)));
      }
      if (want.signaturesDate === null) expect(got.signatures.date, `${want.product}: no date`).toBeNull();
      else if (want.signaturesDate) {
        expect(
          sameInstant(got.signatures.date, want.signaturesDate),
          `${want.product}: database date ${got.signatures.date}`,
        ).toBe(true);
      }
      if (want.signaturesAgeDays === null) expect(got.signatures.ageDays).toBeNull();
      else if (want.signaturesAgeDays !== undefined) {
        // A date printed without a zone may be up to 14 hours off: a day either way.
        expect(
          Math.abs((got.signatures.ageDays ?? -999) - want.signaturesAgeDays),
          `${want.product}: age`,
        ).toBeLessThanOrEqual(1);
      }
      if (!want.signaturesDate && want.signaturesAgeDays === undefined)
        expect(got.signatures.ageDays, `${want.product}: no age without a date`).toBeNull();
    }
  });

  it('never crashes and accounts for every source, with no region given', async () => {
    const result = await scanThroughCli(caseId, null);
    expect(['protected', 'at-risk', 'unprotected', 'cannot-tell']).toContain(result.verdict.level);
    expect(result.verdict.headline.length).toBeGreaterThan(10);
    for (const source of result.sources)
      expect(['read', 'unreadable', 'not-present']).toContain(source.status);
  });
});
