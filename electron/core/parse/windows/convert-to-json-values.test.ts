import { describe, expect, it } from 'vitest';
import { asList, evidenceRecord, fieldReader, readDateValue } from './convert-to-json-values';

describe('asList', () => {
  it('accepts the single object ConvertTo-Json writes for one result (win7-mse fixture)', () => {
    const single = { displayName: 'Microsoft Security Essentials', productState: 397328 };
    expect(asList(single)).toEqual([single]);
    expect(asList([single, single])).toHaveLength(2);
    expect(asList(null)).toEqual([]);
  });

  it('unwraps the {"value":[…],"Count":n} form of 5.1 arrays with the ETS Count alias (PowerShell/PowerShell#3222)', () => {
    const entry = { Name: 'WinDefend' };
    expect(asList({ value: [entry, entry], Count: 2 })).toEqual([entry, entry]);
    // An object that merely has a "value" list is still one object.
    expect(asList({ value: [1], Name: 'x' })).toEqual([{ value: [1], Name: 'x' }]);
  });

  it('reads the ISO 8601 dates of the /2 script (Get-Date -Format o), in every offset form', () => {
    expect(readDateValue('2025-03-11T01:52:18.0000000Z')).toMatchObject({ iso: '2025-03-11T01:52:18.000Z' });
    expect(readDateValue('2025-03-11T02:52:18.0000000+01:00')).toMatchObject({
      iso: '2025-03-11T01:52:18.000Z',
    });
  });
});

describe('readDateValue', () => {
  it('reads every date form Windows writes', () => {
    expect(readDateValue('/Date(1587038339000)/')).toMatchObject({ iso: '2020-04-16T11:58:59.000Z' });
    expect(readDateValue('20250311015218.000000+000')).toMatchObject({ iso: '2025-03-11T01:52:18.000Z' });
    expect(readDateValue('Wed, 15 Dec 2021 12:40:10 GMT')).toMatchObject({ iso: '2021-12-15T12:40:10.000Z' });
    expect(readDateValue('3/11/2025 1:52:18 AM', 'en-US')).toMatchObject({
      iso: '2025-03-11T01:52:18.000Z',
      zone: 'local-read-as-utc',
    });
    expect(readDateValue('2025-03-11T01:52:18Z')).toMatchObject({
      iso: '2025-03-11T01:52:18.000Z',
      zone: 'utc',
    });
    expect(readDateValue('2025-03-11T03:52:18+02:00')).toMatchObject({ iso: '2025-03-11T01:52:18.000Z' });
  });

  it('reads the Get-Date ETS wrapper of Windows PowerShell 5.1', () => {
    expect(
      readDateValue({
        value: '/Date(1720919582928)/',
        DisplayHint: 2,
        DateTime: 'Sunday 14 July 2024 02:13:02',
      }),
    ).toMatchObject({ iso: '2024-07-14T01:13:02.928Z' });
  });

  it('gives never for 1601, undefined for empty, unreadable for ambiguous or junk', () => {
    expect(readDateValue('01.01.1601 6:00:00')).toEqual({ kind: 'never' });
    expect(readDateValue('')).toBeUndefined();
    expect(readDateValue(null)).toBeUndefined();
    expect(readDateValue('3/11/2025 1:52:18 AM')).toMatchObject({ kind: 'unreadable' });
    expect(readDateValue('soon')).toMatchObject({ kind: 'unreadable' });
    expect(readDateValue(42)).toMatchObject({ kind: 'unreadable' });
  });
});

describe('fieldReader', () => {
  it('reads typed fields and collects problems', () => {
    const f = fieldReader(
      { a: 'x', b: 5, c: '7', d: 'False', e: true, bad: [1], empty: '  ', flag: 'yes' },
      'record 1',
    );
    expect(f.string('a')).toBe('x');
    expect(f.string('empty')).toBeUndefined();
    expect(f.number('b')).toBe(5);
    expect(f.number('c')).toBe(7);
    expect(f.boolean('d')).toBe(false);
    expect(f.boolean('e')).toBe(true);
    expect(f.string('missing')).toBeUndefined();
    expect(f.problems).toEqual([]);
    expect(f.string('bad')).toBeUndefined();
    expect(f.boolean('flag')).toBeUndefined();
    expect(f.problems).toEqual([
      'record 1: bad is [1], not text',
      'record 1: flag is "yes", not true or false',
    ]);
  });
});

describe('evidenceRecord', () => {
  it('keeps records short', () => {
    expect(evidenceRecord({ a: 'x'.repeat(1000) }, 20)).toHaveLength(20);
    expect(evidenceRecord({ a: 1 })).toBe('{"a":1}');
  });
});

describe('fieldReader.text', () => {
  it('accepts text or a number as text', () => {
    const f = fieldReader({ a: 19045, b: '244', c: true }, 'os');
    expect(f.text('a')).toBe('19045');
    expect(f.text('b')).toBe('244');
    expect(f.text('c')).toBeUndefined();
    expect(f.problems).toEqual(['os: c is true, not text']);
  });
});
