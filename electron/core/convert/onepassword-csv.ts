/**
 * KpmVault → a CSV that 1Password imports as Login items. 1Password documents the login
 * columns as title, website, username, password, notes (then optional custom fields), says the
 * first line can be the field names, and that each CSV file holds one item type
 * (support.1password.com/cs/import-mac/ "Appendix: Item types"; support.1password.com/
 * import-1password-com/ "Prepare your CSV file"). So:
 * - every login (websites, applications, other accounts) → one Login row: title as loginTitle,
 *   the Comment as notes; applications and other accounts have an empty website.
 * - notes are skipped: a Secure Note row has another layout (title, text of note) and may not
 *   share a file with logins. The UI says they did not carry over, so they can be copied by hand.
 */

import { type ConvertedFile, displayName, type LeftOut, loginTitle } from './converted-file';
import { csvDocument } from './csv';
import type { KpmVault } from './kpm-text-export';

export const ONEPASSWORD_CSV_HEADER = ['Title', 'Website', 'Username', 'Password', 'Notes'] as const;

export function writeOnePasswordCsv(vault: KpmVault): ConvertedFile {
  const rows = vault.logins.map((login) => [
    loginTitle(login),
    login.url,
    login.login,
    login.password,
    login.comment,
  ]);
  const skipped: LeftOut[] = vault.notes.map((note) => ({
    name: displayName(note.name, note.line),
    reason: "a note: 1Password's CSV import takes one kind of item per file, and this file holds logins",
  }));
  return {
    fileName: 'kaspersky-to-1password.csv',
    content: csvDocument(ONEPASSWORD_CSV_HEADER, rows),
    written: rows.length,
    skipped,
    partial: [],
  };
}
