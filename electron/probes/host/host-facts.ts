/**
 * The capture's host block: hostname, the Node view of the OS, and the raw region inputs (locale
 * environment variables and the Intl locale and time zone). captureHost is pure: the live values
 * are gathered by liveHostInputs and passed in, so tests can give any machine's facts.
 */
import { readlinkSync } from 'node:fs';
import { arch, hostname, platform, release } from 'node:os';
import { CAPTURED_ENV_KEYS, type CaptureHost } from '../../core/capture';

export interface HostInputs {
  readonly hostname?: string;
  readonly platform?: string;
  readonly release?: string;
  readonly arch?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly intl?: { readonly locale?: string; readonly timeZone?: string };
}

export function captureHost(inputs: HostInputs): CaptureHost {
  const env: Record<string, string> = {};
  for (const key of CAPTURED_ENV_KEYS) {
    const value = inputs.env[key];
    if (typeof value === 'string' && value !== '') env[key] = value;
  }
  return {
    ...(inputs.hostname ? { hostname: inputs.hostname } : {}),
    ...(inputs.platform ? { nodePlatform: inputs.platform } : {}),
    ...(inputs.release ? { release: inputs.release } : {}),
    ...(inputs.arch ? { arch: inputs.arch } : {}),
    locale: {
      env,
      ...(inputs.intl?.locale ? { intlLocale: inputs.intl.locale } : {}),
      ...(inputs.intl?.timeZone ? { timeZone: inputs.intl.timeZone } : {}),
    },
  };
}

/**
 * The system time zone on Linux and macOS without starting ICU (about 20 ms of a scan): TZ if
 * set, else the zone /etc/localtime links to (…/zoneinfo/Europe/Berlin). zoneinfo(5).
 */
function unixTimeZone(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const tz = env.TZ?.replace(/^:/, '');
  if (tz && !tz.startsWith('/')) return tz;
  try {
    return /zoneinfo\/(.+)$/.exec(readlinkSync('/etc/localtime'))?.[1];
  } catch {
    return undefined;
  }
}

/** Reads the live inputs of the probing process; the environment is passed in, never read here. */
export function liveHostInputs(env: Readonly<Record<string, string | undefined>>): HostInputs {
  // On Windows, Node's Intl reports the user's locale and zone from the OS; elsewhere Intl's
  // locale is only LANG again (en-US when unset), so only the zone is read, from the system.
  const intl =
    platform() === 'win32'
      ? (({ locale, timeZone }) => ({ locale, timeZone }))(new Intl.DateTimeFormat().resolvedOptions())
      : { timeZone: unixTimeZone(env) };
  return {
    hostname: hostname(),
    platform: platform(),
    release: release(),
    arch: arch(),
    env,
    intl,
  };
}
