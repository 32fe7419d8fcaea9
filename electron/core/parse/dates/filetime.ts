/**
 * Windows FILETIME: 100-nanosecond intervals since 1601-01-01 UTC (Microsoft Learn, "FILETIME
 * structure"). Kaspersky keeps its last update time this way in
 * ...\KasperskyLab\AVP21.24\Data\UpdateState value LastUpdate [S52]. The registry may hold it
 * as a QWORD (a number here) or as 8 little-endian bytes of REG_BINARY (a hex string, as the
 * scan script writes binary values).
 */
import { type DateReading, never, readingFromDate, unreadable } from './date-reading';

/** Milliseconds between 1601-01-01 and 1970-01-01. */
const FILETIME_EPOCH_OFFSET_MS = 11_644_473_600_000;

export function readFiletime(value: number | bigint): DateReading {
  // A FILETIME is a whole 64-bit count: 1e999 (Infinity), NaN or 1.5 is not one.
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    return Number.isInteger(value) && value > 0
      ? readFiletime(BigInt(value))
      : unreadable(`${value} is not a FILETIME`);
  }
  const ticks = typeof value === 'bigint' ? value : BigInt(value);
  if (ticks < 0n) return unreadable('negative FILETIME');
  if (ticks === 0n) return never;
  if (ticks >= 2n ** 64n) return unreadable(`${ticks} is more than 64 bits`);
  const ms = Number(ticks / 10_000n) - FILETIME_EPOCH_OFFSET_MS;
  return readingFromDate(new Date(ms));
}

/** 16 hex digits, little-endian (REG_BINARY of a FILETIME). */
export function readFiletimeHex(hex: string): DateReading {
  if (!/^[0-9a-fA-F]{16}$/.test(hex)) return unreadable(`'${hex}' is not 8 bytes of hex`);
  let ticks = 0n;
  for (let i = 7; i >= 0; i--)
    ticks = (ticks << 8n) | BigInt(Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  return readFiletime(ticks);
}
