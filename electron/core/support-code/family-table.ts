/**
 * Product families as the small numbers a support code carries. The numbers are catalog data
 * (each family file's supportCode: number and label; catalog-schema.ts says the rules): a code read
 * out today must decode to the same family in every later Handover, so a number is handed out once
 * and never changed. family-table.test.ts holds the numbers already handed out.
 */
import { loadCatalog } from '../catalog/load-catalog';

/** What the numbers 0 and 1 mean, beside the catalog's families. */
export const NO_PRODUCT_FAMILY = 'none';
export const UNKNOWN_PRODUCT_FAMILY = 'other';

export interface SupportFamily {
  /** A catalog family id, or 'none' / 'other'. */
  readonly id: string;
  readonly label: string;
}

/** Families by number: index n is the family numbered n, null where no family has it. */
export type SupportFamilyTable = readonly (SupportFamily | null)[];

export function supportFamilyTable(
  families: readonly {
    readonly id: string;
    readonly supportCode: { readonly number: number; readonly label: string };
  }[],
): SupportFamilyTable {
  const table: (SupportFamily | null)[] = [
    { id: NO_PRODUCT_FAMILY, label: 'No security product found' },
    { id: UNKNOWN_PRODUCT_FAMILY, label: "A product Handover's catalog does not know" },
  ];
  for (const family of families) {
    const { number, label } = family.supportCode;
    const taken = table[number];
    if (taken) throw new Error(`Support code number ${number} is given to both ${taken.id} and ${family.id}`);
    while (table.length <= number) table.push(null);
    table[number] = { id: family.id, label };
  }
  return table;
}

let shipped: SupportFamilyTable | undefined;

/** The table of the catalog shipped with the app. */
export function supportFamilies(): SupportFamilyTable {
  shipped ??= supportFamilyTable(loadCatalog().families);
  return shipped;
}

/** The family's number, or null when the table does not list it. */
export function familyNumber(id: string): number | null {
  const index = supportFamilies().findIndex((f) => f?.id === id);
  return index >= 0 ? index : null;
}

/** The family a number stands for, or null. */
export const familyAt = (number: number): SupportFamily | null => supportFamilies()[number] ?? null;
