import { describe, expect, it } from 'vitest';
import { readRfc1123Date } from './rfc1123-date';

describe('readRfc1123Date', () => {
  it('reads SecurityCenter2 timestamps [S4]', () => {
    expect(readRfc1123Date('Wed, 15 Dec 2021 12:40:10 GMT')).toEqual({
      kind: 'date',
      iso: '2021-12-15T12:40:10.000Z',
      zone: 'utc',
    });
    expect(readRfc1123Date('Fri, 15 Oct 2021 22:32:01 GMT')).toMatchObject({
      iso: '2021-10-15T22:32:01.000Z',
    });
  });

  it('rejects impossible dates and other formats', () => {
    expect(readRfc1123Date('Wed, 31 Feb 2021 12:40:10 GMT')).toMatchObject({ kind: 'unreadable' });
    expect(readRfc1123Date('Wed, 15 Foo 2021 12:40:10 GMT')).toMatchObject({ kind: 'unreadable' });
    expect(readRfc1123Date('15.12.2021 12:40:10')).toBeNull();
  });
});
