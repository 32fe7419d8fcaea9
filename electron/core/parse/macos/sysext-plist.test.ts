import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSysextPlist, splitMachServiceName, sysextIdentity } from './sysext-plist';

const EXCERPT = readFileSync(
  resolve(
    import.meta.dirname,
    '../../../../fixtures/detection/macos-kis-bigsur-sysext-plist/sysext-Info.plist.excerpt.xml',
  ),
  'utf8',
);

describe('sysext identity', () => {
  it('splits the real Kaspersky Mach service into team and bundle id [S91]', () => {
    const plist = `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n${EXCERPT}\n</dict>\n</plist>\n`;
    expect(parseSysextPlist(plist, 'utf8')).toEqual({
      ok: true,
      value: {
        bundleId: 'com.kaspersky.kav.sysext',
        teamId: '2Y8XE5CQ94',
        machServiceName: '2Y8XE5CQ94.com.kaspersky.kav.sysext',
      },
    });
  });

  it('prefers CFBundleIdentifier: the rest of a Mach service name is not always the bundle id', () => {
    expect(
      sysextIdentity({
        bundleId: 'com.mas0n.MacFSW.EndpointExtension',
        machServiceName: 'UYF535Y9QZ.com.mas0n.MacFSW.EndpointExtension.xpc',
      }),
    ).toMatchObject({ bundleId: 'com.mas0n.MacFSW.EndpointExtension', teamId: 'UYF535Y9QZ' });
    expect(splitMachServiceName('com.example.no-team')).toBeNull();
    expect(sysextIdentity({})).toBeNull();
  });
});
