import { describe, expect, it } from 'vitest';
import { commandOk, listing } from '../../test-support/hand-made-captures';
import { appPathsOf, isReadableAppPath, windowsGuestShim } from './app-paths';

describe('app bundle paths', () => {
  it('keeps top-level bundles, leaves helpers, Apple system apps, the Trash and other volumes out', () => {
    expect(isReadableAppPath('/Applications/Sophos/Sophos Endpoint.app')).toBe(true);
    expect(isReadableAppPath('/Applications/Kaspersky.app/Contents/Helpers/kav_agent.app')).toBe(false);
    expect(isReadableAppPath('/System/Applications/Mail.app')).toBe(false);
    expect(isReadableAppPath('/Volumes/Backup/Old.app')).toBe(false);
    expect(isReadableAppPath('/Users/a/.Trash/Gone.app')).toBe(false);
    expect(isReadableAppPath('relative/App.app')).toBe(false);
  });

  it("merges Spotlight's answer with the folder listings, each path once", () => {
    const records = [
      commandOk(
        'macos.applications',
        '/usr/bin/mdfind',
        [],
        '/Applications/A.app\n/Library/Application Support/V/B.app\n',
      ),
      listing('macos.applications', '/Applications', ['A.app', 'Utilities']),
      listing('macos.applications', '/Applications/Utilities', ['C.app']),
    ];
    expect(appPathsOf(records)).toEqual([
      '/Applications/A.app',
      '/Library/Application Support/V/B.app',
      '/Applications/Utilities/C.app',
    ]);
  });

  it("tells Parallels' and VMware's shims of a Windows guest's programs by bundle id or folder", () => {
    // Bundle id shapes from Fleet's test ('com.parallels.winapp.notepad') and Karabiner-Elements ('com.vmware.proxyApp.').
    expect(windowsGuestShim('/Users/a/Applications/Notepad.app', 'com.parallels.winapp.notepad')).toBe(
      'Parallels',
    );
    expect(windowsGuestShim('/Users/a/Applications/X.app', 'com.vmware.proxyApp.1234')).toBe('VMware');
    // The path of a real shim, from VS Code's browser-finder test.
    expect(
      windowsGuestShim(
        '/Users/foo/Applications (Parallels)/{f5861500-b6d1-4929-b85d-d920e2656184} Applications.localized/Google Chrome.app',
        undefined,
      ),
    ).toBe('Parallels');
    expect(windowsGuestShim('/Applications/Kaspersky.app', 'com.kaspersky.kav')).toBeNull();
  });
});
