import { describe, expect, it } from 'vitest';
import { readFiletime, readFiletimeHex } from './filetime';

// 2021-12-15T12:40:10Z = 1639572010 s since 1970; FILETIME = (1639572010 + 11644473600) * 1e7.
const TICKS = (1_639_572_010n + 11_644_473_600n) * 10_000_000n;

describe('FILETIME', () => {
  it('reads a QWORD FILETIME', () => {
    expect(readFiletime(TICKS)).toEqual({ kind: 'date', iso: '2021-12-15T12:40:10.000Z', zone: 'utc' });
    expect(readFiletime(Number(TICKS))).toMatchObject({ iso: '2021-12-15T12:40:10.000Z' });
  });

  it('reads 8 little-endian bytes of REG_BINARY', () => {
    const hex = TICKS.toString(16).padStart(16, '0');
    const littleEndian = hex.match(/../g)?.reverse().join('') ?? '';
    expect(readFiletimeHex(littleEndian)).toMatchObject({ iso: '2021-12-15T12:40:10.000Z' });
  });

  it('treats 0 as never and rejects malformed input', () => {
    expect(readFiletime(0)).toEqual({ kind: 'never' });
    expect(readFiletimeHex('0000000000000000')).toEqual({ kind: 'never' });
    expect(readFiletimeHex('abc')).toMatchObject({ kind: 'unreadable' });
    expect(readFiletime(-5)).toMatchObject({ kind: 'unreadable' });
  });

  it('a number that is no whole 64-bit count (1e999 reads as Infinity) is unreadable, never an exception', () => {
    for (const value of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, 1.5, 2 ** 70]) {
      expect(readFiletime(value)).toMatchObject({ kind: 'unreadable' });
    }
    expect(readFiletime(2n ** 64n)).toMatchObject({ kind: 'unreadable' });
  });
});
