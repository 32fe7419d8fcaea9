/**
 * For tests only: products as matching would hand them to the policy, built by hand (each test
 * says which facts it sets), judged with the real catalog's bans at a chosen time and region,
 * and the facts the verdict's rules read. The defaults are a running Kaspersky Total Security
 * that reports itself on and up to date (Security Center's bits, no date), the shape of a real
 * WSC record such as fixtures/detection/win-kes10-de-wsc.
 */
import { loadCatalog } from '../catalog/load-catalog';
import type { MatchedProduct } from '../match/matched-product';
import { judgeDetection } from '../policy/judge-detections';
import { decideVerdict } from '../policy/verdict';
import {
  type InventoryCompleteness,
  type VerdictMachine,
  verdictFacts,
} from '../policy/verdict-rules/verdict-facts';
import { resolveRegion } from '../region/resolve-region';
import type { Detection, RegionInfo } from '../scan-result';

export const { bans } = loadCatalog();
export const US: RegionInfo = resolveRegion({}, 'US');
export const DE: RegionInfo = resolveRegion({}, 'DE');
export const UNKNOWN_REGION: RegionInfo = resolveRegion({});
export const COMPLETE: InventoryCompleteness = { authoritative: true, unreadable: [], listingsNotRead: [] };
/** 791 days after the US cutoff (2024-09-29T04:00Z). */
export const AFTER_CUTOFF = '2026-11-29T12:00:00Z';
/** 89 days before it. */
export const BEFORE_CUTOFF = '2024-07-01T12:00:00Z';

export function product(overrides: Partial<MatchedProduct>): MatchedProduct {
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

export const defender = product({
  id: 'microsoft-defender-antivirus',
  productId: 'microsoft-defender-antivirus',
  name: 'Microsoft Defender Antivirus',
  vendor: 'Microsoft',
  vendorId: 'microsoft',
  builtIn: true,
});

export const bitdefender = product({
  id: 'bitdefender-consumer',
  productId: 'bitdefender-consumer',
  name: 'Bitdefender Antivirus / Total Security',
  vendor: 'Bitdefender',
  vendorId: 'bitdefender',
});

export const clamav = product({
  id: 'clamav',
  productId: 'clamav',
  name: 'ClamAV',
  vendor: 'Cisco Talos',
  vendorId: 'clamav',
});

export const kasperskyVpn = product({
  id: 'kaspersky-vpn-secure-connection',
  productId: 'kaspersky-vpn-secure-connection',
  name: 'Kaspersky VPN Secure Connection',
  kind: 'vpn',
  realtime: null,
  reportedUpToDate: null,
});

export const kasperskyPasswordManager = product({
  id: 'kaspersky-password-manager',
  productId: 'kaspersky-password-manager',
  name: 'Kaspersky Password Manager',
  kind: 'password-manager',
  realtime: null,
  reportedUpToDate: null,
});

export function judge(
  products: readonly MatchedProduct[],
  region: RegionInfo,
  now: string,
  completeness: InventoryCompleteness = COMPLETE,
  machine: VerdictMachine = { platform: 'windows', isServer: false },
) {
  const at = new Date(now);
  const detections: Detection[] = products.map((p) => judgeDetection(p, region, bans, at));
  const regionKnown = region.code !== null;
  return {
    detections,
    facts: verdictFacts(detections, completeness, bans, regionKnown, at, machine),
    verdict: decideVerdict(detections, completeness, bans, regionKnown, at, machine),
  };
}
