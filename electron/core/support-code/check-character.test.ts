import { describe, expect, it } from 'vitest';
import { CODE_LENGTH, checkHolds, checkValueOf, weightAt } from './check-character';

describe('the check character', () => {
  it('weighs every position differently, by 1 to 8: never 0 and never a multiple of 31', () => {
    const weights = Array.from({ length: CODE_LENGTH }, (_, i) => weightAt(i));
    expect(weights).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('makes the weighted sum a multiple of 31', () => {
    const data = [17, 6, 16, 23, 16, 6, 27];
    expect(checkValueOf(data)).toBe(2);
    expect(checkHolds([...data, 2])).toBe(true);
    expect(checkHolds([...data, 3])).toBe(false);
    expect(checkValueOf([0, 0, 0, 0, 0, 0, 0])).toBe(0);
  });
});
