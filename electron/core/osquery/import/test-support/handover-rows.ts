/**
 * Rows in the columns Handover's queries select (handover-queries.ts), for tests: made for the
 * tests, with names from real records (Security Center's "Windows Defender" of
 * fixtures/detection/win10-defender-alone-ws01, KESL's package of linux-kesl12.1-package-build).
 * Every value is text, as osquery sends it.
 */
export const WSP = 'handover-windows-security-products';

/** A windows_security_products row: Defender on, its signatures up to date. */
export const defenderRow = {
  handover_query: WSP,
  handover_row: '1',
  type: 'Antivirus',
  name: 'Windows Defender',
  state: 'On',
  state_timestamp: '',
  signatures_up_to_date: '1',
} as const;

/** A deb_packages row: Kaspersky Endpoint Security for Linux installed. */
export const keslPackageRow = {
  handover_query: 'handover-linux-deb-packages',
  handover_row: '1',
  name: 'kesl',
  version: '12.1.0-1297',
  status: 'install ok installed',
  maintainer: 'Kaspersky Lab <support@kaspersky.com>',
  arch: 'amd64',
} as const;
