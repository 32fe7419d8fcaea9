/**
 * Lookup tables for resolving a region from what the OS reports.
 *
 * GeoIDs: Microsoft, "Table of Geographical Locations"
 * (https://learn.microsoft.com/windows/win32/intl/table-of-geographical-locations). Only the
 * countries with Kaspersky actions in the ban catalog and their neighbours are listed; Windows 10+
 * also stores the ISO code itself (HKCU\Control Panel\International\Geo, value Name), which the
 * resolver prefers.
 */
export const GEO_ID_TO_ISO: Readonly<Record<number, string>> = {
  12: 'AU',
  14: 'AT',
  21: 'BE',
  29: 'BY',
  39: 'CA',
  84: 'FR',
  94: 'DE',
  118: 'IT',
  122: 'JP',
  137: 'KZ',
  141: 'LT',
  176: 'NL',
  203: 'RU',
  241: 'UA',
  242: 'GB',
  244: 'US',
};

/**
 * IANA time zones that belong to exactly one country (the tz database's zone1970.tab / zone.tab
 * country codes). A zone shared by several countries is deliberately absent: a time zone is the
 * weakest hint and must never guess.
 */
const US_ZONES = [
  'America/New_York',
  'America/Detroit',
  'America/Kentucky/Louisville',
  'America/Kentucky/Monticello',
  'America/Indiana/Indianapolis',
  'America/Indiana/Vincennes',
  'America/Indiana/Winamac',
  'America/Indiana/Marengo',
  'America/Indiana/Petersburg',
  'America/Indiana/Vevay',
  'America/Indiana/Tell_City',
  'America/Indiana/Knox',
  'America/Chicago',
  'America/Menominee',
  'America/North_Dakota/Center',
  'America/North_Dakota/New_Salem',
  'America/North_Dakota/Beulah',
  'America/Denver',
  'America/Boise',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'America/Juneau',
  'America/Sitka',
  'America/Metlakatla',
  'America/Yakutat',
  'America/Nome',
  'America/Adak',
  'Pacific/Honolulu',
  'US/Eastern',
  'US/Central',
  'US/Mountain',
  'US/Pacific',
  'US/Alaska',
  'US/Hawaii',
];

const CA_ZONES = [
  'America/Toronto',
  'America/Vancouver',
  'America/Edmonton',
  'America/Winnipeg',
  'America/Halifax',
  'America/St_Johns',
  'America/Regina',
  'America/Moncton',
  'America/Whitehorse',
  'America/Yellowknife',
  'America/Iqaluit',
];

const AU_ZONES = [
  'Australia/Sydney',
  'Australia/Melbourne',
  'Australia/Brisbane',
  'Australia/Perth',
  'Australia/Adelaide',
  'Australia/Hobart',
  'Australia/Darwin',
  'Australia/Canberra',
];

export const TIME_ZONE_TO_ISO: Readonly<Record<string, string>> = {
  ...Object.fromEntries(US_ZONES.map((zone) => [zone, 'US'])),
  ...Object.fromEntries(CA_ZONES.map((zone) => [zone, 'CA'])),
  ...Object.fromEntries(AU_ZONES.map((zone) => [zone, 'AU'])),
  'Europe/Berlin': 'DE',
  'Europe/London': 'GB',
  'Europe/Amsterdam': 'NL',
  'Europe/Vilnius': 'LT',
  'Europe/Rome': 'IT',
  'Europe/Paris': 'FR',
  'Europe/Moscow': 'RU',
  'Europe/Kyiv': 'UA',
  'Europe/Kiev': 'UA',
  'Europe/Minsk': 'BY',
};
