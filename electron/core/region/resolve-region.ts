/**
 * Which country's rules apply to this machine. The region comes from the OS, strongest hint
 * first: an explicit override, Windows' home location (what the person chose as "Country or
 * region"), the locale's region, then the time zone. The screen always says which one was used,
 * because a wrong region changes the verdict (the US ban ends updates; other countries' actions
 * concern government systems only).
 */

import type { RegionInputs } from '../observations';
import type { RegionInfo } from '../scan-result';
import { countryName, isCountryCode } from './countries';
import { GEO_ID_TO_ISO, TIME_ZONE_TO_ISO } from './region-tables';

/** Accepts 'us', 'US'; refuses anything that is not a country's code ('XX', 'EU', 'ZZ'). */
export function normaliseRegionCode(value: string | undefined | null): string | null {
  if (!value) return null;
  const code = value.trim().toUpperCase();
  return isCountryCode(code) ? code : null;
}

/**
 * The region part of a locale tag: 'en-US' → US, 'ru_RU.UTF-8' → RU, 'de_DE@euro' → DE.
 * 'C', 'POSIX' and language-only tags ('en') carry no region.
 */
export function regionFromLocale(locale: string | undefined): string | null {
  if (!locale) return null;
  const tag = locale.split(/[.@]/)[0] ?? '';
  const parts = tag.split(/[-_]/);
  for (const part of parts.slice(1)) {
    const code = normaliseRegionCode(/^[A-Za-z]{2}$/.test(part) ? part : null);
    if (code) return code;
  }
  return null;
}

function info(code: string, source: RegionInfo['source'], explanation: string): RegionInfo {
  return { code, name: countryName(code), source, explanation };
}

export function resolveRegion(inputs: RegionInputs, override?: string | null): RegionInfo {
  const chosen = normaliseRegionCode(override);
  if (chosen) return info(chosen, 'override', 'set by you');

  const home = normaliseRegionCode(inputs.windowsHomeLocation);
  if (home) return info(home, 'windows-home-location', "from Windows' home location (Country or region)");
  if (inputs.windowsGeoId !== undefined) {
    const fromGeo = GEO_ID_TO_ISO[inputs.windowsGeoId];
    if (fromGeo)
      return info(fromGeo, 'windows-home-location', "from Windows' home location (Country or region)");
  }

  const fromLocale = regionFromLocale(inputs.locale);
  if (fromLocale)
    return info(fromLocale, 'locale', `from the system's language and region setting (${inputs.locale})`);

  const fromZone = inputs.timeZone ? TIME_ZONE_TO_ISO[inputs.timeZone] : undefined;
  if (fromZone) return info(fromZone, 'time-zone', `from the time zone (${inputs.timeZone})`);

  return {
    code: null,
    name: null,
    source: 'unknown',
    explanation: 'the system does not say which country it is in; choose one to apply its rules',
  };
}
