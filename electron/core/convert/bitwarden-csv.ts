/**
 * KpmVault → Bitwarden's own CSV format ("Bitwarden (csv)" in its import list; columns from
 * bitwarden.com/help/condition-bitwarden-import/, read as BitwardenCsvImporter reads them:
 * bitwarden/clients libs/importer/src/importers/bitwarden/bitwarden-csv-importer.ts, fork
 * joker3serri/Bit). Everything carries over:
 * - a login (website, application, other account) → type 'login'; name as loginTitle, notes
 *   from the Comment; applications and other accounts have no login_uri.
 * - a note → type 'note' with the Text as notes (the importer makes it a Secure Note).
 * favorite and reprompt stay empty: the importer reads empty as "not favourite" and "no
 * reprompt" (getValueOrDefault(value.favorite, '0'), CipherRepromptType.None).
 */

import { type ConvertedFile, loginTitle } from './converted-file';
import { csvDocument } from './csv';
import type { KpmVault } from './kpm-text-export';

export const BITWARDEN_CSV_HEADER = [
  'folder',
  'favorite',
  'type',
  'name',
  'notes',
  'fields',
  'reprompt',
  'login_uri',
  'login_username',
  'login_password',
  'login_totp',
] as const;

export function writeBitwardenCsv(vault: KpmVault): ConvertedFile {
  const rows: string[][] = [];
  for (const login of vault.logins) {
    rows.push([
      '',
      '',
      'login',
      loginTitle(login),
      login.comment,
      '',
      '',
      loginUri(login.url),
      login.login,
      login.password,
      '',
    ]);
  }
  for (const note of vault.notes) {
    rows.push(['', '', 'note', note.name, note.text, '', '', '', '', '', '']);
  }
  return {
    fileName: 'kaspersky-to-bitwarden.csv',
    content: csvDocument(BITWARDEN_CSV_HEADER, rows),
    written: rows.length,
    skipped: [],
    partial: [],
  };
}

/**
 * The importer reads login_uri as a CSV row of its own (parseSingleRowCsv: several URIs,
 * comma-separated), so an address holding a comma or a quote is quoted once for that inner row,
 * then again by the file's quoting; otherwise it would be split into two URIs.
 */
function loginUri(url: string): string {
  return /[",\r\n]/.test(url) ? `"${url.replaceAll('"', '""')}"` : url;
}
