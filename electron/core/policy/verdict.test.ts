import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load-catalog';
import type { MatchedProduct } from '../match/matched-product';
import { resolveRegion } from '../region/resolve-region';
import type { Detection, RegionInfo } from '../scan-result';
import { judgeDetection } from './judge-detections';
import { decideVerdict } from './verdict';

const { bans } = loadCatalog();
const US: RegionInfo = resolveRegion({}, 'US');
const DE: RegionInfo = resolveRegion({}, 'DE');
const UNKNOWN: RegionInfo = resolveRegion({});
const complete = { authoritative: true, unreadable: [] };

function product(overrides: Partial<MatchedProduct>): MatchedProduct {
  return {
    id: 'kaspersky-total-security',
    productId: 'kaspersky-total-security',
    name: 'Kaspersky Total Security',
    vendor: 'Kaspersky',
    vendorId: 'kaspersky',
    kind: 'antivirus',
    builtIn: false,
    business: false,
    version: '21.3',
    versionFrom: null,
    status: 'running',
    realtime: true,
    signaturesDate: null,
    signaturesDateFrom: null,
    signaturesVersion: null,
    reportedUpToDate: true,
    passwordProtected: null,
    managedBy: null,
    uninstallEntries: [],
    evidence: [],
    ...overrides,
  };
}

function judge(products: MatchedProduct[], region: RegionInfo, now: string) {
  const at = new Date(now);
  const detections: Detection[] = products.map((p) => judgeDetection(p, region, bans, at));
  return { detections, verdict: decideVerdict(detections, complete, bans, region.code !== null, at) };
}

const defender = product({
  id: 'microsoft-defender',
  productId: 'microsoft-defender',
  name: 'Microsoft Defender Antivirus',
  vendor: 'Microsoft',
  vendorId: 'microsoft',
  builtIn: true,
});

describe('the US ban on Kaspersky over time', () => {
  it('before 2024-07-20: still protecting, but at risk with the cutoff ahead', () => {
    const { verdict, detections } = judge([product({})], US, '2024-07-01T12:00:00Z');
    expect(detections[0]?.protecting).toBe(true);
    expect(detections[0]?.ban?.updatesEnded).toBe(false);
    expect(verdict.level).toBe('at-risk');
    expect(verdict.headline).toBe('Your antivirus stops receiving updates in 89 days, on 29 September 2024.');
    expect(verdict.reasons[0]?.code).toBe('banned-product-updates-stop-soon');
    expect(verdict.deadline).toMatchObject({ at: '2024-09-29T04:00:00.000Z', daysSince: -89 });
  });

  it('between the two dates (sales ended, updates still flowing): at risk', () => {
    const { verdict } = judge([product({})], US, '2024-09-01T12:00:00Z');
    expect(verdict.level).toBe('at-risk');
    expect(verdict.headline).toMatch(/in 27 days, on 29 September 2024/);
  });

  it('one hour before the cutoff (2024-09-29 00:00 EDT) updates have not yet ended', () => {
    const { detections } = judge([product({})], US, '2024-09-29T03:00:00Z');
    expect(detections[0]?.ban?.updatesEnded).toBe(false);
  });

  it('after 2024-09-29: never up to date whatever it reports, so unprotected', () => {
    const { verdict, detections } = judge([product({ reportedUpToDate: true })], US, '2026-11-29T12:00:00Z');
    expect(detections[0]?.signatures).toMatchObject({ reportedUpToDate: true, upToDate: false });
    expect(detections[0]?.protecting).toBe(false);
    expect(verdict.level).toBe('unprotected');
    expect(verdict.headline).toBe('Your antivirus stopped receiving updates 791 days ago.');
    expect(verdict.reasons.map((r) => r.code)).toContain('banned-product-updates-stopped');
  });

  it('after the cutoff with Defender protecting: at risk until Kaspersky is removed', () => {
    const { verdict } = judge([product({ realtime: false }), defender], US, '2026-11-29T12:00:00Z');
    expect(verdict.level).toBe('at-risk');
    expect(verdict.headline).toMatch(
      /Microsoft Defender Antivirus is protecting this computer, but Kaspersky Total Security/,
    );
  });

  it('a database date older than the cutoff counts the days from that date', () => {
    const { verdict } = judge(
      [product({ signaturesDate: '2024-09-01T00:00:00Z' })],
      US,
      '2026-11-29T12:00:00Z',
    );
    expect(verdict.headline).toBe('Your antivirus stopped receiving updates 819 days ago.');
  });
});

describe('outside the US', () => {
  it('Germany: not banned, protected, with the BSI warning as information', () => {
    const { verdict, detections } = judge([product({})], DE, '2026-11-29T12:00:00Z');
    expect(detections[0]?.ban).toBeNull();
    expect(detections[0]?.advisories.map((a) => a.jurisdiction)).toEqual(['DE']);
    expect(verdict.level).toBe('protected');
    expect(verdict.reasons.find((r) => r.code === 'ban-advisory')?.severity).toBe('info');
  });

  it('unknown region: no ban applied, but the person is asked to choose a region', () => {
    const { verdict } = judge([product({})], UNKNOWN, '2026-11-29T12:00:00Z');
    expect(verdict.level).toBe('protected');
    expect(verdict.reasons.find((r) => r.code === 'ban-advisory')?.text).toMatch(/choose your region/);
  });
});

describe('verdict levels', () => {
  it('protected by a current antivirus', () => {
    expect(judge([defender], US, '2026-11-29T12:00:00Z').verdict).toMatchObject({
      level: 'protected',
      headline: 'Microsoft Defender Antivirus is protecting this computer.',
    });
  });

  it('installed but without signatures: unprotected, and says why', () => {
    const clamav = product({
      id: 'clamav',
      productId: 'clamav',
      name: 'ClamAV',
      vendor: 'Cisco Talos',
      vendorId: 'clamav',
      realtime: false,
      reportedUpToDate: false,
    });
    const { verdict } = judge([clamav], US, '2026-11-29T12:00:00Z');
    expect(verdict.level).toBe('unprotected');
    expect(verdict.headline).toBe(
      'ClamAV is installed but is not protecting this computer: it has no virus signatures.',
    );
  });

  it('unknown real-time state: cannot tell, never protected', () => {
    const { verdict } = judge(
      [product({ realtime: null, vendorId: 'eset', id: 'eset', name: 'ESET' })],
      US,
      '2026-11-29T12:00:00Z',
    );
    expect(verdict.level).toBe('cannot-tell');
  });

  it('nothing found and Security Center unreadable: cannot tell', () => {
    const at = new Date('2026-11-29T12:00:00Z');
    const verdict = decideVerdict(
      [],
      {
        authoritative: false,
        unreadable: [
          {
            id: 'windows.wsc.antivirus',
            label: 'Windows Security Center',
            status: 'unreadable',
            reason: 'Windows Security Center is not available on Windows Server.',
            records: 0,
          },
        ],
      },
      bans,
      true,
      at,
    );
    expect(verdict.level).toBe('cannot-tell');
    expect(verdict.reasons.map((r) => r.text)).toContain(
      'Windows Security Center is not available on Windows Server.',
    );
  });

  it('nothing found with a complete inventory: unprotected', () => {
    const verdict = decideVerdict([], complete, bans, true, new Date('2026-11-29T12:00:00Z'));
    expect(verdict).toMatchObject({
      level: 'unprotected',
      headline: 'No antivirus is protecting this computer.',
    });
  });

  it('signatures older than a week are out of date even when the product reports them current', () => {
    const stale = judge(
      [defender].map((d) => ({ ...d, signaturesDate: '2026-11-01T00:00:00Z' })),
      US,
      '2026-11-29T12:00:00Z',
    );
    expect(stale.verdict.level).toBe('unprotected');
    const fresh = judge(
      [defender].map((d) => ({ ...d, signaturesDate: '2026-11-28T00:00:00Z' })),
      US,
      '2026-11-29T12:00:00Z',
    );
    expect(fresh.verdict.level).toBe('protected');
  });
});
