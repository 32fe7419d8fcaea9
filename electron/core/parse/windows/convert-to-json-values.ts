/**
 * Reading values as Windows PowerShell 5.1's ConvertTo-Json writes them.
 *
 * - One result is written as an object, several as an array [S15][S16] (and the fixtures'
 *   securitycenter2.json files show both); `asList` accepts either.
 * - DateTime values come out as '\/Date(ms)\/' in 5.1 and ISO 8601 in PowerShell 7
 *   (PowerShell/PowerShell PR #11126); a DateTime from Get-Date carries ETS notes and is written
 *   as {"value":"\/Date(…)\/","DisplayHint":…,"DateTime":…} (PowerShell 5.1, issue
 *   invictus-ir/Microsoft-Extractor-Suite#76). Text copied from wmic or Format-List holds CIM
 *   datetimes [S11] or culture-formatted strings [S85]. `readDateValue` accepts all of them.
 */
import type { Evidence } from '../../observations';
import type { SourceId } from '../../sources';
import { readCimDatetime } from '../dates/cim-datetime';
import { type DateReading, readingFromDate } from '../dates/date-reading';
import { readLocaleDateTime } from '../dates/locale-datetime';
import { readMsJsonDate } from '../dates/ms-json-date';
import { readRfc1123Date } from '../dates/rfc1123-date';

export type JsonRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One object or an array of them → an array; null (no results) → []. An array that Windows
 * PowerShell 5.1 wrote with its ETS Count alias, {"value":[…],"Count":n} (PowerShell/PowerShell
 * #3222, #5579: what happens when Remove-TypeData System.Array could not run), is that array.
 */
export function asList(value: unknown): readonly unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value;
  if (
    isRecord(value) &&
    Array.isArray(value.value) &&
    Object.keys(value).every((k) => k === 'value' || k === 'Count')
  ) {
    return value.value;
  }
  return [value];
}

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

function readIso8601(text: string): DateReading | null {
  const m = ISO_8601.exec(text);
  if (!m) return null;
  const zoned = m[8] !== undefined;
  const date = new Date(zoned ? text : `${text}Z`);
  return readingFromDate(date, zoned ? 'utc' : 'local-read-as-utc');
}

/**
 * Any date form above → a reading; undefined when the value is absent or empty (Defender prints
 * an empty AntivirusSignatureLastUpdated when it never updated [S85]).
 */
export function readDateValue(value: unknown, culture?: string): DateReading | undefined {
  if (value === null || value === undefined) return undefined;
  if (isRecord(value) && typeof value.value === 'string') return readDateValue(value.value, culture);
  if (typeof value !== 'string')
    return { kind: 'unreadable', reason: `${JSON.stringify(value)} is not a date` };
  const text = value.trim();
  if (text === '') return undefined;
  return (
    readMsJsonDate(text) ??
    readIso8601(text) ??
    readCimDatetime(text) ??
    readRfc1123Date(text) ??
    readLocaleDateTime(text, culture) ?? {
      kind: 'unreadable',
      reason: `'${text}' is not a date format Handover knows`,
    }
  );
}

/**
 * Reads typed fields from one record and collects what is wrong, so a parser can report every
 * problem of a record at once instead of throwing at the first.
 */
export interface FieldReader {
  /** A string; empty strings count as absent. */
  string(key: string): string | undefined;
  /** Text that may also arrive as a number (BuildNumber, Geo Nation): returned as text. */
  text(key: string): string | undefined;
  /** A number (integers or numeric strings, as wmic prints them). */
  number(key: string): number | undefined;
  /** true/false, or the 'True'/'False' words Format-List and wmic print. */
  boolean(key: string): boolean | undefined;
  readonly problems: readonly string[];
}

export function fieldReader(record: JsonRecord, where: string): FieldReader {
  const problems: string[] = [];
  const wrong = (key: string, expected: string) =>
    problems.push(`${where}: ${key} is ${JSON.stringify(record[key])}, not ${expected}`);
  return {
    problems,
    string(key) {
      const value = record[key];
      if (value === null || value === undefined) return undefined;
      if (typeof value !== 'string') {
        wrong(key, 'text');
        return undefined;
      }
      return value.trim() === '' ? undefined : value;
    },
    text(key) {
      const value = record[key];
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      return this.string(key);
    },
    number(key) {
      const value = record[key];
      if (value === null || value === undefined || value === '') return undefined;
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      // Digits that do not fit a number (400 of them read as Infinity) are not a value.
      if (
        typeof value === 'string' &&
        /^-?\d+$/.test(value.trim()) &&
        Number.isSafeInteger(Number(value.trim()))
      )
        return Number(value.trim());
      wrong(key, 'a number');
      return undefined;
    },
    boolean(key) {
      const value = record[key];
      if (value === null || value === undefined || value === '') return undefined;
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) {
        return value.trim().toLowerCase() === 'true';
      }
      wrong(key, 'true or false');
      return undefined;
    },
  };
}

/** A record printed short enough for Evidence.record. */
export function evidenceRecord(value: unknown, max = 600): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Evidence for one of many records (every service, driver, process, program of a machine), its
 * record printed the first time something reads it. Only the few that match a product are ever
 * shown or written, and printing all of them was a sixth of a fleet summary's time (measured with
 * --cpu-prof); JSON.stringify, spreading and structured cloning read the getter as a value.
 */
export function lazyEvidence(
  source: SourceId,
  value: unknown,
  decoded?: Readonly<Record<string, string>>,
): Evidence {
  let printed: string | undefined;
  return {
    source,
    get record() {
      printed ??= evidenceRecord(value);
      return printed;
    },
    ...(decoded !== undefined ? { decoded } : {}),
  };
}
