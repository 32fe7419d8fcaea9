import { describe, expect, it } from 'vitest';
import { parsePkgutilPkgs } from './pkgutil-pkgs';

describe('parsePkgutilPkgs', () => {
  it('reads one receipt id per line (ids from [S96][S97])', () => {
    const result = parsePkgutilPkgs(
      'com.apple.pkg.MobileAssets\ncom.kaspersky.kav.core\ncom.kaspersky.kav.oas\n\n',
    );
    expect(result).toEqual({
      ok: true,
      value: ['com.apple.pkg.MobileAssets', 'com.kaspersky.kav.core', 'com.kaspersky.kav.oas'],
    });
  });

  it('refuses output with no receipt id', () => {
    expect(parsePkgutilPkgs('Error: something went wrong here\n').ok).toBe(false);
    expect(parsePkgutilPkgs('')).toEqual({ ok: true, value: [] });
  });
});
