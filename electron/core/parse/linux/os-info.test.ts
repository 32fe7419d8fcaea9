import { describe, expect, it } from 'vitest';
import { parseOsRelease, parseSwVers } from './os-info';

// /usr/lib/os-release of this Debian 12 machine (/etc/os-release links to it), byte for byte.
const DEBIAN_12 = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

describe('parseOsRelease', () => {
  it("reads this machine's Debian 12 os-release", () => {
    expect(parseOsRelease(DEBIAN_12)).toEqual({
      ok: true,
      value: {
        prettyName: 'Debian GNU/Linux 12 (bookworm)',
        name: 'Debian GNU/Linux',
        versionId: '12',
        version: '12 (bookworm)',
        id: 'debian',
      },
    });
  });

  it('follows os-release(5) quoting: comments, single quotes, backslash escapes, CRLF', () => {
    const text = [
      '# written by hand',
      '',
      "NAME='Example Linux'",
      'VERSION="1.0 \\"Quoted\\" \\$HOME \\\\ end"',
      '  ID=example  ',
      'VERSION_ID=',
      'not a line',
      'PRETTY_NAME="Example Linux 1.0"\r',
    ].join('\n');
    expect(parseOsRelease(text)).toEqual({
      ok: true,
      value: {
        name: 'Example Linux',
        version: '1.0 "Quoted" $HOME \\ end',
        id: 'example',
        prettyName: 'Example Linux 1.0',
      },
    });
  });

  it('refuses text that names no operating system', () => {
    expect(parseOsRelease('').ok).toBe(false);
    expect(parseOsRelease('VERSION_ID=12\nconstructor=x\n').ok).toBe(false);
    expect(parseOsRelease('<html>not found</html>').ok).toBe(false);
  });
});

describe('parseSwVers', () => {
  it('reads a macOS 14 transcript (tab-separated, as sw_vers prints it on macOS 11 and later)', () => {
    // The layout documented in sw_vers(1); 14.4.1 (23E224) is the build GitHub's macOS 14 runner
    // image reports (actions/runner-images, images/macos/macos-14-Readme.md).
    const transcript = 'ProductName:\t\tmacOS\nProductVersion:\t\t14.4.1\nBuildVersion:\t\t23E224\n';
    expect(parseSwVers(transcript)).toEqual({
      ok: true,
      value: { productName: 'macOS', productVersion: '14.4.1', buildVersion: '23E224' },
    });
  });

  it('reads ProductVersionExtra and the old "Mac OS X" name', () => {
    // macOS 13 and later add ProductVersionExtra when a Rapid Security Response is installed
    // (the line's shape per sw_vers(1); the values are illustrative).
    expect(
      parseSwVers(
        'ProductName:\t\tmacOS\nProductVersion:\t\t13.4.1\nProductVersionExtra:\t(c)\nBuildVersion:\t\t22F770820d\n',
      ),
    ).toMatchObject({ ok: true, value: { productVersion: '13.4.1', productVersionExtra: '(c)' } });
    // macOS 10.15.5 as quoted in rbenv/ruby-build pull request #1451.
    expect(
      parseSwVers('ProductName:    Mac OS X\nProductVersion: 10.15.5\nBuildVersion:   19F101\n'),
    ).toEqual({
      ok: true,
      value: { productName: 'Mac OS X', productVersion: '10.15.5', buildVersion: '19F101' },
    });
  });

  it('refuses output with no product line', () => {
    expect(parseSwVers('').ok).toBe(false);
    expect(parseSwVers('BuildVersion:\t23E224\n').ok).toBe(false);
    expect(parseSwVers('sw_vers: command not found\n').ok).toBe(false);
  });
});
