import { describe, expect, it } from 'vitest';
import { isInside, normalizeWindowsPath } from './windows-path';

const normal = (text: string) => {
  const path = normalizeWindowsPath(text);
  if (!path.ok) throw new Error(path.error);
  return path.value;
};
const refusal = (text: string) => {
  const path = normalizeWindowsPath(text);
  if (path.ok) throw new Error(`expected a refusal, got ${path.value.path}`);
  return path.error;
};

describe('normalizeWindowsPath', () => {
  it('reads slashes, repeated separators, "." and ".." as Win32 does, and keeps the case as written', () => {
    expect(normal('c:/Program Files//Vendor/./x86/../un.exe')).toEqual({
      path: 'C:\\Program Files\\Vendor\\un.exe',
      key: 'c:\\program files\\vendor\\un.exe',
      segments: ['Program Files', 'Vendor', 'un.exe'],
    });
    expect(normal('C:\\').path).toBe('C:\\');
    expect(normal('C:\\Program Files\\').path).toBe('C:\\Program Files');
  });

  it.each([
    ['\\\\?\\C:\\Windows\\System32\\cmd.exe', /device path/],
    ['//?/C:/Windows/System32/cmd.exe', /device path/],
    ['\\\\.\\C:\\Windows\\System32\\cmd.exe', /device path/],
    ['\\??\\C:\\Windows\\System32\\cmd.exe', /device path/],
    ['\\\\server\\share\\un.exe', /network share/],
    ['//server/share/un.exe', /network share/],
    ['C:un.exe', /not a full path/],
    ['\\Windows\\un.exe', /not a full path/],
    ['un.exe', /not a full path/],
    ['C:\\..\\un.exe', /climbs above/],
    ['C:\\Program Files.\\un.exe', /ends in a period or a space/],
    ['C:\\Program Files \\un.exe', /ends in a period or a space/],
    ['C:\\Vendor\\un.exe.', /ends in a period or a space/],
    ['C:\\Vendor\\un.exe:stream', /does not allow/],
    ['C:\\Vendor\\u*.exe', /does not allow/],
    ['C:\\Vendor\\u"n.exe', /does not allow/],
    ['C:\\PROGRA~1\\Vendor\\un.exe', /short 8\.3 name/],
    ['C:\\Vendor\\UNINST~1.EXE', /short 8\.3 name/],
  ])('refuses %s', (text, reason) => {
    expect(refusal(text)).toMatch(reason);
  });

  it('does not take a tilde inside a long name for a short name', () => {
    expect(normal('C:\\Program Files\\Foo~Bar\\un~install.exe').path).toBe(
      'C:\\Program Files\\Foo~Bar\\un~install.exe',
    );
  });
});

describe('isInside', () => {
  it('is strictly inside, whatever the case, and never a sibling with the same prefix', () => {
    const folder = normal('C:\\Program Files\\Vendor');
    expect(isInside(normal('c:\\program files\\vendor\\un.exe'), folder)).toBe(true);
    expect(isInside(normal('C:\\Program Files\\Vendor'), folder)).toBe(false);
    expect(isInside(normal('C:\\Program Files\\VendorX\\un.exe'), folder)).toBe(false);
    expect(isInside(normal('C:\\Program Files\\un.exe'), normal('C:\\'))).toBe(true);
  });
});
