/**
 * ESET's command-line tools on Linux (Endpoint Antivirus, Server Security) and macOS (Endpoint
 * Security / Antivirus). Real outputs (GLPI agent resources, EEA 12.0.13.0 for Linux and EES 9.1
 * for macOS):
 * - `upd --list-modules`: 'EM002\t 31832 (20250909)\tDetection engine', one module per line
 *   (id, version, build date YYYYMMDD, name);
 * - `upd -version`: '/opt/eset/eea/bin/upd (eea) 12.0.13.0', '…/upd (ees_mac) 9.1.3100.0';
 * - `lic --status` (Linux) / `lic -status` (macOS): 'Product name: ESET Endpoint Antivirus for
 *   Linux', 'Status: Activated', 'License Validity: 2026-06-21';
 * - macOS settings.json: State.ProtectionStatus.RTFSEnabled.Active.ce_val and RTFSWorking (1 on)
 *   — real-time file system protection enabled and working.
 * The detection engine's build date is the signature date (a date without a time: midnight UTC).
 */

import { err, ok, type Result } from '../../util/result';
import { utcFromFields } from '../dates/date-reading';
import type { StatusOutput, VendorStatus } from './vendor-status';

interface Module {
  readonly id: string;
  readonly version: string;
  readonly date: string | null;
  readonly name: string;
}

function modules(text: string): Module[] {
  const list: Module[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^(EM\d{3})\s+(\S+)\s+\((\d{4})(\d{2})(\d{2})\)\s+(.+?)\s*$/.exec(line);
    if (!m) continue;
    const date = utcFromFields(Number(m[3]), Number(m[4]), Number(m[5]));
    list.push({
      id: m[1] ?? '',
      version: m[2] ?? '',
      date: date ? date.toISOString() : null,
      name: m[6] ?? '',
    });
  }
  return list;
}

function ceValue(node: unknown, path: readonly string[]): number | null {
  let current: unknown = node;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return null;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'number' && Number.isFinite(current) ? current : null;
}

/** RTFSEnabled and RTFSWorking from ESET's macOS settings.json; null when absent or unreadable. */
export function esetRealtimeFromSettings(
  json: string,
): { enabled: number | null; working: number | null } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  const at = (name: string) => ceValue(parsed, ['State', 'ProtectionStatus', name, 'Active', 'ce_val']);
  const state = { enabled: at('RTFSEnabled'), working: at('RTFSWorking') };
  return state.enabled === null && state.working === null ? null : state;
}

export function parseEsetTools(
  outputs: readonly StatusOutput[],
  settingsJson?: string,
): Result<VendorStatus> {
  const text = outputs.find((o) => o.args[0] === '--list-modules')?.stdout ?? '';
  const license = outputs.find((o) => /^--?status$/.test(o.args[0] ?? ''))?.stdout ?? '';
  const list = modules(text);
  const versionText = outputs.find((o) => o.args[0] === '-version')?.stdout ?? '';
  const version = /\((?:ee[a-z_]*|efs[a-z_]*)\)\s*(\d+(?:\.\d+)+)/.exec(versionText)?.[1];
  const engine = list.find((m) => m.id === 'EM002') ?? list.find((m) => /detection engine/i.test(m.name));
  const product = /^Product name:\s*(.+?)\s*$/m.exec(license)?.[1];
  if (!engine && !product && !version)
    return err(
      'the output has none of the lines ESET prints (the EM002 detection engine module, Product name)',
    );
  const decoded: Record<string, string> = {};
  if (engine)
    decoded['Detection engine'] =
      `${engine.version}, built ${engine.date?.slice(0, 10) ?? 'on an unreadable date'} (module EM002)`;
  const validity = /^License Validity:\s*(\S+)/m.exec(license)?.[1];
  const status = /^Status:\s*(.+?)\s*$/m.exec(license)?.[1];
  if (status) decoded['Licence status'] = status;
  if (validity) decoded['Licence validity'] = validity;
  let realtime: boolean | null = null;
  if (settingsJson !== undefined) {
    const rtfs = esetRealtimeFromSettings(settingsJson);
    if (rtfs) {
      realtime = rtfs.enabled === 1 && rtfs.working !== 0;
      decoded['Real-time file system protection'] =
        `RTFSEnabled ${rtfs.enabled ?? 'absent'}, RTFSWorking ${rtfs.working ?? 'absent'} (settings.json)`;
    }
  } else {
    decoded['Real-time file system protection'] = 'ESET for Linux prints no real-time state here';
  }
  return ok({
    ...(product ? { product } : {}),
    ...(version ? { version } : {}),
    realtime,
    signaturesDate: engine?.date ?? null,
    signaturesUpToDate: null,
    ...(engine ? { signaturesVersion: `detection engine ${engine.version}` } : {}),
    decoded,
    summary: [
      product,
      engine ? `EM002 ${engine.version} (${engine.date?.slice(0, 10) ?? '?'}) Detection engine` : null,
    ]
      .filter(Boolean)
      .join(', '),
  });
}
