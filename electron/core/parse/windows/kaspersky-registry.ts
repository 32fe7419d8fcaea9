/**
 * Kaspersky's registry state → ProductStatusObservation (hint 'kaspersky'), one per product key
 * and registry view. The script writes a flat list of {Path, Values} (binary values as hex) from
 * HKLM\SOFTWARE[\WOW6432Node]\KasperskyLab (detection.md §2.3):
 *
 * - <product>\Data value LastSuccessfulUpdate: Unix time DWORD, 0xFFFFFFFF = never [S22][S44].
 * - <product>\Data\UpdateState value LastUpdate: a FILETIME [S52].
 * - <product>\settings value EnableSelfProtection (1 = on) [S66]; older builds keep
 *   EnablePswrdProtect there [S67].
 * - <product>\settings\PasswordProtectionSettings: probed by a password-reset tool for 21.x;
 *   clearing its OPEP value removes the password [S67]. The script writes only whether OPEP is
 *   set ('<set>' or ''), never the value (a password hash) or PLogin (an account name).
 * - protected\<product>\Data value LastSuccessfulUpdate (AVP80, KES8, …) [S22][S69].
 * - Components\34\1103\1.0.0.0\Statistics\AVState (Network Agent): Protection_BasesDate
 *   'DD-MM-YYYY HH-MM-SS' UTC = databases release, Protection_RtpState 0..9,
 *   Protection_AvRunning (1 = RTP enabled), Protection_AdmServer [S70][S69][S71].
 *
 * LastSuccessfulUpdate / LastUpdate are when the product last updated, not when its databases
 * were released; Checkmk reads the bases date from AVState for that reason [S69]. Evidence and
 * `signaturesDateField` say which one `signaturesDate` is.
 *
 * The consumer line keeps its state under a key named for its version: AVP21.3, AVP21.4, AVP21.24,
 * AVP21.25 [S44][S52][S64][S66][S67]. That key name is where the version comes from when nothing
 * better says it (`versionInName`).
 */
import type { ProductStatusObservation } from '../../observations';
import type { SourceId } from '../../sources';
import { err, ok, type Result } from '../../util/result';
import { type DateReading, describeReading, isoOrNull, unreadable } from '../dates/date-reading';
import { readFiletime, readFiletimeHex } from '../dates/filetime';
import { readNagentDate } from '../dates/kaspersky-nagent-date';
import { readUnixSecondsDword } from '../dates/unix-seconds';
import { asList, evidenceRecord, isRecord, type JsonRecord } from './convert-to-json-values';

/**
 * Protection_RtpState [S70], as the KSC Open API "Global RTP State enum" lists it
 * (support.kaspersky.com/help/KSC/14/KSCAPI/a00272.html): 0 unknown,
 * 1 stopped, 2 suspended, 3 starting, 4 running, 5–8 running (maximum protection, maximum
 * performance, recommended, custom settings), 9 failure.
 */
const RTP_STATES: readonly { readonly word: string; readonly realtime: boolean | null }[] = [
  { word: 'unknown', realtime: null },
  { word: 'stopped', realtime: false },
  { word: 'suspended', realtime: false },
  { word: 'starting', realtime: null },
  { word: 'running', realtime: true },
  { word: 'running (maximum protection)', realtime: true },
  { word: 'running (maximum performance)', realtime: true },
  { word: 'running (recommended settings)', realtime: true },
  { word: 'running (custom settings)', realtime: true },
  { word: 'failure', realtime: false },
];

/** 'AVP21.3' → '21.3'; only dotted versions (AVP80 and KES8 are product codes, not versions). */
const VERSIONED_KEY = /^AVP(\d+\.\d+(?:\.\d+)*)$/i;

const KASPERSKY_PATH = /^HKLM\\SOFTWARE\\(WOW6432Node\\)?KasperskyLab\\(.+)$/i;
const AVSTATE = /^Components\\34\\1103\\1\.0\.0\.0\\Statistics\\AVState$/i;

interface KeyEntry {
  readonly path: string;
  /** The path below KasperskyLab\<product>, lower-case: 'data', 'data\\updatestate', 'settings', … */
  readonly sub: string;
  readonly values: JsonRecord;
  readonly error?: string;
}

interface ProductGroup {
  readonly view: '64-bit' | '32-bit (WOW6432Node)';
  readonly productKey: string;
  readonly entries: KeyEntry[];
}

function locate(path: string): { view: ProductGroup['view']; productKey: string; sub: string } | null {
  const m = KASPERSKY_PATH.exec(path);
  if (!m?.[2]) return null;
  const view = m[1] ? '32-bit (WOW6432Node)' : '64-bit';
  const rest = m[2];
  if (AVSTATE.test(rest)) return { view, productKey: 'Network Agent AVState', sub: 'avstate' };
  const parts = rest.split('\\');
  if (parts[0]?.toLowerCase() === 'protected' && parts[1]) {
    return { view, productKey: `protected\\${parts[1]}`, sub: parts.slice(2).join('\\').toLowerCase() };
  }
  return { view, productKey: parts[0] ?? rest, sub: parts.slice(1).join('\\').toLowerCase() };
}

function flag(value: unknown): boolean | undefined {
  return typeof value === 'number' ? value !== 0 : undefined;
}

function readUpdateTime(value: unknown, form: 'unix' | 'filetime'): DateReading {
  if (form === 'unix')
    return typeof value === 'number'
      ? readUnixSecondsDword(value)
      : unreadable(`${JSON.stringify(value)} is not a DWORD`);
  if (typeof value === 'number') return readFiletime(value);
  if (typeof value === 'string') return readFiletimeHex(value);
  return unreadable(`${JSON.stringify(value)} is not a FILETIME`);
}

function observe(group: ProductGroup, source: SourceId): ProductStatusObservation {
  const find = (sub: string) => group.entries.find((e) => e.sub === sub)?.values;
  const decoded: Record<string, string> = { productKey: group.productKey, registryView: group.view };
  const observation: {
    -readonly [K in keyof ProductStatusObservation]?: ProductStatusObservation[K];
  } = {};

  // Update times: UpdateState's FILETIME first, then Data's Unix time.
  const data = find('data');
  const updateState = find('data\\updatestate');
  let updated: { reading: DateReading; field: string } | undefined;
  if (updateState && 'LastUpdate' in updateState) {
    updated = { reading: readUpdateTime(updateState.LastUpdate, 'filetime'), field: 'LastUpdate' };
    decoded.LastUpdate = `${describeReading(updated.reading)} (Data\\UpdateState, last update)`;
  }
  if (data && 'LastSuccessfulUpdate' in data) {
    const reading = readUpdateTime(data.LastSuccessfulUpdate, 'unix');
    decoded.LastSuccessfulUpdate = `${describeReading(reading)} (last successful update)`;
    updated ??= { reading, field: 'LastSuccessfulUpdate' };
  }
  if (updated) {
    observation.signaturesDate = isoOrNull(updated.reading);
    if (observation.signaturesDate) observation.signaturesDateField = updated.field;
  }

  const avstate = find('avstate');
  if (avstate) {
    if (typeof avstate.Protection_BasesDate === 'string' && avstate.Protection_BasesDate.trim() !== '') {
      const bases =
        readNagentDate(avstate.Protection_BasesDate) ?? unreadable(`'${avstate.Protection_BasesDate}'`);
      decoded.Protection_BasesDate = `${describeReading(bases)} (databases release, UTC)`;
      // The release date beats the update time; an unreadable one leaves the update time standing.
      const basesIso = isoOrNull(bases);
      if (basesIso) {
        observation.signaturesDate = basesIso;
        observation.signaturesDateField = 'Protection_BasesDate';
      }
    }
    const rtpState = avstate.Protection_RtpState;
    const rtp = typeof rtpState === 'number' ? RTP_STATES[rtpState] : undefined;
    if (rtp) {
      decoded.Protection_RtpState = `${rtpState} = ${rtp.word}`;
      observation.realtime = rtp.realtime;
    } else if (rtpState !== undefined) {
      decoded.Protection_RtpState = `${JSON.stringify(rtpState)} = not a known state`;
    }
    const avRunning = flag(avstate.Protection_AvRunning);
    if (observation.realtime === undefined && avRunning !== undefined) observation.realtime = avRunning;
    if (typeof avstate.Protection_AdmServer === 'string' && avstate.Protection_AdmServer.trim() !== '') {
      observation.managedBy = avstate.Protection_AdmServer.trim();
    }
    if (typeof avstate.Protection_NagentVersion === 'string') {
      decoded.Protection_NagentVersion = avstate.Protection_NagentVersion;
    }
  }

  const settings = find('settings');
  const selfProtection = flag(settings?.EnableSelfProtection);
  if (selfProtection !== undefined) observation.selfProtection = selfProtection;

  const password = find('settings\\passwordprotectionsettings');
  const oldFlag = flag(settings?.EnablePswrdProtect) ?? flag(password?.EnablePswrdProtect);
  if (password) decoded.PasswordProtectionSettings = 'present';
  if (oldFlag !== undefined) observation.passwordProtected = oldFlag;
  else if (typeof password?.OPEP === 'string') observation.passwordProtected = password.OPEP !== '';

  const keyVersion = VERSIONED_KEY.exec(group.productKey)?.[1];
  if (keyVersion) {
    observation.versionInName = {
      version: keyVersion,
      field: `KasperskyLab\\${group.productKey} (key name)`,
    };
  }

  const errors = group.entries.filter((e) => e.error !== undefined);
  if (errors.length > 0) decoded.unreadableKeys = errors.map((e) => `${e.path}: ${e.error}`).join('; ');

  return {
    kind: 'product-status',
    hint: 'kaspersky',
    ...observation,
    evidence: {
      source,
      record: evidenceRecord(group.entries.map((e) => ({ Path: e.path, Values: e.values }))),
      decoded,
    },
  };
}

export function parseKasperskyRegistry(data: unknown, source: SourceId): Result<ProductStatusObservation[]> {
  const groups = new Map<string, ProductGroup>();
  for (const [index, entry] of asList(data).entries()) {
    const where = `key ${index + 1}`;
    if (!isRecord(entry)) return err(`${where} is not an object`);
    if (typeof entry.Path !== 'string') return err(`${where} has no Path`);
    const located = locate(entry.Path);
    if (!located) return err(`${where} (${entry.Path}) is not under HKLM\\SOFTWARE\\KasperskyLab`);
    const values = entry.Values ?? {};
    if (!isRecord(values)) return err(`${where} (${entry.Path}) has Values that are not an object`);
    if (entry.Error !== undefined && typeof entry.Error !== 'string')
      return err(`${where} has an Error that is not text`);
    const id = `${located.view}|${located.productKey.toLowerCase()}`;
    const group = groups.get(id) ?? { view: located.view, productKey: located.productKey, entries: [] };
    group.entries.push({
      path: entry.Path,
      sub: located.sub,
      values,
      ...(typeof entry.Error === 'string' ? { error: entry.Error } : {}),
    });
    groups.set(id, group);
  }
  return ok([...groups.values()].map((group) => observe(group, source)));
}
