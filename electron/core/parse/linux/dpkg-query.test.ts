import { describe, expect, it } from 'vitest';
import { parseDpkgQuery } from './dpkg-query';

/** Real lines from this Debian 12 machine (during an apt run, hence 'it ', 'iU ', 'iHR'). */
const REAL = [
  'adduser\t3.134\tii \tDebian Adduser Developers <adduser@packages.debian.org>',
  'libc-bin\t2.36-9+deb12u14\tit \tGNU Libc Maintainers <debian-glibc@lists.debian.org>',
  'perl\t5.36.0-7+deb12u4\tiU \tNiko Tyni <ntyni@debian.org>',
  'perl-modules-5.36\t5.36.0-7+deb12u2\tiHR\tNiko Tyni <ntyni@debian.org>',
].join('\n');

describe('parseDpkgQuery', () => {
  it('reads real dpkg-query lines, keeping the status letters', () => {
    const result = parseDpkgQuery(`${REAL}\n`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((p) => [p.name, p.version, p.statusAbbrev, p.installed])).toEqual([
      ['adduser', '3.134', 'ii ', true],
      ['libc-bin', '2.36-9+deb12u14', 'it ', true],
      ['perl', '5.36.0-7+deb12u4', 'iU ', true],
      ['perl-modules-5.36', '5.36.0-7+deb12u2', 'iHR', true],
    ]);
    expect(result.value[0]?.maintainer).toBe('Debian Adduser Developers <adduser@packages.debian.org>');
  });

  it('a package removed with its configuration left (rc) is not installed', () => {
    // Shape per dpkg-query(1); package and version from a real KESL file name [S99].
    const result = parseDpkgQuery('kesl\t12.1.0-1297\trc \t\n');
    expect(result.ok && result.value[0]).toMatchObject({ name: 'kesl', installed: false, maintainer: '' });
  });

  it('keeps multiarch names and skips stray lines', () => {
    const result = parseDpkgQuery(
      'libgcc-s1:amd64\t12.2.0-14\tii \tDebian GCC Maintainers\nwarning: something\n',
    );
    expect(result.ok && result.value.map((p) => p.name)).toEqual(['libgcc-s1:amd64']);
  });

  it('refuses output with no package line, accepts an empty database', () => {
    expect(parseDpkgQuery('dpkg-query: error: failed to open package info file\n').ok).toBe(false);
    expect(parseDpkgQuery('').ok).toBe(true);
  });
});
