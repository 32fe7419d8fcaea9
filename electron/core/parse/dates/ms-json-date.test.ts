import { describe, expect, it } from 'vitest';
import { readMsJsonDate } from './ms-json-date';

describe('readMsJsonDate', () => {
  it('reads the escaped and the unescaped (after JSON.parse) spelling', () => {
    const expected = { kind: 'date', iso: '2020-04-16T11:58:59.000Z', zone: 'utc' };
    expect(readMsJsonDate('\\/Date(1587038339000)\\/')).toEqual(expected);
    expect(readMsJsonDate(JSON.parse('"\\/Date(1587038339000)\\/"'))).toEqual(expected);
  });

  it('ignores a display offset suffix and reads negative ticks before 1970', () => {
    expect(readMsJsonDate('/Date(1587038339000+0200)/')).toMatchObject({ iso: '2020-04-16T11:58:59.000Z' });
    expect(readMsJsonDate('/Date(-11644473600000)/')).toEqual({ kind: 'never' });
  });

  it('returns null for anything else', () => {
    expect(readMsJsonDate('Date(1587038339000)')).toBeNull();
    expect(readMsJsonDate('2020-04-16')).toBeNull();
  });
});
