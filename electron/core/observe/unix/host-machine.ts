/**
 * Machine facts for Linux and macOS: OS name and version from the host.os record (the os-release
 * file on Linux, `sw_vers` on macOS), and the hostname and raw region inputs from the capture's
 * host block.
 */
import type { Capture, CommandRecord, FileRecord, ProbeRecord } from '../../capture';
import type { MachineFacts, RegionInputs } from '../../observations';
import { parseOsRelease, parseSwVers } from '../../parse/linux/os-info';
import { err, ok, type Result } from '../../util/result';
import { architectureFromNode } from '../machine-architecture';
import { couldNotRead, failureOf, recordsOf, type Sink, sourceReport } from './record-status';

export interface OsFacts {
  /** 'Debian GNU/Linux', 'macOS'. */
  readonly osName?: string;
  /** '12 (bookworm)', '14.4.1 (23E224)'. */
  readonly osVersion?: string;
}

/** A locale with a region part ('ru_RU.UTF-8', 'en-US'); 'C', 'C.UTF-8', 'POSIX' and 'en' have none. */
function hasRegion(locale: string): boolean {
  return /^[A-Za-z]{2,3}(?:[-_][A-Za-z]{4})?[-_][A-Za-z]{2}(?:$|[.@-])/.test(locale);
}

/** The C and POSIX locales ('C', 'C.UTF-8', 'C.utf8', 'POSIX'): set by containers and services, not by a person. */
function isPortableLocale(locale: string): boolean {
  return /^(?:C|POSIX)(?:$|[.@])/i.test(locale);
}

/**
 * The locale region resolution reads: LC_ALL, then LC_MESSAGES, then LANG, the first that names a
 * region; if none does, the first one set. Empty values and the C/POSIX locales are passed over:
 * they say nothing about the person's country. Intl's locale is never used: Node's ICU falls back to
 * en-US when no variable is set, which would invent a US region. The time zone (the system's) is
 * passed on as recorded.
 */
export function regionInputs(capture: Capture): RegionInputs {
  const { env, timeZone } = capture.host.locale;
  const candidates = [env.LC_ALL, env.LC_MESSAGES, env.LANG]
    .map((value) => value?.trim() ?? '')
    .filter((value) => value !== '' && !isPortableLocale(value));
  const locale = candidates.find(hasRegion) ?? candidates[0];
  return { ...(locale ? { locale } : {}), ...(timeZone ? { timeZone } : {}) };
}

function osFromOsRelease(record: FileRecord): Result<OsFacts> {
  const parsed = parseOsRelease(record.content);
  if (!parsed.ok) return err(`${record.path}: ${parsed.error}`);
  const { name, prettyName, id, version, versionId } = parsed.value;
  const osName = name ?? prettyName ?? id;
  const osVersion = version ?? versionId;
  return ok({ ...(osName ? { osName } : {}), ...(osVersion ? { osVersion } : {}) });
}

/** '14.4.1 (23E224)', as About This Mac shows it; a Rapid Security Response adds '(a)'. */
function osFromSwVers(record: CommandRecord): Result<OsFacts> {
  const parsed = parseSwVers(record.stdout);
  if (!parsed.ok) return err(`sw_vers printed no version: ${parsed.error}`);
  const { productName, productVersion, productVersionExtra, buildVersion } = parsed.value;
  const release = [productVersion, productVersionExtra].filter(Boolean).join(' ');
  const osVersion = release && buildVersion ? `${release} (${buildVersion})` : release;
  return ok({ ...(productName ? { osName: productName } : {}), ...(osVersion ? { osVersion } : {}) });
}

function unreadable(records: readonly ProbeRecord[], reason: string, sink: Sink): null {
  sink.sources.push(
    sourceReport('host.os', records, 'unreadable', couldNotRead('the operating system version', reason)),
  );
  return null;
}

/**
 * Reads host.os (reporting it as a source) and returns the OS facts, or null. The first record
 * that worked is read: the os-release file (a file record) or sw_vers' output (a command record).
 */
export function observeOsInfo(capture: Capture, sink: Sink): OsFacts | null {
  const records = recordsOf(capture, 'host.os').filter(
    (r): r is FileRecord | CommandRecord => r.kind === 'file' || r.kind === 'command',
  );
  if (records.length === 0) return null;
  const record = records.find((r) => r.outcome === 'ok');
  if (!record) {
    const failed = records.find((r) => r.outcome !== 'missing');
    if (failed) return unreadable(records, failureOf(failed), sink);
    const what = records.map((r) => (r.kind === 'file' ? r.path : r.command.file)).join(', ');
    const reason = records.length === 1 ? failureOf(records[0] as ProbeRecord) : `none of ${what} exists`;
    sink.sources.push(sourceReport('host.os', records, 'not-present', reason));
    return null;
  }
  const facts = record.kind === 'file' ? osFromOsRelease(record) : osFromSwVers(record);
  if (!facts.ok) return unreadable(records, facts.error, sink);
  sink.sources.push(sourceReport('host.os', records, 'read'));
  return facts.value;
}

export function machineFacts(
  capture: Capture,
  platform: 'linux' | 'macos',
  os: OsFacts | null,
  machineId: string | null = null,
): MachineFacts {
  const { hostname } = capture.host;
  const architecture = architectureFromNode(capture.host.arch);
  return {
    platform,
    ...(machineId ? { machineId } : {}),
    ...(os?.osName ? { osName: os.osName } : {}),
    ...(os?.osVersion ? { osVersion: os.osVersion } : {}),
    ...(architecture ? { architecture } : {}),
    ...(hostname ? { hostname } : {}),
    regionInputs: regionInputs(capture),
  };
}
