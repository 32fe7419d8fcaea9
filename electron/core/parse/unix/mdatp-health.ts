/**
 * `mdatp health` (Microsoft Defender for Endpoint on Linux and macOS). Microsoft documents the
 * fields (learn.microsoft.com/defender-endpoint/health-status): healthy, app_version,
 * real_time_protection_enabled, passive_mode_enabled, definitions_status ('up_to_date',
 * 'updating', 'unavailable'), definitions_updated, definitions_updated_minutes_ago,
 * definitions_version, engine_version, licensed, health_issues. Two shapes are read:
 *
 * - `--output json`, as the probe runs it: camelCase keys, settings as {"value": …} objects,
 *   definitionsStatus as {"$type": "upToDate"}, dates as epoch milliseconds in strings (real
 *   outputs: GLPI agent resources/linux/antivirus/defender-101.23062.0010.json and
 *   resources/macos/antivirus/defender-101.98.30.json [MDATP-GLPI]);
 * - the plain text of `mdatp health`, 'key : value' lines, '[managed]' after a setting an
 *   administrator set, dates like 'Sept 08, 2022 at 01:57:03 PM' in local time (a real Mac's
 *   output, rtrouton's gist of 2022-09-09 [MDATP-TEXT]).
 *
 * Real-time protection counts as on only when it is enabled and Defender is not in passive mode:
 * in passive mode it scans but does not block, as on Windows [S89].
 */

import { err, ok, type Result } from '../../util/result';
import { utcFromFields } from '../dates/date-reading';
import { monthNumber, type VendorStatus } from './vendor-status';

type Fields = Map<string, string>;

const camelToSnake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A JSON value as the text form would print it: settings unwrap their value, types their $type. */
function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (Array.isArray(value)) return value.length === 0 ? '[]' : JSON.stringify(value);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('value' in record) return textOf(record.value);
    if (typeof record.$type === 'string') return camelToSnake(record.$type);
  }
  return null;
}

function fromJson(text: string): Fields | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const fields: Fields = new Map();
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    const shown = textOf(value);
    if (shown !== null) fields.set(camelToSnake(key), shown);
  }
  return fields;
}

function fromText(text: string): Fields {
  const fields: Fields = new Map();
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s*([a-z][a-z0-9_]*)\s+:\s*(.*?)\s*$/.exec(raw);
    if (!m) continue;
    const value = (m[2] ?? '').replace(/\s*\[managed\]$/, '').replace(/^"(.*)"$/, '$1');
    fields.set(m[1] ?? '', value);
  }
  return fields;
}

/** Epoch milliseconds (JSON) or 'Sept 08, 2022 at 01:57:03 PM' (text, local time read as UTC). */
function definitionsDate(value: string | undefined): { iso: string; zoned: boolean } | null {
  if (!value) return null;
  if (/^\d{10,}$/.test(value)) {
    const date = new Date(Number(value));
    return date.getUTCFullYear() >= 2000 ? { iso: date.toISOString(), zoned: true } : null;
  }
  const m = /^([A-Za-z]+)\.? (\d{1,2}), (\d{4}) at (\d{1,2}):(\d{2}):(\d{2}) ?([AP]M)?$/i.exec(value.trim());
  if (!m) return null;
  const month = monthNumber(m[1] ?? '');
  let hour = Number(m[4]);
  const half = (m[7] ?? '').toUpperCase();
  if (half === 'PM' && hour < 12) hour += 12;
  if (half === 'AM' && hour === 12) hour = 0;
  const date = month
    ? utcFromFields(Number(m[3]), month, Number(m[2]), hour, Number(m[5]), Number(m[6]))
    : null;
  return date ? { iso: date.toISOString(), zoned: false } : null;
}

const bool = (value: string | undefined) => (value === 'true' ? true : value === 'false' ? false : null);

export function parseMdatpHealth(stdout: string): Result<VendorStatus> {
  const fields = fromJson(stdout.trim()) ?? fromText(stdout);
  const known = ['healthy', 'app_version', 'real_time_protection_enabled', 'definitions_status'];
  if (!known.some((key) => fields.has(key)))
    return err(
      'the output has none of the fields mdatp health prints (healthy, app_version, definitions_status)',
    );
  const decoded: Record<string, string> = {};
  const show = (key: string, note?: string) => {
    const value = fields.get(key);
    if (value !== undefined) decoded[key] = note ? `${value} (${note})` : value;
  };
  const rtp = bool(fields.get('real_time_protection_enabled'));
  const passive = bool(fields.get('passive_mode_enabled'));
  const realtime = rtp === false || passive === true ? false : rtp;
  show('healthy');
  show('real_time_protection_enabled');
  show(
    'passive_mode_enabled',
    passive
      ? 'passive mode: Defender scans but does not block, so real-time protection is not counted as on'
      : undefined,
  );
  const status = fields.get('definitions_status');
  const upToDate =
    status === 'up_to_date' ? true : status === 'updating' || status === undefined ? null : false;
  show('definitions_status', status && upToDate === false ? 'not up to date' : undefined);
  const updated = definitionsDate(fields.get('definitions_updated'));
  if (fields.has('definitions_updated'))
    decoded.definitions_updated = updated
      ? `${fields.get('definitions_updated')} = ${updated.iso}${updated.zoned ? '' : ' (local time without a zone, read as UTC)'}`
      : `${fields.get('definitions_updated')} (not a date that could be read)`;
  show('definitions_updated_minutes_ago');
  show('definitions_version');
  show('engine_version');
  show('licensed');
  const issues = fields.get('health_issues');
  if (issues && issues !== '[]') decoded.health_issues = issues;
  const version = fields.get('app_version');
  const definitions = fields.get('definitions_version');
  const summary = [
    `healthy ${fields.get('healthy') ?? '?'}`,
    `app_version ${version ?? '?'}`,
    `real_time_protection_enabled ${fields.get('real_time_protection_enabled') ?? '?'}`,
    `passive_mode_enabled ${fields.get('passive_mode_enabled') ?? '?'}`,
    `definitions_status ${status ?? '?'}`,
    `definitions_updated ${fields.get('definitions_updated') ?? '?'}`,
  ].join(', ');
  return ok({
    ...(version ? { version } : {}),
    realtime,
    signaturesDate: updated?.iso ?? null,
    signaturesUpToDate: upToDate,
    ...(definitions ? { signaturesVersion: definitions } : {}),
    decoded,
    summary,
  });
}
