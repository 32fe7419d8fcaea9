import { describe, expect, it } from 'vitest';
import type { DirectoryRecord, FileRecord, ProbeRecord } from '../../core/capture';
import type { ProbeContext } from '../probe-context';
import { fakeProbeContext } from '../test-support/fake-probe-context';
import { macosProbes } from './macos-probes';

async function runAll(context: ProbeContext): Promise<Map<string, readonly ProbeRecord[]>> {
  const results = await Promise.all(
    macosProbes().map(async (probe) => [probe.id, await probe.run(context)] as const),
  );
  return new Map(results);
}

const paths = (records: readonly ProbeRecord[] | undefined) =>
  (records ?? []).map((r) => `${r.kind} ${(r as DirectoryRecord | FileRecord).path ?? ''} ${r.outcome}`);

describe('macosProbes', () => {
  it('has the probe ids the observer reads', () => {
    expect(macosProbes().map((p) => p.id)).toEqual([
      'macos.applications',
      'macos.system-extensions',
      'macos.launchd',
      'macos.pkg-receipts',
      'macos.kaspersky-support',
      'macos.mdatp',
      'macos.eset',
      'macos.sentinelone',
      'macos.cortex',
      'macos.falcon',
      'macos.withsecure',
      'macos.processes',
      'host.os',
      'host.machine-id',
    ]);
  });

  it('reads apps, system extensions, launchd folders, receipts and Kaspersky support files', async () => {
    const avState =
      '/Library/Application Support/Kaspersky Lab/klnagent/Data/1103/1.0.0.0/Statistics/AVState';
    const { context, calls } = fakeProbeContext({
      homeDir: '/Users/a',
      commands: {
        '/usr/bin/systemextensionsctl': { stdout: '0 extension(s)\n' },
        '/usr/sbin/pkgutil': { stdout: 'com.kaspersky.kav.core\n' },
      },
      files: {
        '/Applications/Kaspersky.app/Contents/Info.plist': Buffer.from('bplist00binary'),
        '/Applications/Notes.txt': 'not an app',
        '/Library/SystemExtensions/0A1B/com.kaspersky.kav.sysext.systemextension/Contents/Info.plist':
          '<plist/>',
        '/Library/SystemExtensions/db.plist': '<plist/>',
        '/Library/LaunchDaemons/com.kaspersky.kav.plist': '<plist/>',
        [`${avState}/Protection_RtpState`]: '4',
      },
      folders: ['/Users/a/Library/LaunchAgents'],
    });
    const records = await runAll(context);
    expect(paths(records.get('macos.applications'))).toEqual([
      'command  missing',
      'directory /Applications ok',
      'directory /Users/a/Applications missing',
      'file /Applications/Kaspersky.app/Contents/Info.plist ok',
    ]);
    const plist = records.get('macos.applications')?.[3] as FileRecord;
    expect(plist.encoding).toBe('base64');
    expect(Buffer.from(plist.content, 'base64').toString()).toBe('bplist00binary');
    expect(paths(records.get('macos.system-extensions'))).toEqual([
      'command  ok',
      'directory /Library/SystemExtensions ok',
      'directory /Library/SystemExtensions/0A1B ok',
      'file /Library/SystemExtensions/0A1B/com.kaspersky.kav.sysext.systemextension/Contents/Info.plist ok',
    ]);
    expect(paths(records.get('macos.launchd'))).toEqual([
      'directory /Library/LaunchDaemons ok',
      'directory /Library/LaunchAgents missing',
      'directory /Users/a/Library/LaunchAgents ok',
    ]);
    expect(paths(records.get('macos.kaspersky-support'))).toEqual([
      'directory /Library/Application Support/Kaspersky Lab ok',
      'directory /Library/Application Support/Kaspersky Lab/klnagent ok',
      `directory ${avState} ok`,
      `file ${avState}/Protection_RtpState ok`,
    ]);
    expect(calls.map((c) => [c.file, c.args, c.options.timeoutMs])).toEqual(
      expect.arrayContaining([
        ['/usr/bin/systemextensionsctl', ['list'], 15_000],
        ['/usr/sbin/pkgutil', ['--pkgs'], 20_000],
        ['/bin/ps', ['-axo', 'pid=,comm='], 10_000],
        ['/usr/bin/sw_vers', [], 10_000],
        ['/usr/local/bin/mdatp', ['health', '--output', 'json'], 20_000],
        ['/Applications/ESET Endpoint Security.app/Contents/MacOS/upd', ['--list-modules'], 15_000],
        ['/Library/Sentinel/sentinel-agent.bundle/Contents/MacOS/sentinelctl', ['version'], 15_000],
        ['/Library/Application Support/PaloAltoNetworks/Traps/bin/cytool', ['info'], 15_000],
        ['/Applications/Falcon.app/Contents/Resources/falconctl', ['stats', 'agent_info'], 15_000],
        ['/usr/local/bin/wsav', ['--version'], 15_000],
      ]),
    );
    for (const call of calls) expect(call.file, call.file).toMatch(/^\//);
  });

  it('finds app bundles through Spotlight and two levels of the Applications folders, helpers left out', async () => {
    const mdfind = [
      '/Applications/Kaspersky.app',
      '/Applications/Kaspersky.app/Contents/Helpers/kav_agent.app',
      '/Library/Application Support/Vendor/Agent.app',
      '/System/Applications/Mail.app',
      '/Volumes/Backup/Applications/Old.app',
      '/Users/a/.Trash/Gone.app',
      '/Users/a/Applications (Parallels)/{f5861500-b6d1-4929-b85d-d920e2656184} Applications.localized/Notepad.app',
      '',
    ].join('\n');
    const { context, calls } = fakeProbeContext({
      homeDir: '/Users/a',
      commands: { '/usr/bin/mdfind': { stdout: mdfind } },
      files: {
        '/Applications/Kaspersky.app/Contents/Info.plist': '<plist/>',
        '/Applications/Sophos/Sophos Endpoint.app/Contents/Info.plist': '<plist/>',
        '/Applications/Sophos/readme.txt': 'x',
      },
    });
    const records = await macosProbes()
      .find((p) => p.id === 'macos.applications')
      ?.run(context);
    expect(calls[0]).toMatchObject({
      file: '/usr/bin/mdfind',
      args: ['kMDItemContentType == "com.apple.application-bundle"'],
    });
    const plists = (records ?? []).filter((r) => r.kind === 'file').map((r) => (r as FileRecord).path);
    expect(plists).toEqual([
      '/Applications/Kaspersky.app/Contents/Info.plist',
      '/Library/Application Support/Vendor/Agent.app/Contents/Info.plist',
      '/Users/a/Applications (Parallels)/{f5861500-b6d1-4929-b85d-d920e2656184} Applications.localized/Notepad.app/Contents/Info.plist',
      '/Applications/Sophos/Sophos Endpoint.app/Contents/Info.plist',
    ]);
  });

  it("reads ESET's settings file only when ESET's tools are there", async () => {
    const upd = '/Applications/ESET Endpoint Security.app/Contents/MacOS/upd';
    const settings = '/Library/Application Support/ESET/Security/var/confd/settings.json';
    const absent = fakeProbeContext({ files: { [settings]: '{}' } });
    const none = await macosProbes()
      .find((p) => p.id === 'macos.eset')
      ?.run(absent.context);
    expect(absent.reads).not.toContain(settings);
    expect(none?.map((r) => r.outcome)).toEqual(['missing', 'missing']);
    const present = fakeProbeContext({
      commands: { [upd]: { stdout: 'EM002\t 33566 (20260726)\tDetection engine\n' } },
      files: { [settings]: '{}' },
    });
    const records = await macosProbes()
      .find((p) => p.id === 'macos.eset')
      ?.run(present.context);
    expect(records?.map((r) => `${r.kind} ${r.outcome}`)).toEqual([
      'command ok',
      'command ok',
      'command missing',
      'command missing',
      'file ok',
    ]);
  });

  it('on a machine with none of it, every probe still returns records', async () => {
    const { context } = fakeProbeContext({});
    for (const [id, list] of await runAll(context)) expect(list.length, id).toBeGreaterThan(0);
  });
});
