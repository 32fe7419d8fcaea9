import { describe, expect, it } from 'vitest';
import { dropFileName, safeHostPart } from './drop-file-name';

describe('the drop file name', () => {
  it('is the host name and the machine id, lower case', () => {
    expect(dropFileName('DESKTOP-7F3K2Q1', 'a1b2c3d4e5f60718293a4b5c6d7e8f90')).toBe(
      'desktop-7f3k2q1-a1b2c3d4e5f60718293a4b5c6d7e8f90.json',
    );
  });

  it('cannot climb out of the folder, hide, or hold what a file system refuses', () => {
    expect(safeHostPart('../../etc/passwd')).toBe('etc_passwd');
    expect(safeHostPart('.hidden')).toBe('hidden');
    expect(safeHostPart('PC:07\\x*?"<>|')).toBe('pc_07_x______');
    expect(safeHostPart('Jörg\u202Epc')).toBe('j_rg_pc');
    expect(safeHostPart('')).toBe('unnamed');
    expect(safeHostPart(null)).toBe('unnamed');
    expect(safeHostPart('a'.repeat(100))).toHaveLength(63);
  });

  it('says so when there is no machine id', () => {
    expect(dropFileName('PC-07', null)).toBe('pc-07-no-machine-id.json');
  });
});
