import { describe, expect, it } from 'vitest';
import { asciiString, billionLaughsPlist, binaryPlist } from '../../test-support/crafted-plists';
import { MAX_DEPTH, MAX_TEXT_BYTES, parseBinaryPlist } from './binary-plist';

// A binary plist written by Python's plistlib (FMT_BINARY), as in plist-info.test.ts: real keys
// and values put together for the test [S97][S92]; not a real file.
const PLISTLIB =
  'YnBsaXN0MDDUAQIDBAUGBwhfEBJDRkJ1bmRsZUlkZW50aWZpZXJcQ0ZCdW5kbGVOYW1lXxAaQ0ZCdW5kbGVTaG9ydFZlcnNpb25TdHJpbmdfEA9DRkJ1bmRsZVZlcnNpb25fEBFjb20ua2FzcGVyc2t5Lmthdl8QHEthc3BlcnNreSBBbnRpLVZpcnVzIEZvciBNYWNaMjYuMC4wLjE1MFMxNTAIESYzUGJ2laAAAAAAAAABAQAAAAAAAAAJAAAAAAAAAAAAAAAAAAAApA==';

const errorOf = (bytes: Uint8Array) => {
  const read = parseBinaryPlist(bytes);
  return read.ok ? null : read.error;
};

describe('parseBinaryPlist', () => {
  it('reads what plistlib writes', () => {
    expect(parseBinaryPlist(Uint8Array.from(Buffer.from(PLISTLIB, 'base64')))).toEqual({
      ok: true,
      value: {
        CFBundleIdentifier: 'com.kaspersky.kav',
        CFBundleName: 'Kaspersky Anti-Virus For Mac',
        CFBundleShortVersionString: '26.0.0.150',
        CFBundleVersion: '150',
      },
    });
  });

  it('reads every kind of object: booleans, integers, reals, dates, data, UTF-16 strings, UIDs', () => {
    const plist = binaryPlist([
      [0xa8, 1, 2, 3, 4, 5, 6, 7, 8],
      [0x09],
      [0x11, 0x01, 0x00],
      [0x23, 0x40, 0x09, 0x21, 0xfb, 0x54, 0x44, 0x2d, 0x18],
      // 2024-09-29T04:00:00Z is 749275200 seconds after 2001-01-01.
      [0x33, ...new Uint8Array(new Float64Array([749275200]).buffer).reverse()],
      [0x42, 0xca, 0xfe],
      [0x62, 0x04, 0x1a, 0x04, 0x30],
      [0x80, 0x07],
      [0x13, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
    ]);
    expect(parseBinaryPlist(plist)).toEqual({
      ok: true,
      value: [
        true,
        256,
        Math.PI,
        new Date('2024-09-29T04:00:00Z'),
        Uint8Array.from([0xca, 0xfe]),
        'Ка',
        { CF$UID: 7 },
        -1,
      ],
    });
  });

  it('the 285-byte "billion laughs" of shared references is refused at once, not expanded', () => {
    const bomb = billionLaughsPlist();
    expect(bomb.length).toBe(285);
    expect(errorOf(bomb)).toBe('it expands to more than 100000 values (shared references)');
  });

  it('an array inside itself is refused, and so is nesting deeper than the bound', () => {
    expect(errorOf(binaryPlist([[0xa1, 0]]))).toBe('object 0 contains itself');
    const deep = Array.from({ length: MAX_DEPTH + 2 }, (_, i) => [0xa1, i + 1]);
    expect(errorOf(binaryPlist([...deep, [0x09]]))).toBe(`it nests more than ${MAX_DEPTH} levels deep`);
  });

  it('text shared many times counts every time it is copied out', () => {
    // One 1,000-byte string referred to by 14 × 14 × 14 × 14 (38,416) slots: 38 MB of text.
    const long = [0x5f, 0x11, 0x03, 0xe8, ...Array(1000).fill(0x61)];
    const arrays = Array.from({ length: 4 }, (_, i) => [0xae, ...Array(14).fill(i + 1)]);
    expect(errorOf(binaryPlist([...arrays, long]))).toBe(
      `it expands to more than ${MAX_TEXT_BYTES} bytes of text`,
    );
  });

  it.each([
    ['no header', Uint8Array.from(Array(60).fill(0))],
    ['cut short', Uint8Array.from(Buffer.from(PLISTLIB, 'base64')).subarray(0, 40)],
    ['a reference past the objects', binaryPlist([[0xa1, 9]])],
    ['a string longer than the file', binaryPlist([[0x5f, 0x10, 0xff, 0x61]])],
    ['a real that is not finite', binaryPlist([[0x23, 0x7f, 0xf0, 0, 0, 0, 0, 0, 0]])],
    ['a dictionary key that is not a string', binaryPlist([[0xd1, 1, 1], [0x09]])],
    ['an unknown marker', binaryPlist([[0xe0]])],
  ])('%s: an error value, never an exception', (_name, bytes) => {
    expect(errorOf(bytes)).toEqual(expect.any(String));
  });

  it('a key named __proto__ is an ordinary key', () => {
    const read = parseBinaryPlist(binaryPlist([[0xd1, 1, 2], asciiString('__proto__'), [0x09]]));
    expect(read.ok && Object.keys(read.value as object)).toEqual(['__proto__']);
    expect(read.ok && Object.getPrototypeOf(read.value)).toBeNull();
  });
});
