/**
 * For tests only: binary property lists built byte by byte to Apple's format (CFBinaryPList.c:
 * header, objects, offset table, 32-byte trailer), to test what real files never do. Nothing
 * here is a real record: each builder says what it makes.
 */

/** A binary plist from its objects' bytes (object i at index i), 1-byte offsets and references. */
export function binaryPlist(objects: readonly (readonly number[])[], top = 0): Uint8Array {
  const header = [...'bplist00'].map((c) => c.charCodeAt(0));
  const offsets: number[] = [];
  const body: number[] = [];
  for (const object of objects) {
    offsets.push(header.length + body.length);
    body.push(...object);
  }
  const tableAt = header.length + body.length;
  const offsetSize = tableAt + offsets.length > 255 ? 2 : 1;
  const table = offsets.flatMap((o) => (offsetSize === 2 ? [o >> 8, o & 0xff] : [o]));
  const u64 = (n: number) => [0, 0, 0, 0, 0, 0, (n >> 8) & 0xff, n & 0xff];
  const trailer = [0, 0, 0, 0, 0, 0, offsetSize, 1, ...u64(objects.length), ...u64(top), ...u64(tableAt)];
  return Uint8Array.from([...header, ...body, ...table, ...trailer]);
}

/** An ASCII string object. */
export const asciiString = (text: string): number[] => [
  0x50 | text.length,
  ...[...text].map((c) => c.charCodeAt(0)),
];

/**
 * The "billion laughs" of issue 11: `levels` arrays, each holding `width` references to the
 * next, the last holding a short string. 15 levels of 14 take 285 bytes and expand to
 * 14^15 (about 1.6e17) values when references are copied out.
 */
export function billionLaughsPlist(levels = 15, width = 14): Uint8Array {
  const arrays = Array.from({ length: levels }, (_, i) => [0xa0 | width, ...Array(width).fill(i + 1)]);
  return binaryPlist([...arrays, asciiString('lol')]);
}

export const base64Of = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
