import { describe, expect, it } from 'vitest';
import { replayCase as scanOf } from '../../probes/replay/test-support/replayed-scans';
import { loadCatalog } from '../catalog/load-catalog';
import type { BanStatus, Detection, ScanResult } from '../scan-result';
import { detectionWith as detection } from '../test-support/plan-inputs';
import { decodeSupportCode, encodeSupportCode } from './support-code';
import { mainDetection, supportFactsOf } from './support-facts';

const catalog = loadCatalog();

const usBan: BanStatus = {
  banId: 'us-bis-icts-2024',
  jurisdiction: 'US',
  summary: 'banned',
  binding: true,
  scope: ['consumers'],
  updatesEndAt: '2024-09-29T04:00:00.000Z',
  updatesEndDisplay: '29 September 2024',
  daysSinceUpdatesEnded: 791,
  updatesEnded: true,
};

describe('mainDetection', () => {
  const protecting = detection('protecting', { protecting: true, realtime: true });
  const stale = detection('stale', { protecting: false });
  const bannedAv = detection('banned-av', { ban: usBan, protecting: false });
  const bannedVpn = detection('banned-vpn', { ban: usBan, kind: 'vpn' });
  const vpn = detection('vpn', { kind: 'vpn' });
  const leftover = detection('leftover', { status: 'leftover', ban: usBan });

  it.each([
    ['a banned antivirus before a protecting one', [protecting, bannedAv], 'banned-av'],
    ['a banned antivirus before a banned VPN', [bannedVpn, bannedAv], 'banned-av'],
    ['a banned VPN before a protecting antivirus', [protecting, bannedVpn], 'banned-vpn'],
    ['the protecting antivirus before one that is not', [stale, protecting], 'protecting'],
    ['an antivirus that is not protecting before a VPN', [vpn, stale], 'stale'],
    ['any installed product before a leftover, even a banned one', [leftover, vpn], 'vpn'],
    ['a leftover when nothing else is there', [leftover], 'leftover'],
    ['the first of equals', [stale, detection('stale-2', { protecting: false })], 'stale'],
  ])('picks %s', (_, detections, id) => {
    expect(mainDetection(detections)?.id).toBe(id);
  });

  it('picks nothing when nothing was found', () => {
    expect(mainDetection([])).toBeNull();
  });
});

describe('supportFactsOf on real cases', () => {
  it('Kaspersky Total Security 21.2 with its VPN, on the Remove step in the US', async () => {
    const scan = await scanOf('win-kts21.2-services-drivers');
    expect(supportFactsOf(scan, { stepId: 'remove' }, catalog)).toEqual({
      family: 'kaspersky-consumer-windows',
      versionBand: 21,
      realtime: 'unknown',
      databaseAge: 'unknown',
      verdict: 'unprotected',
      step: 'remove',
      region: 'US',
    });
  });

  it('Kaspersky Endpoint Security 10 SP1 for Linux, file monitoring stopped, databases 8 years old', async () => {
    const facts = supportFactsOf(await scanOf('linux-kesl10sp1-file-monitoring-stopped'), null, catalog);
    expect(facts).toEqual({
      family: 'kaspersky-linux',
      versionBand: 10,
      realtime: 'off',
      databaseAge: 'over-730-days',
      verdict: 'unprotected',
      step: null,
      region: 'US',
    });
  });

  it('Bitdefender protecting while Defender is off: the protector is the product, not Defender', async () => {
    const facts = supportFactsOf(await scanOf('win10-bitdefender-defender-off-thm', 'DE'), null, catalog);
    expect(facts).toMatchObject({
      family: 'bitdefender',
      realtime: 'on',
      verdict: 'protected',
      region: 'DE',
    });
  });

  it('nothing found, region unknown', async () => {
    const facts = supportFactsOf(
      await scanOf('winserver2019-invalid-namespace-powershell', null),
      null,
      catalog,
    );
    expect(facts).toMatchObject({ family: 'none', versionBand: null, verdict: 'cannot-tell', region: null });
  });

  it('every case survives the trip through a code', async () => {
    for (const caseId of [
      'win-kes10-de-wsc',
      'macos-kis-bigsur-sysext-plist',
      'win7-mse-signatures-out-of-date',
    ]) {
      const facts = supportFactsOf(await scanOf(caseId), { stepId: 'keep-data' }, catalog);
      expect(decodeSupportCode(encodeSupportCode(facts)), caseId).toEqual({ ok: true, value: facts });
    }
  });
});

describe('supportFactsOf on made-up scans', () => {
  const scanWith = async (detections: Detection[]): Promise<ScanResult> => ({
    ...(await scanOf('winserver2019-invalid-namespace-powershell')),
    detections,
  });

  it("calls a product the catalog does not know 'other', keeping what is known of it", async () => {
    const unknown = detection('wsc:Some AV', {
      productId: null,
      version: '7.1',
      realtime: true,
      signatures: {
        date: null,
        dateFrom: null,
        version: null,
        ageDays: 5,
        upToDate: true,
        reportedUpToDate: true,
      },
    });
    expect(supportFactsOf(await scanWith([unknown]), null, catalog)).toMatchObject({
      family: 'other',
      versionBand: 7,
      realtime: 'on',
      databaseAge: 'days-4-7',
    });
  });

  it("takes the family from the catalog product, and 'other' for an id the catalog lacks", async () => {
    const defender = detection('microsoft-defender-antivirus', { realtime: false });
    expect(supportFactsOf(await scanWith([defender]), null, catalog)).toMatchObject({
      family: 'microsoft-defender',
      realtime: 'off',
    });
    const gone = detection('a-product-since-removed-from-the-catalog');
    expect(supportFactsOf(await scanWith([gone]), null, catalog).family).toBe('other');
  });
});
