/**
 * KpmVault → the CSV Chrome's password manager imports, in the layout Chrome exports
 * (name,url,username,password,note: kTitleColumnName… in components/password_manager/core/
 * browser/export/password_csv_writer.cc). Chrome's importer finds columns by name: url,
 * username and password are required, note is read, name is ignored
 * (csv_password_sequence.cc NameToLabel). It keeps a row only with a valid URL and a password
 * (import_results.h: MISSING_URL, INVALID_URL, MISSING_PASSWORD), so applications, other
 * accounts, logins without an address or password, and notes are skipped (browserLogins).
 *
 * Chrome refuses a file over 150 KB as a whole (kMaxFileSizeBytes in password_importer.cc);
 * a vault that large is rare, and the UI can check content's size before offering this file.
 */

import { browserLogins, type ConvertedFile, loginTitle } from './converted-file';
import { csvDocument } from './csv';
import type { KpmVault } from './kpm-text-export';

export const CHROME_CSV_HEADER = ['name', 'url', 'username', 'password', 'note'] as const;

export function writeChromeCsv(vault: KpmVault): ConvertedFile {
  const { logins, skipped } = browserLogins(vault, 'Chrome');
  const rows = logins.map(({ login, url }) => [
    loginTitle(login),
    url,
    login.login,
    login.password,
    login.comment,
  ]);
  return {
    fileName: 'kaspersky-to-chrome.csv',
    content: csvDocument(CHROME_CSV_HEADER, rows),
    written: rows.length,
    skipped,
    partial: [],
  };
}
