/**
 * The check character: the value c that makes w1·v1 + … + w7·v7 + 1·c ≡ 0 (mod 31), with the
 * weights 8, 7, …, 2 on the seven data symbols (left to right) and 1 on the check itself.
 *
 * Why this catches every single substitution: changing symbol i from a to b moves the sum by
 * wi·(b − a); 31 is prime, wi is between 1 and 8 and b − a between −30 and 30 (not 0), so the
 * product is never a multiple of 31. Why it catches every swap of two different symbols (next to
 * each other or not): swapping positions i and j moves the sum by (wi − wj)·(b − a), and the
 * weights are all different and all below 31.
 */
import { RADIX } from './alphabet';

export const DATA_LENGTH = 7;
export const CODE_LENGTH = DATA_LENGTH + 1;

/** Weight of the symbol at `position` (0-based, left to right, the check character last). */
export const weightAt = (position: number): number => CODE_LENGTH - position;

function weightedSum(values: readonly number[]): number {
  return values.reduce((sum, value, position) => sum + weightAt(position) * value, 0);
}

/** The check value for seven data values. */
export function checkValueOf(data: readonly number[]): number {
  if (data.length !== DATA_LENGTH) throw new RangeError(`expected ${DATA_LENGTH} values, got ${data.length}`);
  return (RADIX - (weightedSum(data) % RADIX)) % RADIX;
}

/** Whether eight values (seven data, then the check) are consistent. */
export function checkHolds(values: readonly number[]): boolean {
  return values.length === CODE_LENGTH && weightedSum(values) % RADIX === 0;
}
