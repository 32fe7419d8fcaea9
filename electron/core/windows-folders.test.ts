import { describe, expect, it } from 'vitest';
import { checkedFolder, lookupEnv, programFiles, system32Path, systemRoot } from './windows-folders';

describe('windows-folders', () => {
  it('finds variables whatever the case of their names, as Windows does', () => {
    expect(lookupEnv({ SYSTEMROOT: 'C:\\Windows' }, 'SystemRoot')).toBe('C:\\Windows');
    expect(lookupEnv({ SystemRoot: '' }, 'systemroot')).toBeUndefined();
  });

  it('builds System32 and Sysnative paths from %SystemRoot% (or %windir%)', () => {
    expect(system32Path({ SystemRoot: 'C:\\Windows\\' }, 'reg.exe')).toEqual({
      ok: true,
      value: 'C:\\Windows\\System32\\reg.exe',
    });
    expect(system32Path({ windir: 'D:\\WINNT' }, 'msiexec.exe', { sysnative: true })).toEqual({
      ok: true,
      value: 'D:\\WINNT\\Sysnative\\msiexec.exe',
    });
  });

  it('takes the 64-bit Program Files folder where WOW64 sets it', () => {
    expect(
      programFiles({ ProgramFiles: 'C:\\Program Files (x86)', ProgramW6432: 'C:\\Program Files' }),
    ).toEqual({
      ok: true,
      value: 'C:\\Program Files',
    });
  });

  // Issue 10 point 7: a tampered environment must not point Handover at another program.
  it.each([
    [undefined, 'is not known to Handover'],
    ['Windows', 'is "Windows", which is not a local folder'],
    ['\\\\server\\share\\Windows', 'which is not a local folder'],
    ['%TEMP%\\x', 'which is not a local folder'],
    ['C:\\Windows\\..\\Users\\x', 'which is not a local folder'],
    ['C:\\Win"dows', 'which is not a local folder'],
    ['C:\\Win\ndows', 'which is not a local folder'],
  ])('refuses %j as a folder', (value, why) => {
    const result = checkedFolder(value, 'the Windows folder (%SystemRoot%)');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain(why);
    expect(systemRoot({ SystemRoot: value }).ok).toBe(false);
  });
});
