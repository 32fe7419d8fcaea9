/**
 * The guard every file a person opens goes through (a capture to replay, a diagnostics file, a
 * report): someone else made it, so it may be huge, cut short, absurdly nested or built to hurt.
 * Each refusal is one clause for "Could not open X: it ...", and nothing is parsed that the
 * checks have not passed first:
 *
 * 1. Size, before anything else: a caller that read a Buffer passes its length, so a 10 GB file is
 *    refused without being decoded (read-capture-file.ts refuses it before even reading).
 * 2. Text: a UTF-8 BOM (Notepad) or a UTF-16 BOM (Notepad's "Unicode") is honoured; other bytes
 *    must be valid UTF-8.
 * 3. Shape, by one linear scan of the text (no recursion): nesting deeper than maxDepth is refused
 *    before JSON.parse runs, because everything after the parse (zod, the redactor, the parsers)
 *    walks the value recursively and would overflow the stack on a 100 000-deep array. The same
 *    scan tells a file that ends inside a string or an open bracket: "cut short", not a JSON
 *    error with a position.
 * 4. Keys: `__proto__`, `constructor` and `prototype` are refused wherever they appear. JSON.parse
 *    makes them own properties (it does not pollute), but code that later copies or merges the
 *    value with `target[key] = value` would; no Handover file holds such a key, so the file is
 *    refused and nothing downstream ever sees one.
 *
 * What is NOT refused: script tags, spreadsheet formulas (=, +, -, @ at the start), odd Unicode in
 * names. They are data a real machine can hold (a product can be named anything), so the rule is
 * that text from a file is always displayed as text: React escapes it, the HTML report must
 * escape it, CSV writers must neutralise a leading formula character. `survivesAsInertText` lets a
 * test check exactly that, with HOSTILE_TEXT_SAMPLES as input.
 */
import { err, ok, type Result } from './result';

/** No Handover file comes near this; a capture is a few MB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** Deepest Handover file: diagnostics → capture → records → record → command → args (6), plus a report. */
export const DEFAULT_MAX_DEPTH = 64;

/** Keys whose only use in a JSON file is to reach an object's prototype when copied carelessly. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface UntrustedJsonOptions {
  /** What the file should be, for messages: 'a Handover capture'. */
  readonly what: string;
  readonly maxBytes?: number;
  readonly maxDepth?: number;
  /** The file's size in bytes, when the caller knows it (a text argument's size is computed). */
  readonly byteLength?: number;
}

export type JsonShape = 'complete' | 'too-deep' | 'truncated';

/**
 * One pass over JSON text, tracking only strings and brackets: is it nested deeper than maxDepth,
 * or does it end inside a string or an open bracket? Iterative, so it cannot overflow the stack.
 * It does not validate the JSON (JSON.parse does that after).
 */
export function scanJsonShape(text: string, maxDepth: number): JsonShape {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Most of a capture is text inside strings: jump to the closing quote with indexOf (native
      // code) instead of stepping through it; a quote after an odd run of backslashes is escaped.
      for (;;) {
        const quote = text.indexOf('"', i + 1);
        if (quote < 0) return 'truncated';
        let backslashes = 0;
        while (text.charCodeAt(quote - 1 - backslashes) === 0x5c /* \ */) backslashes += 1;
        i = quote;
        if (backslashes % 2 === 0) break;
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth += 1;
      if (depth > maxDepth) return 'too-deep';
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth -= 1;
    }
  }
  return depth > 0 ? 'truncated' : 'complete';
}

const sizeInWords = (bytes: number) =>
  bytes < 1024 * 1024 ? `${bytes} bytes` : `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** The size refusal, shared with callers that refuse a file before reading it. */
export function tooLargeMessage(maxBytes: number, what: string): string {
  return `it is larger than ${sizeInWords(maxBytes)}, so it is not ${what}`;
}

/** UTF-8 length of a string without allocating a copy of it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

function decode(bytes: Uint8Array): string | null {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
    // `fatal`: a binary file (a PNG, a zip) is refused as "not text", not parsed as garbage.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** The first forbidden key anywhere in a parsed value, found with an explicit stack (no recursion). */
function findForbiddenKey(root: unknown): string | null {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return key;
      stack.push((value as Record<string, unknown>)[key]);
    }
  }
  return null;
}

/** Parses a file someone else made, or says in one clause why it will not. See the module comment. */
export function parseUntrustedJson(
  input: string | Uint8Array,
  options: UntrustedJsonOptions,
): Result<unknown> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const what = options.what;

  // Size first, and cheaply: a string longer than the limit in UTF-16 units is over it in UTF-8 too.
  const knownSize = options.byteLength ?? (typeof input === 'string' ? undefined : input.byteLength);
  if (knownSize !== undefined && knownSize > maxBytes) return err(tooLargeMessage(maxBytes, what));
  if (typeof input === 'string' && (input.length > maxBytes || utf8Length(input) > maxBytes)) {
    return err(tooLargeMessage(maxBytes, what));
  }

  const decoded = typeof input === 'string' ? input : decode(input);
  if (decoded === null) return err(`it is not ${what} (it is not text)`);
  const text = decoded.replace(/^\uFEFF/, '').trim();
  if (text === '') return err('it is empty');
  if (!'{["'.includes(text[0] as string)) return err(`it is not ${what}`);

  const shape = scanJsonShape(text, maxDepth);
  if (shape === 'too-deep')
    return err(`it is nested more than ${maxDepth} levels deep, which no Handover file is`);
  if (shape === 'truncated') return err('it is cut short (truncated)');

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return err(`it is damaged (not valid JSON: ${(error as Error).message})`);
  }
  const forbidden = findForbiddenKey(json);
  if (forbidden !== null) return err(`it holds a key named "${forbidden}", which no Handover file does`);
  return ok(json);
}

/**
 * Text a test can put in every name a file carries, to check it comes out as text: markup that
 * would run if inserted as HTML, and cells a spreadsheet would evaluate (OWASP "CSV injection").
 */
export const HOSTILE_TEXT_SAMPLES: readonly string[] = [
  '<script>alert("handover")</script>',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("https://example.invalid","click")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  'Kaspersky \u202Eexe.txt',
];

/** A cell a spreadsheet would read as a formula (leading =, +, -, @, tab or carriage return). */
export function startsLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#34;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&apos;': "'",
  '&amp;': '&',
};

/**
 * Did `original` (text read from a file) come out as inert text in `rendered`, the way one medium
 * shows it?
 * - 'text' (a React text node, the CLI): unchanged, character for character.
 * - 'html' (the HTML report): no raw `<` or `>` left, and the entities decode back to the original.
 * - 'csv' (a spreadsheet cell, with or without CSV quoting): the original, behind a `'` when it
 *   starts like a formula.
 */
export function survivesAsInertText(
  original: string,
  rendered: string,
  medium: 'text' | 'html' | 'csv',
): boolean {
  if (medium === 'text') return rendered === original;
  if (medium === 'html') {
    if (/[<>]/.test(rendered)) return false;
    return (
      rendered.replace(/&(?:lt|gt|quot|#34|#39|#x27|apos|amp);/g, (e) => HTML_ENTITIES[e] ?? e) === original
    );
  }
  const cell = /^".*"$/s.test(rendered) ? rendered.slice(1, -1).replace(/""/g, '"') : rendered;
  return startsLikeFormula(original) ? cell === `'${original}` : cell === original;
}
