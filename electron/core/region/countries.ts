/**
 * The countries whose rules Handover can apply: ISO 3166-1 alpha-2 codes (the ISO 3166
 * Maintenance Agency's officially assigned codes, https://www.iso.org/obp/ui/#search/code/), plus
 * XK for Kosovo, which ISO leaves user-assigned and the EU and CLDR use. A code outside this list
 * ("XX", "EU", "ZZ") is no country: --region refuses it and a region hint from the OS that
 * carries one is passed over. The window's chooser offers the same codes
 * (renderer/src/countries.ts: the renderer may not import the core, so it keeps its own copy).
 *
 * Names are English, from Intl (CLDR), so a person may type "germany" or "United States"; a few
 * everyday names CLDR does not use are accepted as well (ALIASES).
 */

const CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW';

export const COUNTRY_CODES: ReadonlySet<string> = new Set(CODES.split(' '));

/** Everyday English names that CLDR's names do not cover, lower-case. */
const ALIASES: Readonly<Record<string, string>> = {
  usa: 'US',
  'united states of america': 'US',
  america: 'US',
  uk: 'GB',
  britain: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  holland: 'NL',
  'the netherlands': 'NL',
  'czech republic': 'CZ',
  russia: 'RU',
  'south korea': 'KR',
  'north korea': 'KP',
  turkey: 'TR',
  'ivory coast': 'CI',
};

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

/** The English name CLDR gives a code ("United States"), or the code itself. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

let byName: ReadonlyMap<string, string> | null = null;

function namesToCodes(): ReadonlyMap<string, string> {
  byName ??= new Map([
    ...[...COUNTRY_CODES].map((code): [string, string] => [countryName(code).toLowerCase(), code]),
    ...Object.entries(ALIASES),
  ]);
  return byName;
}

/**
 * A country from what a person typed: a code ("us", "DE") or an English name ("germany",
 * "United States", "USA"), in any case and with spaces around; null when it names no country.
 */
export function countryFromInput(input: string): string | null {
  const text = input.trim().replace(/\s+/g, ' ');
  const code = text.toUpperCase();
  if (/^[A-Z]{2}$/.test(code) && isCountryCode(code)) return code;
  // "UK" is no ISO code (ISO reserves it), but people write it for the United Kingdom.
  return namesToCodes().get(text.toLowerCase()) ?? null;
}

/** Names English writes with "the": "the United States", "the Netherlands", "the Philippines". */
const WITH_THE =
  /^(United |Czech |Dominican |Central African |Marshall |Solomon |Cayman |Faroe |Falkland )|^(Netherlands|Bahamas|Gambia|Philippines|Maldives|Seychelles|Comoros|Vatican City)$/;

/** "in the United States", "in Germany": a country as the sentences about its rules say it. */
export function inCountry(code: string): string {
  const name = countryName(code);
  return `in ${WITH_THE.test(name) ? 'the ' : ''}${name}`;
}
