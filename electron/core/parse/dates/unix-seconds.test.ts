import { describe, expect, it } from 'vitest';
import { readUnixSecondsDword } from './unix-seconds';

describe('readUnixSecondsDword', () => {
  it('reads seconds since 1970', () => {
    expect(readUnixSecondsDword(1_639_572_010)).toEqual({
      kind: 'date',
      iso: '2021-12-15T12:40:10.000Z',
      zone: 'utc',
    });
  });

  it('treats 0xFFFFFFFF (also as signed -1) and 0 as never [S22]', () => {
    expect(readUnixSecondsDword(0xffffffff)).toEqual({ kind: 'never' });
    expect(readUnixSecondsDword(-1)).toEqual({ kind: 'never' });
    expect(readUnixSecondsDword(0)).toEqual({ kind: 'never' });
  });

  it('rejects values that are not a DWORD', () => {
    expect(readUnixSecondsDword(1.5)).toMatchObject({ kind: 'unreadable' });
    expect(readUnixSecondsDword(-7)).toMatchObject({ kind: 'unreadable' });
  });
});
