import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load-catalog';
import type { Evidence, MachineFacts, Observation, ObservedMachine } from '../observations';
import { parseMpComputerStatus } from '../parse/windows/mp-computer-status';
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
    const status = parseMpComputerStatus(
      {
        AMRunningMode: 'Passive Mode',
        RealTimeProtectionEnabled: true,
        AntivirusEnabled: true,
        DefenderSignaturesOutOfDate: false,
        AntivirusSignatureLastUpdated: '/Date(1795914000000)/',
        AntivirusSignatureVersion: '1.421.1.0',
        AMProductVersion: '4.18.24090.11',
      },
      'windows.defender',
    );
    if (!status.ok) throw new Error(status.error);
    expect(matchProducts(observed([status.value]), catalog)).toEqual([
      expect.objectContaining({
        productId: 'microsoft-defender-antivirus',
        builtIn: true,
        realtime: false,
        reportedUpToDate: true,
        signaturesDate: '2026-11-29T01:00:00.000Z',
        signaturesDateFrom: { source: 'windows.defender', field: 'AntivirusSignatureLastUpdated' },
        version: '4.18.24090.11',
        versionFrom: { source: 'windows.defender', field: 'AMProductVersion' },
      }),
    ]);
  });

  it('WinDefend stopped means Defender is not protecting, whatever its status says [S25]', () => {
    const status = parseMpComputerStatus({ RealTimeProtectionEnabled: true }, 'windows.defender');
    if (!status.ok) throw new Error(status.error);
    const winDefend = (state: 'stopped' | 'running'): Observation => ({
      kind: 'service',
      serviceType: 'service',
      name: 'WinDefend',
      displayName: 'Microsoft Defender Antivirus Service',
      state,
      evidence: { source: 'windows.services', record: `WinDefend ${state}` },
    });
    const [stopped] = matchProducts(observed([status.value, winDefend('stopped')]), catalog);
    expect(stopped).toMatchObject({ realtime: false, status: 'installed' });
    expect(stopped?.evidence.find((e) => e.source === 'windows.services')?.decoded).toEqual({
      realtime: 'WinDefend is stopped: the real-time engine is not running',
    });
    const [running] = matchProducts(observed([status.value, winDefend('running')]), catalog);
    expect(running).toMatchObject({ realtime: true, status: 'running' });
  });

  it('a versioned folder name gives the version and says where it was read; DisplayVersion beats it', () => {
    const [fromPath] = matchProducts(observed([ktsService]), catalog);
    expect(fromPath).toMatchObject({
      version: '21.2',
      versionFrom: { source: 'windows.uninstall', field: 'PathName' },
    });
    const uninstall: Observation = {
      kind: 'installed-program',
      name: 'Kaspersky Total Security',
      version: '21.2.16.590',
      registry: 'HKLM32',
      evidence: { source: 'windows.uninstall', record: 'uninstall entry' },
    };
    const [fromEntry] = matchProducts(observed([ktsService, uninstall]), catalog);
    expect(fromEntry).toMatchObject({
      version: '21.2.16.590',
      versionFrom: { source: 'windows.uninstall', field: 'DisplayVersion' },
    });
  });

  it('reads the version from the display name when the path that identifies the product has none [S35]', () => {
    const fsecure: Observation = {
      kind: 'wsc-product',
      category: 'antivirus',
      displayName: 'F-Secure Client Security 12.00',
      productExe: 'C:\\Program Files (x86)\\F-Secure\\Anti-Virus\\fsavwsch.exe',
      productState: null,
      engine: 'unknown',
      signaturesUpToDate: null,
      ownerWindows: null,
      evidence: { source: 'windows.wsc.antivirus', record: 'wmic' },
    };
    expect(matchProducts(observed([fsecure]), catalog)).toEqual([
      expect.objectContaining({
        productId: 'f-secure-client-security',
        version: '12.00',
        versionFrom: { source: 'windows.wsc.antivirus', field: 'displayName' },
        realtime: null,
        reportedUpToDate: null,
      }),
    ]);
  });

  it('a leftover driver still tells the version of the removed product [S64]', () => {
    expect(matchProducts(observed([orphanDriver]), catalog)).toEqual([
      expect.objectContaining({
        status: 'leftover',
        version: '21.25',
        versionFrom: { source: 'windows.uninstall', field: 'PathName' },
      }),
    ]);
  });

  it("the registry key name's version is the last resort", () => {
    const registry: Observation = {
      kind: 'product-status',
      hint: 'kaspersky',
      versionInName: { version: '21.3', field: 'KasperskyLab\\AVP21.3 (key name)' },
      evidence: { source: 'windows.kaspersky-registry', record: 'AVP21.3' },
    };
    const [alone] = matchProducts(observed([ktsService, registry]), catalog);
    // The folder name (a path) and the key name (a name) both say a version: the path wins.
    expect(alone).toMatchObject({ version: '21.2', versionFrom: { field: 'PathName' } });
    const process: Observation = { kind: 'process', name: 'avp.exe', evidence: evidence('avp.exe') };
    const [named] = matchProducts(observed([process, registry]), catalog);
    expect(named).toMatchObject({
      version: '21.3',
      versionFrom: { source: 'windows.kaspersky-registry', field: 'KasperskyLab\\AVP21.3 (key name)' },
    });
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

  it('stale duplicates without timestamps that disagree are unknown, not the kinder of the two [S19]', () => {
    const record = (productState: number, engine: 'on' | 'off', instanceGuid: string): Observation => ({
      kind: 'wsc-product',
      category: 'antivirus',
      displayName: 'Bitdefender Antivirus',
      instanceGuid,
      productExe: 'C:\\Program Files\\Bitdefender\\Bitdefender Security\\wscfix.exe',
      productState,
      engine,
      signaturesUpToDate: engine === 'off',
      ownerWindows: false,
      evidence: evidence(instanceGuid),
    });
    const [detection] = matchProducts(
      observed([record(266256, 'on', '{A}'), record(262144, 'off', '{B}')]),
      catalog,
    );
    expect(detection).toMatchObject({ realtime: null, reportedUpToDate: null });
  });

  it('a product seen as antivirus and antispyware is one finding; the antivirus record speaks first', () => {
    const wsc = (category: 'antivirus' | 'antispyware', engine: 'on' | 'off'): Observation => ({
      kind: 'wsc-product',
      category,
      displayName: 'Windows Defender',
      productExe: 'windowsdefender://',
      productState: engine === 'on' ? 397568 : 393472,
      engine,
      signaturesUpToDate: true,
      ownerWindows: true,
      evidence: { source: `windows.wsc.${category}`, record: category },
    });
    const both = matchProducts(observed([wsc('antispyware', 'on'), wsc('antivirus', 'off')]), catalog);
    expect(both).toHaveLength(1);
    expect(both[0]).toMatchObject({ realtime: false, reportedUpToDate: true });
    expect(both[0]?.evidence).toHaveLength(2);
    // Registered only as antispyware (Symantec [S2]): its own productState decides.
    expect(matchProducts(observed([wsc('antispyware', 'on')]), catalog)[0]).toMatchObject({ realtime: true });
  });
});
