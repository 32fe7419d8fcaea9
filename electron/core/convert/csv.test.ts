import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, csvRecord } from './csv';

describe('csvField (RFC 4180)', () => {
  it('leaves plain values, non-ASCII included, as they are', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('')).toBe('');
    expect(csvField('пароль 密码 🔐')).toBe('пароль 密码 🔐');
    expect(csvField('in side')).toBe('in side');
  });

  it('quotes commas, quotes, CR and LF, doubling the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('"')).toBe('""""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
  });

  it('quotes leading or trailing spaces and tabs so no importer trims them', () => {
    expect(csvField(' x')).toBe('" x"');
    expect(csvField('x ')).toBe('"x "');
    expect(csvField('\tx')).toBe('"\tx"');
  });

  it('applies no spreadsheet-formula escaping: the value is for an importer, not a spreadsheet', () => {
    for (const value of ['=1+2', '+1', '-1', '@SUM(A1)', "'quoted"]) expect(csvField(value)).toBe(value);
  });
});

describe('csvRecord and csvDocument', () => {
  it('joins fields with commas and ends every record with CRLF', () => {
    expect(csvRecord(['a', 'b,c', ''])).toBe('a,"b,c",');
    expect(
      csvDocument(
        ['h1', 'h2'],
        [
          ['1', '2'],
          ['', 'x\ny'],
        ],
      ),
    ).toBe('h1,h2\r\n1,2\r\n,"x\ny"\r\n');
    expect(csvDocument(['only'], [])).toBe('only\r\n');
  });
});
