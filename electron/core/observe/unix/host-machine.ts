/**
 * Machine facts for Linux and macOS: OS name and version from the host.os record (systeminformation
 * osInfo), hostname, and the raw region inputs from the capture's host block.
 */
import type { Capture, SystemInformationRecord } from '../../capture';
import type { MachineFacts, RegionInputs } from '../../observations';
import { type OsInfo, parseOsInfo } from '../../parse/linux/os-info';
import { couldNotRead, failureOf, recordsOf, type Sink, sourceReport } from './record-status';

export const HOST_OS_LABEL = 'Operating system';

/** A locale with a region part ('ru_RU.UTF-8', 'en-US'); 'C', 'C.UTF-8', 'POSIX' and 'en' have none. */
function hasRegion(locale: string): boolean {
  return /^[A-Za-z]{2,3}(?:[-_][A-Za-z]{4})?[-_][A-Za-z]{2}(?:$|[.@-])/.test(locale);
}

/**
 * The locale region resolution reads: LC_ALL, then LC_MESSAGES, then LANG, then the Intl locale of
 * the probing process, the first that names a region. C/POSIX locales (containers, services) say
 * nothing about the person's country, so they are passed over; if none names a region, the first
 * one set is kept, so the screen can still show what was there.
 */
export function regionInputs(capture: Capture): RegionInputs {
  const { env, intlLocale, timeZone } = capture.host.locale;
  const candidates = [env.LC_ALL, env.LC_MESSAGES, env.LANG, intlLocale].filter(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
  const locale = candidates.find(hasRegion) ?? candidates[0];
  return { ...(locale ? { locale } : {}), ...(timeZone ? { timeZone } : {}) };
}

/** Reads host.os (reporting it as a source) and returns the OS facts, or null. */
export function observeOsInfo(capture: Capture, sink: Sink): OsInfo | null {
  const records = recordsOf(capture, 'host.os');
  const record = records.find((r): r is SystemInformationRecord => r.kind === 'systeminformation');
  if (!record) return null;
  if (record.outcome !== 'ok') {
    sink.sources.push(
      sourceReport(
        'host.os',
        HOST_OS_LABEL,
        records,
        'unreadable',
        couldNotRead('the operating system version', failureOf(record)),
      ),
    );
    return null;
  }
  const info = parseOsInfo(record.data);
  if (!info.ok) {
    sink.sources.push(
      sourceReport(
        'host.os',
        HOST_OS_LABEL,
        records,
        'unreadable',
        couldNotRead('the operating system version', info.error),
      ),
    );
    return null;
  }
  sink.sources.push(sourceReport('host.os', HOST_OS_LABEL, records, 'read'));
  return info.value;
}

export function machineFacts(capture: Capture, platform: 'linux' | 'macos', os: OsInfo | null): MachineFacts {
  const hostname = os?.hostname ?? capture.host.hostname;
  const osVersion = os?.release ? (os.codename ? `${os.release} (${os.codename})` : os.release) : undefined;
  return {
    platform,
    ...(os?.distro ? { osName: os.distro } : {}),
    ...(osVersion ? { osVersion } : {}),
    ...(hostname ? { hostname } : {}),
    regionInputs: regionInputs(capture),
  };
}
