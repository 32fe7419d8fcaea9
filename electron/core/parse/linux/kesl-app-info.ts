/**
 * `kesl-control --app-info` (Kaspersky Endpoint Security for Linux). Labels differ by version and
 * language: KESL 10 prints 'Anti-virus databases loaded', KESL 12.3 'Application databases loaded'
 * [S104][S105][S106]; the Russian UI prints 'Название', 'Версия', 'Дата последнего выпуска баз
 * приложения' (older: '... баз программы') and 'Базы приложения загружены'/'Базы программы
 * загружены' = 'Да' [S102][S107][S108].
 */
import { err, ok, type Result } from '../../util/result';
import { firstField, parseColonFields } from './colon-fields';
import { isoFromPrintedDateTime } from './printed-dates';

export interface KeslAppInfo {
  readonly product: string | null;
  readonly version: string | null;
  /** The database release date exactly as printed (no zone). */
  readonly signaturesDatePrinted: string | null;
  /** The same date as ISO 8601, read as UTC (see printed-dates.ts). */
  readonly signaturesDate: string | null;
  readonly databasesLoaded: boolean | null;
  /** From 'File monitoring': '... and running' → true, '... and stopped' or 'Unavailable ...' → false. */
  readonly realtime: boolean | null;
  /** The 'File monitoring' value as printed. */
  readonly fileMonitoring: string | null;
  readonly licenseExpiration: string | null;
  /** Every label/value pair, for evidence. */
  readonly fields: ReadonlyMap<string, string>;
}

const NAME = ['Name', 'Название'];
const VERSION = ['Version', 'Версия'];
const DATABASES_DATE = [
  'Last release date of databases',
  'Дата последнего выпуска баз приложения',
  'Дата последнего выпуска баз программы',
];
const DATABASES_LOADED = [
  'Application databases loaded',
  'Anti-virus databases loaded',
  'Базы приложения загружены',
  'Базы программы загружены',
];
const FILE_MONITORING = ['File monitoring'];
const LICENSE_EXPIRATION = ['License expiration date', 'Дата окончания срока действия лицензии'];

const YES = new Set(['yes', 'да']);
const NO = new Set(['no', 'нет']);

function yesNo(value: string | undefined): boolean | null {
  if (value === undefined) return null;
  const lower = value.toLowerCase();
  if (YES.has(lower)) return true;
  if (NO.has(lower)) return false;
  return null;
}

/** 'Available and running' / 'Available and stopped' [S104]; anything 'Unavailable…' is not protecting. */
function fileMonitoringRealtime(value: string | undefined): boolean | null {
  if (value === undefined) return null;
  const lower = value.toLowerCase();
  if (lower.endsWith('and running')) return true;
  if (lower.endsWith('and stopped') || lower.startsWith('unavailable')) return false;
  return null;
}

export function parseKeslAppInfo(stdout: string): Result<KeslAppInfo> {
  const fields = parseColonFields(stdout);
  const name = firstField(fields, NAME)?.value ?? null;
  const version = firstField(fields, VERSION)?.value ?? null;
  const date = firstField(fields, DATABASES_DATE)?.value ?? null;
  const loaded = firstField(fields, DATABASES_LOADED)?.value;
  const monitoring = firstField(fields, FILE_MONITORING)?.value;
  if (name === null && version === null && date === null && loaded === undefined && monitoring === undefined)
    return err('the output has none of the fields kesl-control --app-info prints (Name, Version, databases)');
  return ok({
    product: name || null,
    version: version || null,
    signaturesDatePrinted: date || null,
    signaturesDate: date ? isoFromPrintedDateTime(date) : null,
    databasesLoaded: yesNo(loaded),
    realtime: fileMonitoringRealtime(monitoring),
    fileMonitoring: monitoring ?? null,
    licenseExpiration: firstField(fields, LICENSE_EXPIRATION)?.value ?? null,
    fields,
  });
}
