/**
 * A binary property list ('bplist00'), read with bounds. The format (Apple's CFBinaryPList.c,
 * opensource.apple.com/source/CF/CF-1153.18/CFBinaryPList.c) stores every object once and lets
 * arrays and dictionaries refer to objects by index, so a file of a few hundred bytes can refer
 * to the same array over and over: a "billion laughs" that expands without bound when the
 * references are copied out into a tree (as @plist/parse does; the 290-byte file hung
 * the CLI). This reader counts what it expands, not what the file holds:
 *
 * - at most MAX_VALUES values (every reference followed counts, shared or not);
 * - at most MAX_DEPTH levels of arrays and dictionaries, and no object inside itself;
 * - at most MAX_TEXT_BYTES bytes of strings and data in all;
 * - every offset, length and reference checked against the file before it is read.
 *
 * An Info.plist holds a few hundred values, a few levels deep, a few kilobytes of text: the
 * bounds are far above any real one. Anything outside them, or malformed, is an error value.
 */
import { err, ok, type Result } from '../../util/result';

export const MAX_VALUES = 100_000;
export const MAX_DEPTH = 64;
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export type PlistValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | Date
  | Uint8Array
  | { readonly CF$UID: number }
  | readonly PlistValue[]
  | { readonly [key: string]: PlistValue };

/** Seconds since 2001-01-01T00:00:00Z, the binary plist's dates (CFAbsoluteTime). */
const APPLE_EPOCH_MS = Date.UTC(2001, 0, 1);
const HEADER = /^bplist0[01]$/;

class Unreadable extends Error {}
const fail = (why: string): never => {
  throw new Unreadable(why);
};

export function parseBinaryPlist(bytes: Uint8Array): Result<PlistValue> {
  try {
    return ok(read(bytes));
  } catch (error) {
    if (error instanceof Unreadable) return err(error.message);
    throw error;
  }
}

function read(bytes: Uint8Array): PlistValue {
  if (bytes.length > MAX_FILE_BYTES) fail(`it is larger than ${MAX_FILE_BYTES} bytes`);
  if (bytes.length < 8 + 32 || !HEADER.test(String.fromCharCode(...bytes.subarray(0, 8)))) {
    fail('it is not a binary property list (no bplist00 header and trailer)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 32;

  /** An unsigned big-endian integer of `size` bytes at `at`, within the file and safe as a number. */
  const uint = (at: number, size: number): number => {
    if (size < 1 || size > 8 || at < 0 || at + size > bytes.length)
      fail(`a value at byte ${at} runs past the end`);
    let value = 0;
    for (let i = 0; i < size; i += 1) value = value * 256 + (bytes[at + i] as number);
    if (!Number.isSafeInteger(value)) fail(`a size or offset at byte ${at} is too large`);
    return value;
  };

  const offsetSize = uint(end + 6, 1);
  const refSize = uint(end + 7, 1);
  const count = uint(end + 8, 8);
  const top = uint(end + 16, 8);
  const tableAt = uint(end + 24, 8);
  if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8)
    fail('its trailer gives impossible sizes');
  if (count < 1 || top >= count) fail('its trailer names no top object');
  if (tableAt < 8 || tableAt + count * offsetSize > end) fail('its offset table lies outside the file');

  let values = 0;
  let textBytes = 0;
  const open = new Set<number>();

  const offsetOf = (index: number): number => {
    if (index >= count) fail(`it refers to object ${index} of ${count}`);
    const at = uint(tableAt + index * offsetSize, offsetSize);
    if (at < 8 || at >= tableAt) fail(`object ${index} lies outside the objects`);
    return at;
  };

  /** A length: the marker's low nibble, or (0xF) the integer object that follows it. */
  const lengthAt = (at: number, nibble: number): { length: number; start: number } => {
    if (nibble !== 0xf) return { length: nibble, start: at + 1 };
    const marker = uint(at + 1, 1);
    if (marker >> 4 !== 0x1 || (marker & 0xf) > 3) fail(`a length at byte ${at} is not an integer`);
    const size = 2 ** (marker & 0xf);
    return { length: uint(at + 2, size), start: at + 2 + size };
  };

  const within = (start: number, length: number, what: string) => {
    if (start + length > tableAt) fail(`${what} at byte ${start} runs past the objects`);
  };

  const text = (length: number) => {
    textBytes += length;
    if (textBytes > MAX_TEXT_BYTES) fail(`it expands to more than ${MAX_TEXT_BYTES} bytes of text`);
  };

  function object(index: number, depth: number): PlistValue {
    values += 1;
    if (values > MAX_VALUES) fail(`it expands to more than ${MAX_VALUES} values (shared references)`);
    const at = offsetOf(index);
    const marker = uint(at, 1);
    const type = marker >> 4;
    const nibble = marker & 0xf;
    switch (type) {
      case 0x0:
        if (marker === 0x08) return false;
        if (marker === 0x09) return true;
        if (marker === 0x00 || marker === 0x0f) return null;
        return fail(`object ${index} has an unknown marker 0x${marker.toString(16)}`);
      case 0x1: {
        if (nibble > 4) fail(`integer ${index} has an impossible size`);
        const size = 2 ** nibble;
        within(at + 1, size, 'an integer');
        // 16-byte integers hold the value in their low 8 bytes (CFBinaryPList.c).
        const from = at + 1 + (size === 16 ? 8 : 0);
        const big = size >= 8 ? view.getBigInt64(from, false) : BigInt(uint(from, size));
        const small = Number(big);
        return Number.isSafeInteger(small) ? small : big;
      }
      case 0x2: {
        if (nibble !== 2 && nibble !== 3) fail(`real ${index} has an impossible size`);
        within(at + 1, 2 ** nibble, 'a real');
        const real = nibble === 2 ? view.getFloat32(at + 1, false) : view.getFloat64(at + 1, false);
        if (!Number.isFinite(real)) fail(`real ${index} is not a finite number`);
        return real;
      }
      case 0x3: {
        if (marker !== 0x33) fail(`date ${index} has an impossible size`);
        within(at + 1, 8, 'a date');
        const seconds = view.getFloat64(at + 1, false);
        const date = new Date(APPLE_EPOCH_MS + seconds * 1000);
        if (!Number.isFinite(seconds) || Number.isNaN(date.getTime())) fail(`date ${index} is not a date`);
        return date;
      }
      case 0x4: {
        const { length, start } = lengthAt(at, nibble);
        within(start, length, 'data');
        text(length);
        return bytes.slice(start, start + length);
      }
      case 0x5:
      case 0x6:
      case 0x7: {
        const { length, start } = lengthAt(at, nibble);
        const size = type === 0x6 ? length * 2 : length;
        within(start, size, 'a string');
        text(size);
        const slice = bytes.subarray(start, start + size);
        if (type === 0x5) return charCodes(slice, 1);
        if (type === 0x7) return new TextDecoder('utf-8').decode(slice);
        return charCodes(slice, 2);
      }
      case 0x8:
        return { CF$UID: uint(at + 1, nibble + 1) };
      case 0xa:
      case 0xb:
      case 0xc:
      case 0xd: {
        if (depth >= MAX_DEPTH) fail(`it nests more than ${MAX_DEPTH} levels deep`);
        if (open.has(index)) fail(`object ${index} contains itself`);
        const { length, start } = lengthAt(at, nibble);
        const refs = type === 0xd ? length * 2 : length;
        within(start, refs * refSize, type === 0xd ? 'a dictionary' : 'an array');
        const ref = (i: number) => uint(start + i * refSize, refSize);
        open.add(index);
        try {
          if (type !== 0xd) return Array.from({ length }, (_, i) => object(ref(i), depth + 1));
          const dict: Record<string, PlistValue> = Object.create(null);
          for (let i = 0; i < length; i += 1) {
            const key = object(ref(i), depth + 1);
            if (typeof key !== 'string') fail(`dictionary ${index} has a key that is not a string`);
            dict[key as string] = object(ref(length + i), depth + 1);
          }
          return dict;
        } finally {
          open.delete(index);
        }
      }
      default:
        return fail(`object ${index} has an unknown type 0x${type.toString(16)}`);
    }
  }

  return object(top, 0);
}

/** ASCII (one byte a character) or UTF-16 big-endian (two), in chunks a call can take. */
function charCodes(slice: Uint8Array, width: 1 | 2): string {
  const codes: number[] = [];
  for (let i = 0; i + width <= slice.length; i += width) {
    codes.push(width === 1 ? (slice[i] as number) : ((slice[i] as number) << 8) | (slice[i + 1] as number));
  }
  let text = '';
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode(...codes.slice(i, i + 8192));
  return text;
}
