/**
 * KpmVault → a CSV Firefox imports (about:logins › Import from a File). Firefox's own export
 * has url,username,password,httpRealm,formActionOrigin,guid,timeCreated,timeLastUsed,
 * timePasswordChanged (LoginExport.sys.mjs). Its importer requires only the url, username and
 * password columns (LoginCSVImport.sys.mjs: FILE_FORMAT_ERROR without them; the username value
 * may be empty) and each row needs an origin and a password (LoginHelper.sys.mjs,
 * ImportRowProcessor.mandatoryFields). The six other columns are optional and KPM has nothing
 * for them, so they are left out rather than written empty: an empty timeCreated would reach
 * the login's timestamps as '' instead of being absent.
 *
 * Firefox keeps one login per address and user name: a second row with the same pair is
 * reported by its import as unchanged, not added (ImportRowProcessor
 * .checkConflictingOriginWithPreviousRows).
 *
 * Firefox has no column for notes: a login's Comment does not carry over (listed in partial),
 * and notes, applications and other accounts are skipped (browserLogins).
 */

import { browserLogins, type ConvertedFile, displayName, type LeftOut, loginTitle } from './converted-file';
import { csvDocument } from './csv';
import type { KpmVault } from './kpm-text-export';

export const FIREFOX_CSV_HEADER = ['url', 'username', 'password'] as const;

export function writeFirefoxCsv(vault: KpmVault): ConvertedFile {
  const { logins, skipped } = browserLogins(vault, 'Firefox');
  const rows = logins.map(({ login, url }) => [url, login.login, login.password]);
  const partial: LeftOut[] = logins
    .filter(({ login }) => login.comment.trim() !== '')
    .map(({ login }) => ({
      name: displayName(loginTitle(login), login.line),
      reason: 'its comment: Firefox keeps no notes with a login',
    }));
  return {
    fileName: 'kaspersky-to-firefox.csv',
    content: csvDocument(FIREFOX_CSV_HEADER, rows),
    written: rows.length,
    skipped,
    partial,
  };
}
