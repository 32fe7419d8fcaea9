import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load-catalog';
import type { Evidence, MachineFacts, Observation, ObservedMachine } from '../observations';
import { matchProducts } from './match-products';

const catalog = loadCatalog();
const windows: MachineFacts = { platform: 'windows', regionInputs: {} };
const evidence = (record: string): Evidence => ({ source: 'windows.uninstall', record });

function observed(observations: Observation[], machine: MachineFacts = windows): ObservedMachine {
  return { machine, observations, sources: [] };
}

// Records below are real ones from research/detection.md (source keys in brackets).
const ktsService: Observation = {
  kind: 'service',
  serviceType: 'service',
  displayName: 'Kaspersky Anti-Virus Service 21.2',
  state: 'running',
  startMode: 'auto',
  path: '"C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.2\\avp.exe" -r',
  evidence: evidence('service [S45]'),
};
const orphanDriver: Observation = {
  kind: 'service',
  serviceType: 'kernel-driver',
  name: 'klids.K4W-21-25',
  state: 'stopped',
  path: '\\??\\C:\\ProgramData\\Kaspersky Lab\\AVP21.25\\Bases\\klids.sys',
  evidence: evidence('driver [S64]'),
};

describe('matchProducts', () => {
  it('one product seen through several sources is one detection, with all its evidence', () => {
    const uninstall: Observation = {
      kind: 'installed-program',
      name: 'Kaspersky Total Security',
      publisher: 'Kaspersky Lab',
      version: '21.2.16.590',
      registry: 'HKLM32',
      evidence: evidence('uninstall entry'),
    };
    const [detection, ...rest] = matchProducts(observed([ktsService, uninstall]), catalog);
    expect(rest).toEqual([]);
    expect(detection).toMatchObject({
      productId: 'kaspersky-total-security',
      status: 'running',
      version: '21.2.16.590',
    });
    expect(detection?.evidence.map((e) => e.record)).toEqual(['service [S45]', 'uninstall entry']);
    expect(detection?.uninstallEntries).toEqual([
      expect.objectContaining({
        name: 'Kaspersky Total Security',
        registry: 'HKLM32',
        uninstallString: null,
      }),
    ]);
  });

  it('an orphan Kaspersky driver after removal is a leftover', () => {
    const [detection, ...rest] = matchProducts(observed([orphanDriver]), catalog);
    expect(rest).toEqual([]);
    expect(detection).toMatchObject({ status: 'leftover', vendorId: 'kaspersky', kind: 'other' });
  });

  it('a driver beside an installed Kaspersky product is evidence of that product, not a leftover', () => {
    const detections = matchProducts(observed([ktsService, orphanDriver]), catalog);
    expect(detections.map((d) => d.productId)).toEqual(['kaspersky-total-security']);
    expect(detections[0]?.evidence).toHaveLength(2);
  });

  it('a product Security Center reports but the catalog does not know is shown under its reported name', () => {
    const unknown: Observation = {
      kind: 'wsc-product',
      category: 'antivirus',
      displayName: 'Acme Shield 7',
      productExe: 'C:\\Program Files\\Acme\\shield.exe',
      productState: 266240,
      engine: 'on',
      signaturesUpToDate: true,
      ownerWindows: false,
      evidence: evidence('wsc'),
    };
    expect(matchProducts(observed([unknown]), catalog)).toEqual([
      expect.objectContaining({
        id: 'wsc:Acme Shield 7',
        productId: null,
        name: 'Acme Shield 7',
        kind: 'antivirus',
        realtime: true,
        reportedUpToDate: true,
      }),
    ]);
  });

  it('Defender standing down in passive mode is not real-time protection, even if the flag says so [S86]', () => {
    const status: Observation = {
      kind: 'defender-status',
      runningMode: 'passive',
      realtime: true,
      antivirusEnabled: true,
      signaturesOutOfDate: false,
      signatureAgeDays: 0,
      signaturesUpdated: '2026-11-29T01:00:00.000Z',
      signatureVersion: '1.421.1.0',
      productVersion: '4.18.24090.11',
      evidence: evidence('Get-MpComputerStatus'),
    };
    expect(matchProducts(observed([status]), catalog)).toEqual([
      expect.objectContaining({
        productId: 'microsoft-defender-antivirus',
        builtIn: true,
        realtime: false,
        reportedUpToDate: true,
        signaturesDate: '2026-11-29T01:00:00.000Z',
      }),
    ]);
  });

  it('a shared line-wide service name joins the specific product when one is found', () => {
    const sharedName: Observation = {
      kind: 'service',
      serviceType: 'service',
      displayName: 'Kaspersky Anti-Virus Service 21.2',
      state: 'stopped',
      evidence: evidence('service without path'),
    };
    const alone = matchProducts(observed([sharedName]), catalog);
    expect(alone.map((d) => d.productId)).toEqual(['kaspersky-consumer-21']);
    const withSpecific = matchProducts(observed([sharedName, ktsService]), catalog);
    expect(withSpecific.map((d) => d.productId)).toEqual(['kaspersky-total-security']);
  });

  it('stale duplicate Security Center records that disagree: the newest wins [S19]', () => {
    const record = (state: number, engine: 'on' | 'off', timestamp: string): Observation => ({
      kind: 'wsc-product',
      category: 'antivirus',
      displayName: 'Bitdefender Antivirus',
      productExe: 'C:\\Program Files\\Bitdefender\\Bitdefender Security\\wscfix.exe',
      productState: state,
      engine,
      signaturesUpToDate: true,
      ownerWindows: false,
      timestamp,
      evidence: evidence(timestamp),
    });
    const [detection] = matchProducts(
      observed([record(262144, 'off', '2021-01-01T00:00:00Z'), record(266240, 'on', '2021-12-15T12:40:10Z')]),
      catalog,
    );
    expect(detection?.realtime).toBe(true);
  });
});
