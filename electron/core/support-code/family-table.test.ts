import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load-catalog';
import { familyNumber, NO_PRODUCT_FAMILY, SUPPORT_FAMILIES, UNKNOWN_PRODUCT_FAMILY } from './family-table';

/**
 * The table as codes already handed out read it. Append to SUPPORT_FAMILIES, then here; a
 * failure here means an existing entry moved or changed, which changes what old codes say.
 */
const ISSUED = [
  'none',
  'other',
  'avast',
  'avg',
  'avira',
  'bitdefender',
  'clamav',
  'crowdstrike',
  'cylance',
  'eset',
  'f-secure',
  'fortinet',
  'g-data',
  'huorong',
  'kaspersky-business',
  'kaspersky-companion-apps',
  'kaspersky-consumer-mac',
  'kaspersky-consumer-windows',
  'kaspersky-linux',
  'malwarebytes',
  'mcafee',
  'microsoft-defender',
  'norton',
  'panda',
  'sentinelone',
  'sophos',
  'symantec',
  'totalav',
  'trend-micro',
  'ultraav',
  'webroot',
];

describe('SUPPORT_FAMILIES', () => {
  it('lists every product family of the catalog', () => {
    const listed = new Set(SUPPORT_FAMILIES.map((f) => f.id));
    const missing = loadCatalog()
      .families.map((f) => f.id)
      .filter((id) => !listed.has(id));
    expect(missing, 'catalog families to append to support-code/family-table.ts').toEqual([]);
  });

  it('only ever grows: the numbers already handed out keep their family', () => {
    expect(SUPPORT_FAMILIES.slice(0, ISSUED.length).map((f) => f.id)).toEqual(ISSUED);
  });

  it('has "none found" and "other" first, each id once, and a label for each', () => {
    expect(familyNumber(NO_PRODUCT_FAMILY)).toBe(0);
    expect(familyNumber(UNKNOWN_PRODUCT_FAMILY)).toBe(1);
    expect(new Set(SUPPORT_FAMILIES.map((f) => f.id)).size).toBe(SUPPORT_FAMILIES.length);
    for (const family of SUPPORT_FAMILIES) expect(family.label.trim(), family.id).not.toBe('');
    expect(familyNumber('no-such-family')).toBeNull();
  });
});
