import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load-catalog';
import {
  familyAt,
  familyNumber,
  NO_PRODUCT_FAMILY,
  supportFamilies,
  supportFamilyTable,
  UNKNOWN_PRODUCT_FAMILY,
} from './family-table';

/**
 * The numbers as codes already handed out read them (index = number). A new family takes the next
 * free number in its catalog file, then joins the end of this list; a failure here means a number
 * moved to another family, which changes what old codes say.
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
  'bitdefender-gravityzone',
  'drweb',
  'eset-business',
  'microsoft-defender-endpoint',
  'palo-alto-networks',
  'trellix',
  'trend-micro-business',
  'withsecure',
];

describe('the support code family numbers (catalog data)', () => {
  const table = supportFamilies();

  it('gives every product family of the catalog a number', () => {
    const numbered = new Set(table.map((f) => f?.id));
    const missing = loadCatalog()
      .families.map((f) => f.id)
      .filter((id) => !numbered.has(id));
    expect(missing, 'catalog families without supportCode.number').toEqual([]);
  });

  it('keeps the numbers already handed out: each issued number still names its family', () => {
    expect(ISSUED.map((_, number) => familyAt(number)?.id)).toEqual(ISSUED);
  });

  it('has "none found" and "other" first, each number once, and a label for each', () => {
    expect(familyNumber(NO_PRODUCT_FAMILY)).toBe(0);
    expect(familyNumber(UNKNOWN_PRODUCT_FAMILY)).toBe(1);
    for (const family of table) if (family) expect(family.label.trim(), family.id).not.toBe('');
    expect(familyNumber('no-such-family')).toBeNull();
  });

  it('refuses a catalog that gives one number to two families', () => {
    const family = (id: string, number: number) => ({ id, supportCode: { number, label: id } });
    expect(() => supportFamilyTable([family('a', 2), family('b', 2)])).toThrow(
      'Support code number 2 is given to both a and b',
    );
    expect(supportFamilyTable([family('a', 3)]).map((f) => f?.id ?? null)).toEqual([
      'none',
      'other',
      null,
      'a',
    ]);
  });
});
