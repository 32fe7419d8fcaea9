/**
 * The "os" and "region" sections → machine facts and region inputs.
 *
 * - Win32_OperatingSystem.ProductType: 1 workstation, 2 domain controller, 3 server (Microsoft
 *   Learn, "Win32_OperatingSystem class"). Servers have no Security Center [S10][S12][S13].
 * - HKCU\Control Panel\International\Geo: `Name` is the home location as ISO 3166 alpha-2
 *   (Windows 10+), `Nation` the GeoID as decimal text; Get-WinHomeLocation gives the same GeoID
 *   where it exists (Windows 8 / Server 2012 and later). (Get-Culture).Name is the format
 *   culture, [TimeZoneInfo]::Local.Id the Windows zone id ('Eastern Standard Time').
 */
import type { RegionInputs } from '../../observations';
import { err, ok, type Result } from '../../util/result';
import { fieldReader, isRecord, readDateValue } from './convert-to-json-values';

export interface WindowsOsFacts {
  readonly osName?: string;
  readonly osVersion?: string;
  readonly build?: string;
  readonly isServer?: boolean;
  readonly architecture?: string;
  /** ISO 8601: when Windows last started (LastBootUpTime), to know a requested restart happened. */
  readonly bootedAt?: string;
}

export function parseOs(data: unknown): Result<WindowsOsFacts> {
  if (!isRecord(data)) return err('the operating system record is not an object');
  const f = fieldReader(data, 'operating system');
  const caption = f.string('Caption');
  const version = f.string('Version');
  const buildNumber = f.text('BuildNumber');
  const productType = f.number('ProductType');
  const architecture = f.string('OSArchitecture');
  const booted = readDateValue(data.LastBootUpTime);
  if (f.problems.length > 0) return err(f.problems.join('; '));
  if (caption === undefined && version === undefined)
    return err('the operating system record has no Caption or Version');
  return ok({
    ...(caption ? { osName: caption.trim() } : {}),
    ...(version ? { osVersion: version } : {}),
    ...(buildNumber ? { build: buildNumber } : {}),
    ...(productType !== undefined ? { isServer: productType === 2 || productType === 3 } : {}),
    ...(architecture ? { architecture } : {}),
    ...(booted?.kind === 'date' ? { bootedAt: booted.iso } : {}),
  });
}

export function parseRegion(data: unknown): Result<RegionInputs> {
  if (!isRecord(data)) return err('the region record is not an object');
  const f = fieldReader(data, 'region');
  const geoName = f.string('GeoName');
  const geoNation = f.text('GeoNation');
  const homeGeoId = f.number('HomeLocationGeoId');
  const culture = f.string('Culture');
  const timeZone = f.string('TimeZoneId');
  if (f.problems.length > 0) return err(f.problems.join('; '));
  const nation = geoNation !== undefined && /^\d+$/.test(geoNation.trim()) ? Number(geoNation) : undefined;
  const geoId = homeGeoId ?? nation;
  return ok({
    ...(geoName && /^[A-Za-z]{2}$/.test(geoName.trim())
      ? { windowsHomeLocation: geoName.trim().toUpperCase() }
      : {}),
    ...(geoId !== undefined ? { windowsGeoId: geoId } : {}),
    ...(culture ? { locale: culture } : {}),
    ...(timeZone ? { timeZone } : {}),
  });
}
