/**
 * What every writer returns, and the few rules they share. The writers are pure: they build
 * the file's text; the main process writes it only where the person chooses, and nothing here
 * logs or sends the content.
 */
import type { KpmLogin, KpmVault } from './kpm-text-export';

export interface LeftOut {
  /** The entry's name as the person knows it from Kaspersky Password Manager. */
  readonly name: string;
  readonly reason: string;
}

export interface ConvertedFile {
  /** A suggested name; the person chooses where it goes. */
  readonly fileName: string;
  readonly content: string;
  /** Entries written as records. */
  readonly written: number;
  /** Entries the format has no place for: not in the file at all. */
  readonly skipped: readonly LeftOut[];
  /** Entries written without something the format has no column for (Firefox: the comment). */
  readonly partial: readonly LeftOut[];
}

/**
 * A login's title: its name, then ': ' and its Login name when it has one, as Bitwarden's
 * KasperskyTxtImporter builds cipher.name, so two accounts on one site stay apart.
 */
export function loginTitle(login: KpmLogin): string {
  if (login.loginName.trim() === '') return login.name;
  return login.name.trim() === '' ? login.loginName : `${login.name}: ${login.loginName}`;
}

/** The name shown in a skipped or partial list; an unnamed entry is named by its line. */
export function displayName(name: string, line: number): string {
  return name.trim() === '' ? `(no name, line ${line} of the export)` : name;
}

/**
 * The website address as the browsers' importers need it: Chrome keeps a row only when
 * GURL(url).is_valid() (csv_password.cc), and Firefox only when LoginHelper.getLoginOrigin
 * finds an origin (LoginHelper.sys.mjs, ImportRowProcessor); both need a scheme. KPM exports
 * may hold a bare host ("example.com" in Proton's test export), so a missing scheme becomes
 * https://. Anything else is kept as written. undefined when there is no usable http(s) address.
 */
export function browserUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '') return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const parsed = new URL(withScheme);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    if (parsed.hostname === '') return undefined;
  } catch {
    return undefined;
  }
  return withScheme;
}

/**
 * Chrome and Firefox import website logins only: a row needs a web address and a password
 * (Chrome: ImportEntry MISSING_URL, INVALID_URL, MISSING_PASSWORD in import_results.h; Firefox:
 * ImportRowProcessor.mandatoryFields = ['origin', 'password']). Everything else is returned as
 * skipped, with the reason, so the UI can say what did not carry over.
 */
export function browserLogins(
  vault: KpmVault,
  browser: string,
): { readonly logins: readonly { login: KpmLogin; url: string }[]; readonly skipped: LeftOut[] } {
  const logins: { login: KpmLogin; url: string }[] = [];
  const skipped: LeftOut[] = [];
  for (const login of vault.logins) {
    const name = displayName(loginTitle(login), login.line);
    const url = browserUrl(login.url);
    if (login.kind === 'application') {
      skipped.push({ name, reason: `an application login: ${browser} imports only logins for websites` });
    } else if (login.kind === 'other-account') {
      skipped.push({ name, reason: `not tied to a website: ${browser} imports only logins for websites` });
    } else if (url === undefined) {
      skipped.push({
        name,
        reason:
          login.url.trim() === ''
            ? `no website address: ${browser} imports only logins for websites`
            : `its website address is not an http or https address ${browser} can use`,
      });
    } else if (login.password === '') {
      skipped.push({ name, reason: `no password: ${browser} does not import a login without one` });
    } else {
      logins.push({ login, url });
    }
  }
  for (const note of vault.notes) {
    skipped.push({
      name: displayName(note.name, note.line),
      reason: `a note: ${browser} has no place for notes`,
    });
  }
  return { logins, skipped };
}
