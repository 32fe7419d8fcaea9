/**
 * Replacing personal details with tokens, consistently: the same name always becomes the same
 * token within a file ("Alice", "ALICE" and "alice" are all user-1), so a helper can still follow
 * "the same user's folder" across the capture, the report and the log.
 *
 *   user names      user-1, user-2 …            C:\Users\Alice\AppData → C:\Users\user-1\AppData
 *   host names      host-1, host-2 …            (host-1 is the capture's own host name)
 *   e-mail          email-1@example.invalid …   (also written a (at) b.c, a [at] b [dot] c, a&#64;b.c, a%40b.c)
 *   Windows SIDs    sid-1 …                     (S-1-5-21-… of local and domain accounts,
 *                                                S-1-12-1-… of Entra ID accounts: they identify them)
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
 * A name is found however a file writes it (encoded-text.ts): with a straight or typographic
 * apostrophe, URL-encoded, JSON-escaped, decomposed, and inside hex and base64 blobs (a registry
 * value the scan script wrote as hex, a base64 setting), where it is masked with '*' byte for byte
 * in the blob's own encoding so the blob keeps its length.
 * Product names, versions, probe ids and the capture's structural fields are never touched.
 */
import { FORBIDDEN_KEYS } from '../util/untrusted-json';
import { bytesToLatin1, maskBlobs, maskBytes, termPattern } from './encoded-text';
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
/**
 * The at sign as people and encoders write it to keep addresses from harvesters: '@', URL-encoded,
 * as an HTML character reference (decimal or hex), JSON-escaped, or the word "at" in brackets.
 */
const AT = String.raw`(?:@|%40|&#0*64;|&#x0*40;|\\u0040|\s*[(\[{]\s*at\s*[)\]}]\s*)`;
/** The dot of a domain, also as the word "dot" in brackets. */
const DOT = String.raw`(?:\.|\s*[(\[{]\s*dot\s*[)\]}]\s*)`;
const EMAIL = String.raw`[\p{L}\p{N}._%+\-]+${AT}[\p{L}\p{N}\-]+(?:${DOT}[\p{L}\p{N}\-]+)*${DOT}(?!${NOT_A_TLD}(?!${NAME_CHAR}))\p{L}{2,}(?!${NAME_CHAR})`;
/**
 * Account SIDs: S-1-5-21 and three or four numbers (local and Active Directory accounts), and
 * S-1-12-1 and four numbers (Entra ID accounts; Microsoft, "Security identifiers" and the
 * Entra-joined profiles under ProfileList). Well-known SIDs (S-1-5-18 …) name nobody and stay.
 */
const SID = String.raw`(?<![\p{L}\p{N}_\-])S-1-(?:5-21(?:-\d{1,10}){3,4}|12-1(?:-\d{1,10}){4})(?!\d)`;

const byLengthDesc = (a: string, b: string) => b.length - a.length;

/** One address however it was written: the at sign and the dots plain, lower case. */
const emailKey = (written: string): string =>
  written
    .replace(new RegExp(AT, 'iu'), '@')
    .replace(/\s*[([{]\s*dot\s*[)\]}]\s*/giu, '.')
    .toLowerCase();

/** Can this name be replaced as a free word without risk of hitting an ordinary word? */
function standsAlone(term: string, protectedWords: ReadonlySet<string>): boolean {
  const key = termKey(term);
  // A name without a letter ("1001") would hit numbers: versions, process ids.
  return [...key].length >= 3 && /\p{L}/u.test(key) && !COMMON_WORDS.has(key) && !protectedWords.has(key);
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
  const words = all.filter((term) => standsAlone(term, protectedSet)).map(termPattern);
  const pathNames = terms.userNames.slice().sort(byLengthDesc).map(termPattern);
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
    const term = all.find((t) => new RegExp(`^${termPattern(t)}$`, 'iu').test(name));
    return (term && names.get(termKey(term))) ?? register('user', name);
  };

  const replace = (match: string, ...rest: unknown[]): string => {
    const groups = rest.at(-1) as Record<string, string | undefined>;
    if (groups.email !== undefined) {
      const key = emailKey(match);
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

  const mask = (value: string): string => value.replace(binaryPattern, (match) => '*'.repeat(match.length));
  // Names first, then what is left inside blobs: a path in plain text is replaced by its token,
  // not masked as if it were a blob.
  const text = (value: string): string => maskBlobs(value.replace(pattern, replace), mask);

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
    return maskBytes(bytes, mask) ? btoa(bytesToLatin1(bytes)) : base64;
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
