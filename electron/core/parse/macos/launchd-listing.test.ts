import { describe, expect, it } from 'vitest';
import { launchdJobs } from './launchd-listing';

describe('launchdJobs', () => {
  it('takes labels from plist names (com.kaspersky.kav [S97])', () => {
    expect(launchdJobs('/Library/LaunchDaemons', ['com.kaspersky.kav.plist', '.DS_Store', 'README'])).toEqual(
      [
        {
          label: 'com.kaspersky.kav',
          plistPath: '/Library/LaunchDaemons/com.kaspersky.kav.plist',
          kind: 'daemon',
        },
      ],
    );
    expect(launchdJobs('/Users/a/Library/LaunchAgents/', ['com.kaspersky.kav.gui.plist'])).toEqual([
      {
        label: 'com.kaspersky.kav.gui',
        plistPath: '/Users/a/Library/LaunchAgents/com.kaspersky.kav.gui.plist',
        kind: 'agent',
      },
    ]);
  });
});
