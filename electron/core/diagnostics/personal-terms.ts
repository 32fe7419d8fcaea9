/**
 * Finding the personal names a diagnostics file would carry, before anything is replaced: the
 * host names and user names, wherever they show. Replacement (redactor.ts) then uses the same
 * list everywhere, so a name is hidden in the report and the log too, not only where it was found.
 *
 * Where they are found:
 * - host names: the value of a field that names a computer (capture.host.hostname, a Windows
 *   CSName / PSComputerName / __SERVER, a COMPUTERNAME variable, a report's hostname), and the
 *   first label of a dotted name ("alice-pc" of "alice-pc.corp.example");
 * - user names: the folder after a profiles folder in any path (C:\Users\<name>,
 *   C:\Documents and Settings\<name>, /home/<name>, /Users/<name>), written with \, \\ (JSON),
 *   / or %5C / %2F (URL-encoded); the value of a field that names an account (USER, USERNAME,
 *   LOGNAME, RegisteredUser); the last folder of HOME / USERPROFILE.
 * The Windows scan script already writes C:\Users\<user>, so "<user>" and the shared profile
 * folders (Public, Default, All Users, Shared) are not names.
 */

import { blobsIn, percentDecoded, textViews } from './encoded-text';

/** Keys whose string value is a computer's name (case-insensitive). */
export const HOST_KEY =
  /^(?:host_?name|computer_?name|csname|pscomputername|__server|systemname|dnshostname|machine_?name)$/i;
/** Keys whose string value is an account's name. */
export const USER_KEY = /^(?:user|user_?name|logname|login|registereduser|registeredowner|samaccountname)$/i;
/** Keys whose string value is a home folder. */
export const HOME_KEY = /^(?:home|userprofile|home_?dir|home_?path)$/i;

/** A path separator as it appears in text: \, \\ (JSON-escaped), /, or URL-encoded. */
export const SEPARATOR = String.raw`(?:\\\\|\\|/|%5c|%2f)`;
/** A profiles folder at the start of a path segment (after a separator, a drive, or the start). */
export const PROFILES_FOLDER = `(?:^|${SEPARATOR}|[a-z]:)(?:users|home|documents and settings)${SEPARATOR}+`;
/** A character a path segment cannot end before (so "alice" is not a prefix of "alice2"). */
export const SEGMENT_CHAR = String.raw`[^\\/\s"'%<>|:*?]`;
/**
 * A folder name: segment characters, with apostrophes inside ("O'Brien") but not at an end, so a
 * quoted path ('/Users/alice') still ends at its quote.
 */
const SEGMENT = `${SEGMENT_CHAR}+(?:'${SEGMENT_CHAR}+)*`;

/**
 * A name ends at a separator, or at the end of the path; a name cut short by a %XX that is not a
 * separator ('J%C3%B6rg') is no name: its decoded form is read instead (userNamesInText).
 */
const PROFILE_SEGMENT = new RegExp(
  `${PROFILES_FOLDER}(?:(${SEGMENT}(?: ${SEGMENT})*)(?=${SEPARATOR})|(${SEGMENT})(?!${SEGMENT_CHAR}|%|'${SEGMENT_CHAR}))`,
  'giu',
);

/** Profile folders that belong to nobody, and tokens of an already hidden file. */
const NOT_A_NAME =
  /^(?:public|default|default user|all users|shared|root|desktop\.ini|\.+|(?:user|host)-\d+)$/i;

export interface PersonalTerms {
  /** In the order found; the capture's own host name first. */
  readonly hostNames: readonly string[];
  readonly userNames: readonly string[];
}

/**
 * How names are compared: Windows names are case-insensitive, and a lower-case key serves all;
 * a typographic apostrophe is the same name as a straight one ("O’Brien", "O'Brien").
 */
export const termKey = (term: string): string =>
  term
    .normalize('NFC')
    .toLowerCase()
    .replace(/\u2019/g, "'");

class TermList {
  private readonly byKey = new Map<string, string>();
  add(term: string): void {
    const trimmed = term.trim();
    if (trimmed === '' || NOT_A_NAME.test(trimmed)) return;
    const key = termKey(trimmed);
    if (!this.byKey.has(key)) this.byKey.set(key, trimmed);
  }
  list(): string[] {
    return [...this.byKey.values()];
  }
}

/**
 * The short name of a dotted host name ("alice-pc" of "alice-pc.corp.example"); an address
 * ("192.168.1.5") or a label without a letter is not split off.
 */
export function hostLabel(name: string): string {
  const label = name.split('.')[0] ?? '';
  return /\p{L}/u.test(label) ? label : name;
}

/** Every user name in a path-bearing text. */
export function userNamesInPaths(text: string): string[] {
  return [...text.matchAll(PROFILE_SEGMENT)]
    .map((m) => (m[1] ?? m[2]) as string)
    .filter((name) => !NOT_A_NAME.test(name));
}

/**
 * Every user name in a text and in what it encodes: URL-encoded UTF-8, and hex and base64 blobs
 * read as text in each way they may hold it (encoded-text.ts).
 */
export function userNamesInText(text: string): string[] {
  const names = userNamesInPaths(text);
  const decoded = percentDecoded(text);
  if (decoded !== text) names.push(...userNamesInPaths(decoded));
  for (const blob of blobsIn(text)) for (const view of textViews(blob)) names.push(...userNamesInPaths(view));
  return names;
}

function lastSegment(path: string): string {
  return (
    path
      .split(/[\\/]+/)
      .filter(Boolean)
      .at(-1) ?? ''
  );
}

/**
 * Walks values and collects the names.
 * `hostName` is the capture's host name, so that it becomes host-1.
 */
export function findPersonalTerms(hostName: string | undefined, values: readonly unknown[]): PersonalTerms {
  const hosts = new TermList();
  const users = new TermList();
  const addHost = (name: string) => {
    hosts.add(name);
    const label = hostLabel(name);
    if (label !== name) hosts.add(label);
  };
  if (hostName) addHost(hostName);

  // A queue, not recursion, and in document order, so the same file always numbers names alike.
  const queue: Array<{ key: string | null; value: unknown }> = values.map((value) => ({ key: null, value }));
  for (let i = 0; i < queue.length; i += 1) {
    const { key, value } = queue[i] as { key: string | null; value: unknown };
    if (typeof value === 'string') {
      if (key !== null && HOST_KEY.test(key)) addHost(value);
      else if (key !== null && USER_KEY.test(key)) users.add(value);
      else if (key !== null && HOME_KEY.test(key)) users.add(lastSegment(value));
      for (const name of userNamesInText(value)) users.add(name);
    } else if (Array.isArray(value)) {
      for (const item of value) queue.push({ key, value: item });
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        for (const name of userNamesInText(k)) users.add(name);
        queue.push({ key: k, value: v });
      }
    }
  }
  return { hostNames: hosts.list(), userNames: users.list() };
}
