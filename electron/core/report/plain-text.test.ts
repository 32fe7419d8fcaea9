import { describe, expect, it } from 'vitest';
import { oneLine, visibleText } from './plain-text';

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
