/**
 * The encodings a personal detail can hide in inside a capture, a report or a log, so that the
 * redaction finds a name however it is written and hides it without changing anything else:
 *
 * - URL encoding: a path in a file:// address or a query ('C:/Users/J%C3%B6rg%20M%C3%BCller'):
 *   UTF-8 bytes as %XX (RFC 3986 §2.1), a space also as '+' in a form's query (HTML, "URL-encoded
 *   form data");
 * - hex: the Windows scan script writes a registry value of type REG_BINARY of up to 64 bytes as
 *   lower-case hex (electron/probes/windows/scan-script.ts, function V); such values often hold
 *   text, in UTF-16LE (Windows' own encoding for strings) or in ASCII / UTF-8;
 * - base64 (RFC 4648 §4, and §5's URL-safe alphabet): blobs in logs, plists and settings.
 *
 * Blobs are decoded to bytes, and the bytes are read as text in each way a name could be written
 * in them: one byte per character (ASCII, Latin-1, and UTF-8 as Latin-1 characters), and UTF-16
 * little- and big-endian at both byte offsets (a string can start at an odd offset inside a
 * binary value). Masking a name overwrites each of its characters with '*' in the same encoding,
 * so a blob keeps its length and every other byte.
 */

/** Hex of at least 4 bytes, standing alone (an optional 0x in front). */
const HEX_RUN = /(?<![0-9A-Za-z])(?:0x)?((?:[0-9A-Fa-f]{2}){4,})(?![0-9A-Za-z])/g;
/** Base64 of at least 12 bytes (16 characters), standard or URL-safe alphabet, padded or not. */
const BASE64_RUN =
  /(?<![A-Za-z0-9+/_-])((?:[A-Za-z0-9+/]{4}){4,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?|(?:[A-Za-z0-9_-]{4}){4,}(?:[A-Za-z0-9_-]{2,3})?)(?![A-Za-z0-9+/=_-])/g;

/** One byte, one character: what a byte-oriented pattern reads. */
export function bytesToLatin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return text;
}

/** The UTF-16 code units of `bytes` from `offset`, little- or big-endian, as a string. */
function utf16View(bytes: Uint8Array, offset: number, littleEndian: boolean): string {
  const units: number[] = [];
  for (let i = offset; i + 1 < bytes.length; i += 2) {
    const first = bytes[i] as number;
    const second = bytes[i + 1] as number;
    units.push(littleEndian ? first | (second << 8) : (first << 8) | second);
  }
  let text = '';
  for (let i = 0; i < units.length; i += 0x8000) text += String.fromCharCode(...units.slice(i, i + 0x8000));
  return text;
}

const UTF16_VIEWS = [
  [0, true],
  [1, true],
  [0, false],
  [1, false],
] as const;

/** Every way the bytes may read as text (see the module comment), for finding names in them. */
export function textViews(bytes: Uint8Array): string[] {
  const views = [bytesToLatin1(bytes), new TextDecoder('utf-8', { fatal: false }).decode(bytes)];
  for (const [offset, little] of UTF16_VIEWS) views.push(utf16View(bytes, offset, little));
  return views;
}

/**
 * Masks the bytes in place: `mask` gets each text view and returns it with names overwritten by
 * '*' (the same length); what changed is written back in the view's encoding. True if anything was.
 */
export function maskBytes(bytes: Uint8Array, mask: (view: string) => string): boolean {
  let changed = false;
  const latin1 = bytesToLatin1(bytes);
  const maskedLatin1 = mask(latin1);
  if (maskedLatin1 !== latin1) {
    changed = true;
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = maskedLatin1.charCodeAt(i);
  }
  for (const [offset, little] of UTF16_VIEWS) {
    const wide = utf16View(bytes, offset, little);
    const masked = mask(wide);
    if (masked === wide) continue;
    changed = true;
    for (let u = 0; u < wide.length; u += 1) {
      const code = masked.charCodeAt(u);
      if (code === wide.charCodeAt(u)) continue;
      const at = offset + 2 * u;
      bytes[at] = little ? code & 0xff : code >> 8;
      bytes[at + 1] = little ? code >> 8 : code & 0xff;
    }
  }
  return changed;
}

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

function bytesToHex(bytes: Uint8Array, upper: boolean): string {
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return upper ? hex.toUpperCase() : hex;
}

/** The bytes of a base64 run, and how to write bytes back in the same alphabet and padding. */
function base64Codec(run: string): { bytes: Uint8Array; encode: (bytes: Uint8Array) => string } | null {
  const urlSafe = /[-_]/.test(run);
  const standard = urlSafe ? run.replace(/-/g, '+').replace(/_/g, '/') : run;
  const padded = standard.padEnd(standard.length + ((4 - (standard.length % 4)) % 4), '=');
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return null;
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const hadPadding = run.endsWith('=');
  return {
    bytes,
    encode(masked) {
      let text = btoa(bytesToLatin1(masked));
      if (urlSafe) text = text.replace(/\+/g, '-').replace(/\//g, '_');
      // Written back as it was: with its padding, or without.
      return hadPadding ? text : text.replace(/=+$/, '');
    },
  };
}

/** The bytes of every hex and base64 blob in a text. */
export function blobsIn(text: string): Uint8Array[] {
  const blobs: Uint8Array[] = [];
  for (const match of text.matchAll(HEX_RUN)) blobs.push(hexToBytes(match[1] as string));
  for (const match of text.matchAll(BASE64_RUN)) {
    const codec = base64Codec(match[1] as string);
    if (codec) blobs.push(codec.bytes);
  }
  return blobs;
}

/** The text with the names inside its hex and base64 blobs masked, each blob the same length. */
export function maskBlobs(text: string, mask: (view: string) => string): string {
  const hexMasked = text.replace(HEX_RUN, (whole, hex: string) => {
    const bytes = hexToBytes(hex);
    if (!maskBytes(bytes, mask)) return whole;
    const upper = /[A-F]/.test(hex) && !/[a-f]/.test(hex);
    return whole.slice(0, whole.length - hex.length) + bytesToHex(bytes, upper);
  });
  return hexMasked.replace(BASE64_RUN, (whole, run: string) => {
    const codec = base64Codec(run);
    if (!codec || !maskBytes(codec.bytes, mask)) return whole;
    return codec.encode(codec.bytes);
  });
}

/** The text with its %XX runs read as UTF-8 (left as they are where they are not UTF-8). */
export function percentDecoded(text: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(text)) return text;
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = hexToBytes(run.replace(/%/g, ''));
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return run;
    }
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** '%C3%B6' for 'ö': the URL encoding of a character's UTF-8 bytes. */
const percentOf = (c: string) =>
  [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');

/** The UTF-8 bytes of a character as Latin-1 characters: how a byte-wise view shows it. */
const utf8AsLatin1 = (c: string) => bytesToLatin1(new TextEncoder().encode(c));

/**
 * A name as a regular expression source (for the flags 'iu') that matches it however a file writes
 * it: ASCII letters and digits as they are (the flags fold case); a space also as %20 or '+'; an
 * apostrophe straight or typographic, or encoded; any other character as itself, decomposed (NFD,
 * as macOS file names are), URL-encoded, JSON-escaped (\u00f6), or as its UTF-8 bytes, in lower
 * and upper case.
 */
export function termPattern(term: string): string {
  let pattern = '';
  for (const c of term.normalize('NFC')) {
    if (/[A-Za-z0-9]/.test(c)) {
      pattern += c;
      continue;
    }
    if (c === ' ') {
      pattern += '(?: |%20|\\+)';
      continue;
    }
    if (c === "'" || c === '\u2019') {
      pattern += "(?:['\u2019]|%27|%E2%80%99|\\\\u2019)";
      continue;
    }
    const forms = new Set<string>();
    for (const variant of new Set([c, c.toLowerCase(), c.toUpperCase()])) {
      forms.add(escapeRegExp(variant));
      forms.add(escapeRegExp(variant.normalize('NFD')));
      forms.add(percentOf(variant));
      forms.add(
        [...variant]
          .map((u) => `\\\\u${(u.codePointAt(0) as number).toString(16).padStart(4, '0')}`)
          .join(''),
      );
      if (/[^\x20-\x7e]/.test(variant)) forms.add(escapeRegExp(utf8AsLatin1(variant)));
    }
    pattern += `(?:${[...forms].join('|')})`;
  }
  return pattern;
}
