import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  captureOf,
  commandFailed,
  commandOk,
  file,
  fileFailed,
  listing,
  listingFailed,
} from '../test-support/hand-made-captures';
import { observeMacos } from './observe-macos';

const EXCERPT = readFileSync(
  resolve(
    import.meta.dirname,
    '../../../fixtures/detection/macos-kis-bigsur-sysext-plist/sysext-Info.plist.excerpt.xml',
  ),
  'utf8',
);
const plist = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n${body}\n</dict>\n</plist>\n`;
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const sourceOf = (result: ReturnType<typeof observeMacos>, id: string) =>
  result.sources.find((s) => s.id === id);

describe('observeMacos', () => {
  it('reads the real Kaspersky sysext plist into a system extension with its team [S91]', () => {
    // As the fixture replay stores it: the excerpt wrapped in a plist document, utf8.
    const result = observeMacos(
      captureOf('macos', [
        file(
          'macos.system-extensions',
          'fixture:macos-kis-bigsur-sysext-plist/sysext-Info.plist.excerpt.xml',
          plist(EXCERPT),
        ),
      ]),
    );
    expect(result.observations).toEqual([
      expect.objectContaining({
        kind: 'system-extension',
        bundleId: 'com.kaspersky.kav.sysext',
        teamId: '2Y8XE5CQ94',
        evidence: expect.objectContaining({
          decoded: { 'Mach service': '2Y8XE5CQ94.com.kaspersky.kav.sysext' },
        }),
      }),
    ]);
    expect(sourceOf(result, 'macos.system-extensions')).toMatchObject({
      status: 'read',
      label: 'System extensions',
    });
  });

  it('reads systemextensionsctl rows (real transcript, ref 57393989283) and sysext bundles on disk', () => {
    const list =
      '1 extension(s)\n--- com.apple.system_extension.network_extension\nenabled\tactive\tteamID\tbundleID (version)\tname\t[state]\n\t*\t57P38MF5GS\tcom.f5.access.macos.DNSProxy (7260.0.0.1/7260.0.0.1)\tDNSProxy\t[activated waiting for user]\n';
    const bundle =
      '/Library/SystemExtensions/0A1B/com.kaspersky.kav.sysext.systemextension/Contents/Info.plist';
    const result = observeMacos(
      captureOf('macos', [
        commandOk('macos.system-extensions', 'systemextensionsctl', ['list'], list),
        listing('macos.system-extensions', '/Library/SystemExtensions', ['0A1B', 'db.plist']),
        listing('macos.system-extensions', '/Library/SystemExtensions/0A1B', [
          'com.kaspersky.kav.sysext.systemextension',
        ]),
        file(
          'macos.system-extensions',
          bundle,
          base64(plist(`<key>CFBundleIdentifier</key><string>com.kaspersky.kav.sysext</string>${EXCERPT}`)),
          'base64',
        ),
      ]),
    );
    expect(result.observations).toEqual([
      expect.objectContaining({
        bundleId: 'com.f5.access.macos.DNSProxy',
        teamId: '57P38MF5GS',
        version: '7260.0.0.1/7260.0.0.1',
        state: 'activated waiting for user',
      }),
      expect.objectContaining({
        bundleId: 'com.kaspersky.kav.sysext',
        teamId: '2Y8XE5CQ94',
        evidence: expect.objectContaining({ record: bundle }),
      }),
    ]);
  });

  it('reports app bundles from Info.plist, and by folder name when the plist is unreadable', () => {
    const info = plist(
      '<key>CFBundleIdentifier</key><string>com.kaspersky.kav</string><key>CFBundleName</key><string>Kaspersky Anti-Virus For Mac</string><key>CFBundleShortVersionString</key><string>26.0.0.150</string>',
    );
    const result = observeMacos(
      captureOf('macos', [
        listing('macos.applications', '/Applications', [
          'Kaspersky Anti-Virus For Mac.app',
          'Kaspersky.app',
          'Utilities',
        ]),
        file(
          'macos.applications',
          '/Applications/Kaspersky Anti-Virus For Mac.app/Contents/Info.plist',
          base64(info),
          'base64',
        ),
        fileFailed(
          'macos.applications',
          '/Applications/Kaspersky.app/Contents/Info.plist',
          'failed',
          'permission denied',
        ),
        listingFailed('macos.applications', '/Users/a/Applications', 'missing'),
      ]),
    );
    const apps = result.observations.flatMap((o) =>
      o.kind === 'installed-program'
        ? [[o.name, o.identifier, o.version, o.installLocation, o.registry]]
        : [],
    );
    expect(apps).toEqual([
      [
        'Kaspersky Anti-Virus For Mac',
        'com.kaspersky.kav',
        '26.0.0.150',
        '/Applications/Kaspersky Anti-Virus For Mac.app',
        'app-bundle',
      ],
      ['Kaspersky', undefined, undefined, '/Applications/Kaspersky.app', 'app-bundle'],
    ]);
    expect(sourceOf(result, 'macos.applications')).toMatchObject({
      status: 'read',
      reason: expect.stringContaining('permission denied'),
    });
  });

  it('receipts, launchd jobs, support folder and Network Agent state [S96][S97][S70]', () => {
    const avState =
      '/Library/Application Support/Kaspersky Lab/klnagent/Data/1103/1.0.0.0/Statistics/AVState';
    const result = observeMacos(
      captureOf('macos', [
        commandOk('macos.pkg-receipts', 'pkgutil', ['--pkgs'], 'com.kaspersky.kav.core\n'),
        listing('macos.launchd', '/Library/LaunchDaemons', ['com.kaspersky.kav.plist']),
        listingFailed('macos.launchd', '/Library/LaunchAgents', 'missing'),
        listing('macos.launchd', '/Users/a/Library/LaunchAgents', []),
        listing('macos.kaspersky-support', '/Library/Application Support/Kaspersky Lab', ['KAV', 'klnagent']),
        listing('macos.kaspersky-support', '/Library/Application Support/Kaspersky Lab/KAV', ['Binaries']),
        listing('macos.kaspersky-support', '/Library/Application Support/Kaspersky Lab/klnagent', ['Data']),
        listing('macos.kaspersky-support', avState, [
          'Protection_BasesDate',
          'Protection_RtpState',
          'Protection_AdmServer',
        ]),
        file('macos.kaspersky-support', `${avState}/Protection_BasesDate`, '01-09-2024 06-00-00'),
        file('macos.kaspersky-support', `${avState}/Protection_RtpState`, '7'),
        file('macos.kaspersky-support', `${avState}/Protection_AdmServer`, 'ksc.example.lan'),
      ]),
    );
    expect(result.observations).toContainEqual(
      expect.objectContaining({
        kind: 'installed-program',
        registry: 'pkgutil',
        identifier: 'com.kaspersky.kav.core',
      }),
    );
    expect(result.observations).toContainEqual(
      expect.objectContaining({
        kind: 'service',
        serviceType: 'launchd-job',
        name: 'com.kaspersky.kav',
        path: '/Library/LaunchDaemons/com.kaspersky.kav.plist',
      }),
    );
    expect(result.observations).toContainEqual(
      expect.objectContaining({
        kind: 'path',
        path: '/Library/Application Support/Kaspersky Lab/KAV',
        isDirectory: true,
      }),
    );
    expect(result.observations).toContainEqual(
      expect.objectContaining({
        kind: 'product-status',
        hint: 'kaspersky',
        signaturesDate: '2024-09-01T06:00:00.000Z',
        realtime: true,
        managedBy: 'ksc.example.lan',
      }),
    );
    expect(result.sources.map((s) => [s.id, s.status])).toEqual([
      ['macos.pkg-receipts', 'read'],
      ['macos.launchd', 'read'],
      ['macos.kaspersky-support', 'read'],
    ]);
  });

  it('absent sources are not present; the scan goes on', () => {
    const result = observeMacos(
      captureOf(
        'macos',
        [
          commandFailed(
            'macos.pkg-receipts',
            'pkgutil',
            ['--pkgs'],
            'missing',
            'pkgutil is not on this machine',
          ),
          commandFailed(
            'macos.system-extensions',
            'systemextensionsctl',
            ['list'],
            'timeout',
            'systemextensionsctl did not finish within 15 s and was stopped',
          ),
          listingFailed('macos.system-extensions', '/Library/SystemExtensions', 'failed'),
          listingFailed('macos.kaspersky-support', '/Library/Application Support/Kaspersky Lab', 'missing'),
          commandOk(
            'macos.processes',
            'ps',
            ['-axo', 'pid=,comm='],
            '  301 /Library/Application Support/Kaspersky Lab/KAV/Binaries/kav_agent\n',
          ),
          // sw_vers as it prints on macOS 14 (sw_vers(1) layout; 14.4.1 is build 23E224).
          commandOk(
            'host.os',
            'sw_vers',
            [],
            'ProductName:\t\tmacOS\nProductVersion:\t\t14.4.1\nBuildVersion:\t\t23E224\n',
          ),
        ],
        { hostname: 'mac' },
      ),
    );
    expect(result.sources.map((s) => [s.id, s.status])).toEqual([
      ['host.os', 'read'],
      ['macos.pkg-receipts', 'not-present'],
      ['macos.system-extensions', 'unreadable'],
      ['macos.kaspersky-support', 'not-present'],
      ['macos.processes', 'read'],
    ]);
    expect(sourceOf(result, 'macos.system-extensions')?.reason).toMatch(
      /could not read systemextensionsctl list because/,
    );
    expect(result.observations).toEqual([
      expect.objectContaining({
        kind: 'process',
        name: 'kav_agent',
        path: '/Library/Application Support/Kaspersky Lab/KAV/Binaries/kav_agent',
        pid: 301,
      }),
    ]);
    expect(result.machine).toMatchObject({
      platform: 'macos',
      osName: 'macOS',
      osVersion: '14.4.1 (23E224)',
      hostname: 'mac',
    });
  });

  it('sw_vers missing is not present; its version with a Rapid Security Response keeps the (a)', () => {
    const missing = observeMacos(
      captureOf('macos', [
        commandFailed('host.os', 'sw_vers', [], 'missing', 'sw_vers is not on this machine'),
      ]),
    );
    expect(sourceOf(missing, 'host.os')).toMatchObject({
      status: 'not-present',
      reason: 'sw_vers is not on this machine',
    });
    const rsr = observeMacos(
      captureOf('macos', [
        commandOk(
          'host.os',
          'sw_vers',
          [],
          'ProductName:\t\tmacOS\nProductVersion:\t\t13.4.1\nProductVersionExtra:\t(c)\nBuildVersion:\t\t22F770820d\n',
        ),
      ]),
    );
    expect(rsr.machine.osVersion).toBe('13.4.1 (c) (22F770820d)');
  });

  it("sets aside Parallels' and VMware's shims of a Windows guest's programs, and says how many", () => {
    // Composed: a real shim path (VS Code's browser-finder test) and bundle id prefixes from Fleet's
    // and Karabiner-Elements' sources; the Kaspersky app beside them is an ordinary bundle.
    const shim =
      '/Users/a/Applications (Parallels)/{f5861500-b6d1-4929-b85d-d920e2656184} Applications.localized/Kaspersky Total Security.app';
    const mdfind = `${shim}\n/Users/a/Applications/Notepad.app\n/Applications/Kaspersky.app\n`;
    const result = observeMacos(
      captureOf('macos', [
        commandOk('macos.applications', '/usr/bin/mdfind', [], mdfind),
        file(
          'macos.applications',
          `${shim}/Contents/Info.plist`,
          base64(plist('<key>CFBundleName</key><string>Kaspersky Total Security</string>')),
          'base64',
        ),
        file(
          'macos.applications',
          '/Users/a/Applications/Notepad.app/Contents/Info.plist',
          base64(plist('<key>CFBundleIdentifier</key><string>com.vmware.proxyApp.5f3a</string>')),
          'base64',
        ),
        file(
          'macos.applications',
          '/Applications/Kaspersky.app/Contents/Info.plist',
          base64(plist('<key>CFBundleIdentifier</key><string>com.kaspersky.kav</string>')),
          'base64',
        ),
      ]),
    );
    const apps = result.observations.flatMap((o) =>
      o.kind === 'installed-program' ? [o.installLocation] : [],
    );
    expect(apps).toEqual(['/Applications/Kaspersky.app']);
    expect(sourceOf(result, 'macos.applications')).toMatchObject({
      status: 'read',
      reason: expect.stringMatching(/2 app\(s\) set aside as shims of a Windows guest's programs/),
    });
  });
});
