/**
 * Rows of osquery's registry table (key, name, type, data) → the {Path, Values} records the
 * native Windows parsers read, with each value as the scan script writes it. How osquery renders
 * data (osquery/tables/system/windows/registry.cpp at a5b14f63):
 *
 * - REG_DWORD: `std::to_string(*((int*)…))`, a SIGNED 32-bit number, so 0xFFFFFFFF (Kaspersky's
 *   "never updated" LastSuccessfulUpdate) arrives as "-1" and 0x80000000 as "-2147483648". The
 *   scan script writes DWORDs unsigned (docs/capture-format.md): the sign is undone here.
 *   REG_DWORD_BIG_ENDIAN is byte-swapped, then printed the same signed way.
 * - REG_QWORD: unsigned, as digits. REG_BINARY: upper-case hex, two digits a byte, as the script's.
 * - REG_SZ as text; REG_EXPAND_SZ as text NOT expanded (the script's values are expanded by the
 *   registry provider); REG_MULTI_SZ joined with "," (the parts cannot be told apart again);
 *   REG_NONE as "(zero-length binary value)".
 * - Keys are written with the hive's full name (HKEY_LOCAL_MACHINE\…); the parsers use HKLM\….
 */
import type { OsqueryRow } from '../../osquery/import/osquery-answer';
import { cell } from './osquery-records';

export type RegistryValue = string | number;

/** A registry value as the scan script would have written it, or undefined when osquery gave no data. */
export function registryValue(type: string | undefined, data: string | undefined): RegistryValue | undefined {
  if (data === undefined) return undefined;
  switch (type) {
    case 'REG_DWORD':
    case 'REG_DWORD_BIG_ENDIAN': {
      if (!/^-?\d+$/.test(data)) return data;
      const signed = Number(data);
      // Two's complement: a negative 32-bit number is the DWORD 2^32 + n.
      return signed < 0 ? signed + 2 ** 32 : signed;
    }
    case 'REG_QWORD':
      return /^\d+$/.test(data) && Number.isSafeInteger(Number(data)) ? Number(data) : data;
    default:
      return data;
  }
}

/** 'HKEY_LOCAL_MACHINE\SOFTWARE\…' → 'HKLM\SOFTWARE\…' (HKEY_USERS → HKU). */
export function shortHive(key: string): string {
  return key.replace(/^HKEY_LOCAL_MACHINE(?=\\|$)/i, 'HKLM').replace(/^HKEY_USERS(?=\\|$)/i, 'HKU');
}

export interface RegistryKey {
  /** The key as osquery wrote it. */
  readonly key: string;
  readonly values: Readonly<Record<string, RegistryValue>>;
  /** Notes on values that lost something on the way (unexpanded, joined). */
  readonly notes: readonly string[];
}

/** The rows grouped by key, in the order the keys first appear, each value typed as above. */
export function registryKeys(rows: readonly OsqueryRow[]): RegistryKey[] {
  const keys = new Map<string, { values: Record<string, RegistryValue>; notes: string[] }>();
  for (const row of rows) {
    const key = cell(row, 'key');
    const name = row.name;
    if (!key || name === undefined || row.type === 'subkey') continue;
    const entry = keys.get(key) ?? { values: {}, notes: [] };
    const value = registryValue(row.type, row.data);
    if (value !== undefined) entry.values[name] = value;
    if (row.type === 'REG_EXPAND_SZ') entry.notes.push(`${name}: REG_EXPAND_SZ as stored, not expanded`);
    if (row.type === 'REG_MULTI_SZ') entry.notes.push(`${name}: REG_MULTI_SZ, its parts joined with ","`);
    if (row.type === 'REG_DWORD' && typeof value === 'number' && Number(row.data) < 0)
      entry.notes.push(`${name}: osquery wrote the DWORD signed (${row.data}), read as ${value}`);
    keys.set(key, entry);
  }
  return [...keys].map(([key, entry]) => ({ key, ...entry }));
}
