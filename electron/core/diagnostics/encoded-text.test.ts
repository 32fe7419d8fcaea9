import { describe, expect, it } from 'vitest';
import { blobsIn, maskBlobs, maskBytes, percentDecoded, termPattern, textViews } from './encoded-text';

const maskName = (view: string) => view.replace(/marguerite/gi, (m) => '*'.repeat(m.length));
const utf16 = (text: string, little: boolean) =>
  Uint8Array.from([...text].flatMap((c) => (little ? [c.charCodeAt(0), 0] : [0, c.charCodeAt(0)])));

describe('maskBytes', () => {
  it.each([
    ['ASCII', new TextEncoder().encode('x Marguerite y')],
    ['UTF-16LE', utf16('x Marguerite y', true)],
    ['UTF-16BE', utf16('x Marguerite y', false)],
    ['UTF-16LE at an odd offset', Uint8Array.from([7, ...utf16('x Marguerite y', true)])],
  ])('masks a name written in %s, byte for byte, in that encoding', (_how, bytes) => {
    const masked = Uint8Array.from(bytes);
    expect(maskBytes(masked, maskName)).toBe(true);
    expect(masked.length).toBe(bytes.length);
    expect(textViews(masked).some((view) => /marguerite/i.test(view))).toBe(false);
    expect(textViews(masked).some((view) => view.includes('x ********** y'))).toBe(true);
  });

  it('changes nothing where there is no name', () => {
    const bytes = Uint8Array.from([0, 208, 180, 171, 47, 66, 219, 1]);
    expect(maskBytes(bytes, maskName)).toBe(false);
    expect([...bytes]).toEqual([0, 208, 180, 171, 47, 66, 219, 1]);
  });
});

describe('maskBlobs', () => {
  it('writes a hex blob back in its case and a base64 blob in its alphabet and padding', () => {
    const hex = [...new TextEncoder().encode('Marguerite!')]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('');
    const standard = btoa('/home/Marguerite/x');
    const urlSafe = btoa('C:\\Users\\Marguerite\\?>')
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    const text = `a=${hex.toUpperCase()} b=${standard} c=${urlSafe} d=0x${hex}`;
    const masked = maskBlobs(text, maskName);
    const [a, b, c, d] = masked.split(' ').map((part) => part.slice(2));
    expect(a).toBe(
      [...new TextEncoder().encode('**********!')]
        .map((x) => x.toString(16).padStart(2, '0'))
        .join('')
        .toUpperCase(),
    );
    expect(atob(b as string)).toBe('/home/**********/x');
    expect(c).not.toMatch(/[+/=]/);
    expect(atob((c as string).replace(/-/g, '+').replace(/_/g, '/'))).toBe('C:\\Users\\**********\\?>');
    expect(d?.startsWith('0x')).toBe(true);
    expect(masked.length).toBe(text.length);
  });

  it('finds the blobs of a text, and leaves text without a name untouched', () => {
    expect(blobsIn('plain words only').length).toBe(0);
    const clean = 'version 21.2.16.590 hash 92baacd59fd26e6bcf03077add78d209';
    expect(maskBlobs(clean, maskName)).toBe(clean);
  });
});

describe('percentDecoded', () => {
  it('reads %XX runs as UTF-8, and leaves a run that is not UTF-8 as it is', () => {
    expect(percentDecoded('C%3A%5CUsers%5CJ%C3%B6rg%20M%C3%BCller')).toBe('C:\\Users\\Jörg Müller');
    expect(percentDecoded('bad %C3 and %ZZ')).toBe('bad %C3 and %ZZ');
  });
});

describe('termPattern', () => {
  it.each([
    'Jörg Müller',
    'JÖRG MÜLLER',
    'Jo\u0308rg Mu\u0308ller',
    'J%C3%B6rg%20M%C3%BCller',
    'j%c3%b6rg+m%c3%bcller',
    'J\\u00f6rg M\\u00fcller',
    'JÃ¶rg MÃ¼ller',
  ])('matches the name written as %s', (written) => {
    expect(new RegExp(`^${termPattern('Jörg Müller')}$`, 'iu').test(written)).toBe(true);
  });

  it('matches an apostrophe straight, typographic or encoded, and nothing else in its place', () => {
    const pattern = new RegExp(`^${termPattern("O'Brien")}$`, 'iu');
    for (const written of ["O'Brien", 'O\u2019Brien', 'O%27Brien', 'o%E2%80%99brien'])
      expect(pattern.test(written)).toBe(true);
    expect(pattern.test('OBrien')).toBe(false);
    expect(pattern.test('O Brien')).toBe(false);
  });
});
