/**
 * Product families as the small numbers a support code carries. APPEND-ONLY: a code read out
 * today must decode to the same family in every later Handover, so an entry is never removed,
 * reordered or renumbered, and a new catalog family (electron/core/catalog/products/*.json) is
 * added at the end. family-table.test.ts fails when a catalog family is missing here, and when an
 * existing entry moved.
 *
 * The labels are what the technician's decode box shows, so they name what a caller would
 * recognise; the catalog has no family-level display name to take them from.
 */
export const NO_PRODUCT_FAMILY = 'none';
export const UNKNOWN_PRODUCT_FAMILY = 'other';

export interface SupportFamily {
  /** A catalog family id, or 'none' / 'other'. */
  readonly id: string;
  readonly label: string;
}

export const SUPPORT_FAMILIES: readonly SupportFamily[] = [
  { id: NO_PRODUCT_FAMILY, label: 'No security product found' },
  { id: UNKNOWN_PRODUCT_FAMILY, label: "A product Handover's catalog does not know" },
  { id: 'avast', label: 'Avast' },
  { id: 'avg', label: 'AVG' },
  { id: 'avira', label: 'Avira' },
  { id: 'bitdefender', label: 'Bitdefender' },
  { id: 'clamav', label: 'ClamAV' },
  { id: 'crowdstrike', label: 'CrowdStrike Falcon' },
  { id: 'cylance', label: 'CylancePROTECT' },
  { id: 'eset', label: 'ESET' },
  { id: 'f-secure', label: 'F-Secure' },
  { id: 'fortinet', label: 'FortiClient' },
  { id: 'g-data', label: 'G DATA' },
  { id: 'huorong', label: 'Huorong' },
  {
    id: 'kaspersky-business',
    label:
      'Kaspersky for business (Endpoint Security for Windows or Mac, Security for Windows Server, Network Agent)',
  },
  { id: 'kaspersky-companion-apps', label: 'Kaspersky VPN, Password Manager or Safe Kids' },
  { id: 'kaspersky-consumer-mac', label: 'Kaspersky for home on a Mac' },
  {
    id: 'kaspersky-consumer-windows',
    label:
      'Kaspersky for home or small office on Windows (Total Security, Internet Security, Anti-Virus, Standard, Plus, Premium and others)',
  },
  { id: 'kaspersky-linux', label: 'Kaspersky for Linux' },
  { id: 'malwarebytes', label: 'Malwarebytes' },
  { id: 'mcafee', label: 'McAfee' },
  { id: 'microsoft-defender', label: 'Microsoft Defender or Security Essentials' },
  { id: 'norton', label: 'Norton' },
  { id: 'panda', label: 'Panda Dome' },
  { id: 'sentinelone', label: 'SentinelOne' },
  { id: 'sophos', label: 'Sophos' },
  { id: 'symantec', label: 'Symantec Endpoint Protection' },
  { id: 'totalav', label: 'TotalAV' },
  { id: 'trend-micro', label: 'Trend Micro' },
  { id: 'ultraav', label: 'UltraAV' },
  { id: 'webroot', label: 'Webroot' },
];

/** The family's number, or null when the table does not list it. */
export function familyNumber(id: string): number | null {
  const index = SUPPORT_FAMILIES.findIndex((f) => f.id === id);
  return index >= 0 ? index : null;
}
