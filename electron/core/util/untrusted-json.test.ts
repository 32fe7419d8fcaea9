import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_BYTES,
  HOSTILE_TEXT_SAMPLES,
  parseUntrustedJson,
  scanJsonShape,
  startsLikeFormula,
  survivesAsInertText,
} from './untrusted-json';

const what = 'a Handover capture';
const parse = (
  input: string | Uint8Array,
  options: { maxBytes?: number; maxDepth?: number; byteLength?: number } = {},
) => parseUntrustedJson(input, { what, ...options });
const errorOf = (result: ReturnType<typeof parse>) => (result.ok ? 'no error' : result.error);

describe('parseUntrustedJson', () => {
  it('parses a JSON object', () => {
    expect(parse('{"format":"x","n":[1,2]}')).toEqual({ ok: true, value: { format: 'x', n: [1, 2] } });
  });

  it('honours a UTF-8 BOM in text and in bytes, and a UTF-16 BOM (Notepad "Unicode")', () => {
    expect(parse('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"a":"é"}')]);
    expect(parse(utf8)).toEqual({ ok: true, value: { a: 'é' } });
    const body = '{"a":"Касперский"}';
    const utf16 = new Uint8Array(2 + body.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < body.length; i += 1) {
      utf16[2 + 2 * i] = body.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = body.charCodeAt(i) >> 8;
    }
    expect(parse(utf16)).toEqual({ ok: true, value: { a: 'Касперский' } });
  });

  it('refuses a file over the limit before parsing it, from the size the caller read', () => {
    // Not JSON at all: only the size check can have refused it.
    expect(errorOf(parse('not json', { byteLength: DEFAULT_MAX_BYTES + 1 }))).toBe(
      'it is larger than 50 MB, so it is not a Handover capture',
    );
    expect(errorOf(parse(new Uint8Array(11), { maxBytes: 10 }))).toBe(
      'it is larger than 10 bytes, so it is not a Handover capture',
    );
  });

  it('counts a string in UTF-8 bytes, not characters', () => {
    const text = `{"a":"${'é'.repeat(6)}"}`; // 14 characters, 20 bytes
    expect(parse(text, { maxBytes: 19 }).ok).toBe(false);
    expect(parse(text, { maxBytes: 20 }).ok).toBe(true);
  });

  it.each([
    ['empty', '  \n', 'it is empty'],
    ['plain text', 'hello', 'it is not a Handover capture'],
    ['cut short in an object', '{"format": "handover.capture", ', 'it is cut short (truncated)'],
    ['cut short in a string', '{"format": "handover.capt', 'it is cut short (truncated)'],
    ['cut short after a backslash', '{"path": "C:\\', 'it is cut short (truncated)'],
  ])('refuses %s with one clause', (_name, text, message) => {
    expect(errorOf(parse(text))).toBe(message);
  });

  it('refuses bytes that are not text', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xd8]);
    expect(errorOf(parse(png))).toBe('it is not a Handover capture (it is not text)');
  });

  it('says a balanced but invalid file is damaged, with the parser’s reason', () => {
    expect(errorOf(parse('{"a": 1,}'))).toMatch(/^it is damaged \(not valid JSON: .+\)$/);
  });

  it('refuses nesting deeper than the limit without recursing (a million levels)', () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    expect(errorOf(parse(deep))).toBe('it is nested more than 64 levels deep, which no Handover file is');
    const at = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    expect(parse(at(64)).ok).toBe(true);
    expect(parse(at(65)).ok).toBe(false);
    expect(parse(at(3), { maxDepth: 2 }).ok).toBe(false);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a key named %s at any depth', (key) => {
    const text = `{"format":"x","records":[{"ok":true},{"data":{"${key}":{"polluted":true}}}]}`;
    expect(errorOf(parse(text))).toBe(`it holds a key named "${key}", which no Handover file does`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('finds a prototype key written with escapes', () => {
    expect(errorOf(parse('{"\\u005f_proto__": {}}'))).toBe(
      'it holds a key named "__proto__", which no Handover file does',
    );
  });

  it('accepts script tags and formulas as data: they are text, not errors', () => {
    const value = { names: HOSTILE_TEXT_SAMPLES };
    const result = parse(JSON.stringify(value));
    expect(result).toEqual({ ok: true, value });
  });
});

describe('scanJsonShape', () => {
  it('ignores brackets inside strings and escaped quotes', () => {
    expect(scanJsonShape('{"a":"[[[[\\"{{{"}', 2)).toBe('complete');
    expect(scanJsonShape('[[[]]]', 2)).toBe('too-deep');
    expect(scanJsonShape('{"a":[1,', 5)).toBe('truncated');
    expect(scanJsonShape('{"a":"b\\', 5)).toBe('truncated');
  });

  /** The first version, one character at a time: the faster one must say the same of any text. */
  function oneCharacterAtATime(text: string, maxDepth: number): string {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i += 1) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i += 1;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') {
        depth += 1;
        if (depth > maxDepth) return 'too-deep';
      } else if (c === '}' || c === ']') depth -= 1;
    }
    return inString || depth > 0 ? 'truncated' : 'complete';
  }

  it('says what the character-by-character scan says, of any text', () => {
    const pieces = fc.constantFrom('{', '}', '[', ']', '"', '\\', '\\"', 'a', ',', ':', ' ', '"x"');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), fc.integer({ min: 0, max: 6 }), (parts, depth) => {
        const text = parts.join('');
        expect(scanJsonShape(text, depth)).toBe(oneCharacterAtATime(text, depth));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('survivesAsInertText', () => {
  const script = '<script>alert("handover")</script>';
  const formula = '=HYPERLINK("https://example.invalid","click")';

  it('text: only the exact original', () => {
    expect(survivesAsInertText(script, script, 'text')).toBe(true);
    expect(survivesAsInertText(script, 'alert("handover")', 'text')).toBe(false);
  });

  it('html: escaped, never raw markup', () => {
    expect(
      survivesAsInertText(script, '&lt;script&gt;alert(&quot;handover&quot;)&lt;/script&gt;', 'html'),
    ).toBe(true);
    expect(survivesAsInertText(script, script, 'html')).toBe(false);
    expect(survivesAsInertText(script, '&lt;script&gt;', 'html')).toBe(false);
  });

  it('csv: a leading formula character is neutralised with a quote', () => {
    expect(survivesAsInertText(formula, `"'=HYPERLINK(""https://example.invalid"",""click"")"`, 'csv')).toBe(
      true,
    );
    expect(survivesAsInertText(formula, `"=HYPERLINK(""https://example.invalid"",""click"")"`, 'csv')).toBe(
      false,
    );
    expect(survivesAsInertText('Kaspersky', 'Kaspersky', 'csv')).toBe(true);
  });

  it('knows which samples a spreadsheet would evaluate', () => {
    expect(HOSTILE_TEXT_SAMPLES.filter(startsLikeFormula)).toHaveLength(4);
  });
});
