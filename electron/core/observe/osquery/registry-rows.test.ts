/**
 * osquery's registry data as registry.cpp (osquery a5b14f63) renders it: REG_DWORD through
 * std::to_string(*((int*)…)), so signed; REG_QWORD unsigned; REG_BINARY upper-case hex; REG_MULTI_SZ
 * joined with ","; REG_EXPAND_SZ unexpanded. Values made for the test.
 */
import { describe, expect, it } from 'vitest';
import { registryKeys, registryValue, shortHive } from './registry-rows';

describe('registry rows as the scan script writes values', () => {
  it('undoes the sign of a DWORD', () => {
    expect(registryValue('REG_DWORD', '-1')).toBe(0xffffffff);
    expect(registryValue('REG_DWORD', '-2147483648')).toBe(0x80000000);
    expect(registryValue('REG_DWORD', '1')).toBe(1);
    expect(registryValue('REG_DWORD_BIG_ENDIAN', '-16777216')).toBe(0xff000000);
  });

  it('keeps QWORDs, hex and text as they are, and no data as none', () => {
    expect(registryValue('REG_QWORD', '133546080000000000')).toBe('133546080000000000');
    expect(registryValue('REG_QWORD', '42')).toBe(42);
    expect(registryValue('REG_BINARY', '00A0E7D1C4A9DA01')).toBe('00A0E7D1C4A9DA01');
    expect(registryValue('REG_SZ', '')).toBe('');
    expect(registryValue('REG_SZ', undefined)).toBeUndefined();
  });

  it('groups values by key and says what was lost on the way', () => {
    const keys = registryKeys([
      { key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\X', name: 'A', type: 'REG_DWORD', data: '-1' },
      { key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\X', name: 'B', type: 'REG_EXPAND_SZ', data: '%ProgramFiles%\\X' },
      { key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\X', name: 'C', type: 'REG_MULTI_SZ', data: 'a,b' },
      { key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\X', name: 'Sub', type: 'subkey', data: '' },
    ]);
    expect(keys).toEqual([
      {
        key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\X',
        values: { A: 0xffffffff, B: '%ProgramFiles%\\X', C: 'a,b' },
        notes: [
          'A: osquery wrote the DWORD signed (-1), read as 4294967295',
          'B: REG_EXPAND_SZ as stored, not expanded',
          'C: REG_MULTI_SZ, its parts joined with ","',
        ],
      },
    ]);
    expect(shortHive('HKEY_LOCAL_MACHINE\\SOFTWARE\\KasperskyLab')).toBe('HKLM\\SOFTWARE\\KasperskyLab');
  });
});
