/**
 * Replacing personal details with tokens, consistently: the same name always becomes the same
 * token within a file ("Alice", "ALICE" and "alice" are all user-1), so a helper can still follow
 * "the same user's folder" across the capture, the report and the log.
 *
 *   user names      user-1, user-2 …            C:\Users\Alice\AppData → C:\Users\user-1\AppData
 *   host names      host-1, host-2 …            (host-1 is the capture's own host name)
 *   e-mail          email-1@example.invalid …
 *   Windows SIDs    sid-1 …                     (S-1-5-21-…: they identify the machine's accounts)
 *
 * Replacing must never corrupt what the replay reads, so a name is replaced as a whole, never
 * inside another word, and only where it cannot be something else:
 * - in a home path, the profile folder segment is always replaced (C:\Users\a → C:\Users\user-1:
 *   the position says it is a name, however short or common);
 * - in a field that names a computer or an account, the whole value is replaced;
 * - anywhere else, as a whole word, only if it could not be an ordinary word: at least 3
 *   characters, not a common word ("admin", "user", "ubuntu"), and not a word of a product or
 *   vendor name from the catalog (a user called "Norton" must not turn "Norton Security" into
 *   "user-1 Security"). A name that fails this stays where it stands as a plain word: it then
 *   identifies nobody by itself.
 * Product names, versions, probe ids and the capture's structural fields are never touched.
 */
import { FORBIDDEN_KEYS } from '../util/untrusted-json';
import {
  HOST_KEY,
  hostLabel,
  type PersonalTerms,
  PROFILES_FOLDER,
  SEGMENT_CHAR,
  termKey,
  USER_KEY,
} from './personal-terms';

export interface RedactionSummary {
  readonly userNames: number;
  readonly hostNames: number;
  readonly emailAddresses: number;
  readonly accountIds: number;
}

export interface Redactor {
  /** Text with every personal detail replaced by its token. */
  text(value: string): string;
  /** A JSON value with its strings and keys redacted (and no prototype keys), as a new value. */
  json(value: unknown): unknown;
  /** Base64 content (a binary plist): names masked with '*' of the same length, so offsets hold. */
  binary(base64: string): string;
  /** The token of a host name (registered if new). */
  hostToken(name: string): string;
  summary(): RedactionSummary;
}

/**
 * Names that are also ordinary words in what probes print: replaced only in home paths and in
 * name fields, never as free words.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    'admin administrator user users guest root test tester public default owner home system service ' +
    'services support local localhost host computer desktop laptop server client pc mac macbook imac ' +
    'windows linux macos ubuntu debian fedora centos redhat kali mint arch raspberrypi android ' +
    'office work dev demo student family shared all none null true false error data info update ' +
    'security protection antivirus program files version name state status running stopped enabled ' +
    'disabled file command directory failed timeout missing live fixture handover powershell ' +
    'kaspersky defender microsoft max mark will bill may june art'
  ).split(' '),
);

/** Fields whose values are structure (ids, enums, timestamps), never personal text. */
const STRUCTURAL_KEYS: ReadonlySet<string> = new Set([
  'format',
  'formatVersion',
  'kind',
  'outcome',
  'encoding',
  'platform',
  'probe',
  'schema',
  'capturedAt',
  'startedAt',
  'createdAt',
  'from',
  'productId',
  'vendorId',
  'banId',
]);

const NAME_CHAR = String.raw`[\p{L}\p{N}_]`;
/** File and systemd-unit suffixes that make "getty@tty1.service" or "icon@2x.png" look like e-mail. */
const NOT_A_TLD = `(?:service|socket|target|mount|timer|slice|scope|device|path|swap|png|jpe?g|gif|icns|svg|tiff?|json|xml|plist|txt|log|exe|dll|sys)`;
const EMAIL = String.raw`[\p{L}\p{N}._%+\-]+(?:@|%40)[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.(?!${NOT_A_TLD}(?!${NAME_CHAR}))\p{L}{2,}(?!${NAME_CHAR})`;
const SID = String.raw`(?<![\p{L}\p{N}_\-])S-1-5-21(?:-\d{1,10}){3,4}(?!\d)`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLengthDesc = (a: string, b: string) => b.length - a.length;

/** Can this name be replaced as a free word without risk of hitting an ordinary word? */
function standsAlone(term: string, protectedWords: ReadonlySet<string>): boolean {
  const key = termKey(term);
  // A name without a letter ("1001") would hit numbers: versions, process ids.
  return [...key].length >= 3 && /\p{L}/u.test(key) && !COMMON_WORDS.has(key) && !protectedWords.has(key);
}

function bytesToLatin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return text;
}

export interface RedactorOptions {
  /** Words never replaced as free words (catalogWords): see the module comment. */
  readonly protectedWords: Iterable<string>;
  /**
   * Replace names standing alone in text (default true). False keeps only home paths, name
   * fields, e-mail addresses and SIDs: the fallback when free words changed what a capture shows.
   */
  readonly freeWords?: boolean;
}

export function createRedactor(terms: PersonalTerms, options: RedactorOptions): Redactor {
  const protectedSet = new Set([...options.protectedWords].map(termKey));
  // Name → token, for host and user names together: one name is one token, whichever list found it.
  const names = new Map<string, string>();
  const emails = new Map<string, string>();
  const sids = new Map<string, string>();
  const counts = { host: 0, user: 0 };
  const register = (prefix: 'host' | 'user', term: string): string => {
    const key = termKey(term);
    const label = prefix === 'host' ? hostLabel(key) : key;
    const known = names.get(key) ?? names.get(label);
    if (known) return known;
    counts[prefix] += 1;
    const token = `${prefix}-${counts[prefix]}`;
    names.set(key, token);
    // "alice-pc.corp.example" and "alice-pc" are the same computer.
    names.set(label, token);
    return token;
  };
  // Hosts first: a host label equal to a user name ("alice" on the machine "alice") is one token.
  for (const host of terms.hostNames) register('host', host);
  for (const user of terms.userNames) register('user', user);

  const all = [...terms.hostNames, ...terms.userNames].sort(byLengthDesc);
  const words = all.filter((term) => standsAlone(term, protectedSet)).map(escapeRegExp);
  const pathNames = terms.userNames.slice().sort(byLengthDesc).map(escapeRegExp);
  /**
   * One regex with every alternative, so one pass: a token already written ("user-1") is never
   * matched again. `nameChar` is what a name may not touch to count as a whole word.
   */
  const patternWith = (nameChar: string): RegExp => {
    const alternatives = [`(?<email>${EMAIL})`, `(?<sid>${SID})`];
    if (pathNames.length > 0) {
      alternatives.push(`(?<pathUser>(?<=${PROFILES_FOLDER})(?:${pathNames.join('|')})(?!${SEGMENT_CHAR}))`);
    }
    if (words.length > 0 && options.freeWords !== false) {
      alternatives.push(
        `(?<word>(?:(?<!${nameChar})|(?<=%[0-9a-f]{2}))(?:${words.join('|')})(?!${nameChar}))`,
      );
    }
    return new RegExp(alternatives.join('|'), 'giu');
  };
  const pattern = patternWith(NAME_CHAR);
  // In binary content, the bytes next to a UTF-16 string (a plist's length marker) read as letters
  // of some script: only ASCII letters and digits count as part of a word there.
  const binaryPattern = patternWith('[A-Za-z0-9_]');

  const tokenOfName = (name: string): string => {
    const known = names.get(termKey(name));
    if (known) return known;
    // Case folding of the regex and toLowerCase differ for a few letters (Kelvin sign, ẞ).
    const term = all.find((t) => new RegExp(`^${escapeRegExp(t)}$`, 'iu').test(name));
    return (term && names.get(termKey(term))) ?? register('user', name);
  };

  const replace = (match: string, ...rest: unknown[]): string => {
    const groups = rest.at(-1) as Record<string, string | undefined>;
    if (groups.email !== undefined) {
      const key = match.replace(/%40/i, '@').toLowerCase();
      const token = emails.get(key) ?? `email-${emails.size + 1}@example.invalid`;
      emails.set(key, token);
      return token;
    }
    if (groups.sid !== undefined) {
      const key = match.toUpperCase();
      const token = sids.get(key) ?? `sid-${sids.size + 1}`;
      sids.set(key, token);
      return token;
    }
    return tokenOfName(match);
  };

  const text = (value: string): string => value.replace(pattern, replace);
  const mask = (value: string): string => value.replace(binaryPattern, (match) => '*'.repeat(match.length));

  /** A name field's whole value; placeholders ("<user>") and empty values are left to text(). */
  const nameField = (prefix: 'host' | 'user', value: string): string =>
    value.trim() === '' || /^<.*>$/.test(value.trim()) ? text(value) : register(prefix, value.trim());

  const json = (value: unknown, key: string | null = null, depth = 0): unknown => {
    if (typeof value === 'string') {
      if (key !== null && STRUCTURAL_KEYS.has(key)) return value;
      if (key !== null && HOST_KEY.test(key)) return nameField('host', value);
      if (key !== null && USER_KEY.test(key)) return nameField('user', value);
      return text(value);
    }
    if (typeof value !== 'object' || value === null) return value;
    // Files are guarded to 64 levels; anything deeper was not read from one and is not sent.
    if (depth > 200) return '[nested too deep]';
    if (Array.isArray(value)) return value.map((item) => json(item, key, depth + 1));
    // Object.fromEntries defines properties (a "__proto__" entry would not touch the prototype),
    // and prototype keys are dropped anyway: nothing downstream may merge them.
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !FORBIDDEN_KEYS.has(k))
        .map(([k, v]) => [STRUCTURAL_KEYS.has(k) ? k : text(k), json(v, k, depth + 1)]),
    );
  };

  const binary = (base64: string): string => {
    let bytes: Uint8Array;
    try {
      bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    } catch {
      return base64;
    }
    let changed = false;
    const latin1 = bytesToLatin1(bytes);
    const maskedLatin1 = mask(latin1);
    if (maskedLatin1 !== latin1) {
      changed = true;
      for (let i = 0; i < bytes.length; i += 1) bytes[i] = maskedLatin1.charCodeAt(i);
    }
    // Binary plists store non-ASCII strings as UTF-16BE, at any byte offset.
    for (const offset of [0, 1]) {
      const units: number[] = [];
      for (let i = offset; i + 1 < bytes.length; i += 2)
        units.push(((bytes[i] as number) << 8) | (bytes[i + 1] as number));
      let wide = '';
      for (let i = 0; i < units.length; i += 0x8000)
        wide += String.fromCharCode(...units.slice(i, i + 0x8000));
      const masked = mask(wide);
      if (masked === wide) continue;
      changed = true;
      for (let u = 0; u < units.length; u += 1) {
        const code = masked.charCodeAt(u);
        if (code === units[u]) continue;
        bytes[offset + 2 * u] = code >> 8;
        bytes[offset + 2 * u + 1] = code & 0xff;
      }
    }
    return changed ? btoa(bytesToLatin1(bytes)) : base64;
  };

  return {
    text,
    json: (value) => json(value),
    binary,
    hostToken: (name) => register('host', name),
    summary: () => ({
      userNames: counts.user,
      hostNames: counts.host,
      emailAddresses: emails.size,
      accountIds: sids.size,
    }),
  };
}
