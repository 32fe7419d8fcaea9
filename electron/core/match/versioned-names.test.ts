/**
 * Names that carry a version (detection.md §2.1–2.4, [S24], [S35]): every one found in a
 * published record or script is matched by the catalog's patterns (data, not code) and gives its
 * version, with the field it was read from. Many of these names come from scripts and programs
 * that name the folder rather than from a record of a machine (docs/detection-coverage.md says
 * which): this table is where each of them is held.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load-catalog';
import type { Observation, ObservedMachine } from '../observations';
import { matchProducts } from './match-products';

const catalog = loadCatalog();
const KL = 'C:\\Program Files (x86)\\Kaspersky Lab';

const process = (path: string): Observation => ({
  kind: 'process',
  name: path.split('\\').at(-1) ?? path,
  path,
  evidence: { source: 'windows.processes', record: path },
});
const service = (fields: { name?: string; displayName?: string; path?: string }): Observation => ({
  kind: 'service',
  serviceType: 'service',
  state: 'running',
  ...fields,
  evidence: { source: 'windows.services', record: JSON.stringify(fields) },
});
const driver = (name: string, path: string): Observation => ({
  kind: 'service',
  serviceType: 'kernel-driver',
  name,
  state: 'stopped',
  path,
  evidence: { source: 'windows.drivers', record: name },
});
const uninstall = (name: string): Observation => ({
  kind: 'installed-program',
  name,
  registry: 'HKLM32',
  evidence: { source: 'windows.uninstall', record: name },
});
const wsc = (displayName: string, productExe?: string): Observation => ({
  kind: 'wsc-product',
  category: 'antivirus',
  displayName,
  ...(productExe ? { productExe } : {}),
  productState: 266240,
  engine: 'on',
  signaturesUpToDate: true,
  ownerWindows: false,
  evidence: { source: 'windows.wsc.antivirus', record: displayName },
});

interface Row {
  readonly source: string;
  readonly seen: Observation;
  readonly product: string;
  readonly version: string;
  readonly field: string;
}

const ROWS: readonly Row[] = [
  {
    source: 'S40',
    seen: process(`${KL}\\Kaspersky Anti-Virus 21.3\\avp.com`),
    product: 'kaspersky-anti-virus',
    version: '21.3',
    field: 'ExecutablePath',
  },
  {
    source: 'S41',
    seen: process(`${KL}\\Kaspersky Internet Security 21.3\\avp.exe`),
    product: 'kaspersky-internet-security',
    version: '21.3',
    field: 'ExecutablePath',
  },
  {
    source: 'S42',
    seen: process(`${KL}\\Kaspersky Total Security 21.2\\avpui.exe`),
    product: 'kaspersky-total-security',
    version: '21.2',
    field: 'ExecutablePath',
  },
  {
    source: 'S43',
    seen: process(`${KL}\\Kaspersky Total Security 21.3\\avp.com`),
    product: 'kaspersky-total-security',
    version: '21.3',
    field: 'ExecutablePath',
  },
  {
    source: 'S44',
    seen: process(`${KL}\\Kaspersky Security Cloud 21.3\\avp.com`),
    product: 'kaspersky-security-cloud',
    version: '21.3',
    field: 'ExecutablePath',
  },
  {
    source: 'S45',
    seen: process(`${KL}\\Kaspersky Security Cloud 21.2\\avpui.exe`),
    product: 'kaspersky-security-cloud',
    version: '21.2',
    field: 'ExecutablePath',
  },
  {
    source: 'S45',
    seen: service({ displayName: 'Kaspersky Anti-Virus Service 21.2' }),
    product: 'kaspersky-consumer-21',
    version: '21.2',
    field: 'DisplayName',
  },
  {
    source: 'S45',
    seen: service({
      displayName: 'Kaspersky VPN Secure Connection Service 5.2',
      path: `"${KL}\\Kaspersky VPN 5.2\\ksde.exe" -r`,
    }),
    product: 'kaspersky-vpn-secure-connection',
    version: '5.2',
    field: 'PathName',
  },
  {
    source: 'S46',
    seen: process(`${KL}\\Kaspersky Internet Security 17.0.0\\avp.exe`),
    product: 'kaspersky-internet-security',
    version: '17.0.0',
    field: 'ExecutablePath',
  },
  {
    source: 'S46',
    seen: process(`${KL}\\Kaspersky Internet Security 19.0.0\\avp.exe`),
    product: 'kaspersky-internet-security',
    version: '19.0.0',
    field: 'ExecutablePath',
  },
  {
    source: 'S47',
    seen: process(`${KL}\\Kaspersky Free 19.0.0\\avp.exe`),
    product: 'kaspersky-free',
    version: '19.0.0',
    field: 'ExecutablePath',
  },
  {
    source: 'S50',
    seen: process(`${KL}\\Kaspersky 21.8\\avpui.exe`),
    product: 'kaspersky-unified',
    version: '21.8',
    field: 'ExecutablePath',
  },
  {
    source: 'S51',
    seen: process(`${KL}\\Kaspersky 21.20\\avp.com`),
    product: 'kaspersky-unified',
    version: '21.20',
    field: 'ExecutablePath',
  },
  {
    source: 'S52',
    seen: process(`${KL}\\Kaspersky 21.24\\avp.com`),
    product: 'kaspersky-unified',
    version: '21.24',
    field: 'ExecutablePath',
  },
  {
    source: 'S53',
    seen: process(`${KL}\\Kaspersky 21.25\\avp.exe`),
    product: 'kaspersky-unified',
    version: '21.25',
    field: 'ExecutablePath',
  },
  {
    source: 'S54',
    seen: process(`${KL}\\Kaspersky 21.26\\avp.exe`),
    product: 'kaspersky-unified',
    version: '21.26',
    field: 'ExecutablePath',
  },
  {
    source: 'S57',
    seen: process(`${KL}\\Kaspersky VPN 5.21\\ksdeui.exe`),
    product: 'kaspersky-vpn-secure-connection',
    version: '5.21',
    field: 'ExecutablePath',
  },
  {
    source: 'S26',
    seen: wsc(
      'Kaspersky Endpoint Security 10 für Windows',
      `${KL}\\Kaspersky Endpoint Security 10 for Windows SP1\\wmiav.exe`,
    ),
    product: 'kaspersky-endpoint-security-windows',
    version: '10 SP1',
    field: 'pathToSignedProductExe',
  },
  {
    source: 'S60',
    seen: process(`${KL}\\Kaspersky Anti-Virus 8.0 For Windows Servers Enterprise Edition\\kavshell.exe`),
    product: 'kaspersky-security-windows-server',
    version: '8.0',
    field: 'ExecutablePath',
  },
  {
    source: 'S61',
    seen: service({ name: 'AVP20.0.0' }),
    product: 'kaspersky-consumer-21',
    version: '20.0.0',
    field: 'Name',
  },
  {
    source: 'S14',
    seen: uninstall('Kaspersky Security 11.0.1 for Windows Server'),
    product: 'kaspersky-security-windows-server',
    version: '11.0.1',
    field: 'DisplayName',
  },
  {
    source: 'S35',
    seen: wsc(
      'F-Secure Client Security 12.00',
      'C:\\Program Files (x86)\\F-Secure\\Anti-Virus\\fsavwsch.exe',
    ),
    product: 'f-secure-client-security',
    version: '12.00',
    field: 'displayName',
  },
  {
    source: 'S24',
    seen: wsc(
      'Sentinel Agent',
      'C:\\Program Files\\SentinelOne\\Sentinel Agent 4.1.4.82\\SentinelRemediation.exe',
    ),
    product: 'sentinelone-agent',
    version: '4.1.4.82',
    field: 'pathToSignedProductExe',
  },
];

const machine = (observation: Observation): ObservedMachine => ({
  machine: { platform: 'windows', regionInputs: {} },
  observations: [observation],
  sources: [],
});

describe('names that carry a version', () => {
  it.each(ROWS)('[$source] $product $version from $field', ({ seen, product, version, field }) => {
    const [detection, ...rest] = matchProducts(machine(seen), catalog);
    expect(rest).toEqual([]);
    expect(detection).toMatchObject({
      productId: product,
      version,
      versionFrom: { source: seen.evidence.source, field },
    });
  });

  it.each([
    ['[S64] the driver service name', driver('klids.K4W-21-25', ''), 'Name'],
    [
      '[S64] the driver folder',
      driver('klids', '\\??\\C:\\ProgramData\\Kaspersky Lab\\AVP21.25\\Bases\\klids.sys'),
      'PathName',
    ],
    [
      '[S45] a driver kept under ProgramData',
      driver('klupd_klif_arkmon.sys', 'C:\\ProgramData\\Kaspersky Lab\\AVP21.2\\klupd_klif_arkmon.sys'),
      'PathName',
    ],
  ])('a leftover keeps the version of its %s', (_, seen, field) => {
    const [detection] = matchProducts(machine(seen), catalog);
    expect(detection).toMatchObject({ status: 'leftover', vendorId: 'kaspersky', versionFrom: { field } });
    expect(detection?.version).toMatch(/^21\.2(5)?$/);
  });
});
