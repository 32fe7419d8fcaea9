import { describe, expect, it } from 'vitest';
import { oneLine, terminalSafeJson, visibleText } from './visible-text';

describe('visibleText', () => {
  it('shows control and bidirectional characters as code points, keeps newlines, tabs and other text', () => {
    expect(visibleText('file\u202Etxt.exe')).toBe('file[U+202E]txt.exe');
    expect(visibleText('a\u0000b\u001bc\u0085d\u2066e\u200f')).toBe(
      'a[U+0000]b[U+001B]c[U+0085]d[U+2066]e[U+200F]',
    );
    expect(visibleText('Kaspersky Endpoint Security 10 für Windows\n\tÜ — 日本')).toBe(
      'Kaspersky Endpoint Security 10 für Windows\n\tÜ — 日本',
    );
  });
});

describe('oneLine', () => {
  it('a value cannot add lines', () => {
    expect(oneLine('Evil\r\nVerdict: Protected\u2028x')).toBe('Evil Verdict: Protected[U+2028]x');
  });

  it('cuts long values and says so', () => {
    expect(oneLine('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(oneLine('  spaced   out  ')).toBe('spaced out');
  });
});

describe('terminalSafeJson', () => {
  it('escapes what a terminal would obey as \\uXXXX, so the JSON value is unchanged', () => {
    const value = { name: 'Evil\u001b]52;c;aGk=\u0007\u009b31m\u202eAV', fine: 'Kaspersky 21.3' };
    const json = terminalSafeJson(JSON.stringify(value));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for them.
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(json).toContain('\\u009b');
    expect(JSON.parse(json)).toEqual(value);
  });
});
