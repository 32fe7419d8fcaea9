import { describe, expect, it } from 'vitest';
import type { CommandRecord, DirectoryRecord, FileRecord, ProbeRecord } from '../../core/capture';
import type { ProbeContext } from '../probe-context';
import { fakeProbeContext } from '../test-support/fake-probe-context';
import { linuxProbes } from './linux-probes';
import { SYSTEMD_UNITS } from './systemd-probe';

async function runAll(context: ProbeContext): Promise<Map<string, readonly ProbeRecord[]>> {
  const probes = linuxProbes();
  const results = await Promise.all(
    probes.map(async (probe) => [probe.id, await probe.run(context)] as const),
  );
  return new Map(results);
}

const DAILY = `ClamAV-VDB:16 Apr 2020 07-58 -0400:25784:2267600:63:92baacd59fd26e6bcf03077add78d209:sig:raynman:1587038339${' '.repeat(300)}`;

describe('linuxProbes', () => {
  it('has the probe ids the observer reads', () => {
    expect(linuxProbes().map((p) => p.id)).toEqual([
      'linux.dpkg',
      'linux.rpm',
      'linux.kaspersky-files',
      'linux.kesl',
      'linux.kav4fs',
      'linux.klnagent-avstate',
      'linux.clamav-db',
      'linux.freshclam-log',
      'linux.clamscan',
      'linux.mdatp',
      'linux.eset',
      'linux.bitdefender',
      'linux.sentinelone',
      'linux.cortex',
      'linux.drweb',
      'linux.sophos',
      'linux.falcon',
      'linux.systemd',
      'linux.processes',
      'host.os',
      'host.machine-id',
    ]);
  });

  it('does not start systemctl when systemd is not the init system (sd_booted)', async () => {
    const { context, calls } = fakeProbeContext({});
    const records = await runAll(context);
    expect(calls.map((c) => c.file)).not.toContain('/usr/bin/systemctl');
    expect(calls.map((c) => c.file)).not.toContain('/bin/systemctl');
    expect(records.get('linux.systemd')?.[0]).toMatchObject({
      kind: 'directory',
      path: '/run/systemd/system',
      outcome: 'missing',
    });
  });

  it('runs each command with an argv array and a time limit', async () => {
    const { context, calls } = fakeProbeContext({ folders: ['/run/systemd/system'] });
    await runAll(context);
    expect(calls.map((c) => [c.file, c.args, c.options.timeoutMs])).toEqual(
      expect.arrayContaining([
        [
          '/usr/bin/dpkg-query',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own ${field} format
          ['-W', '-f', '${Package}\\t${Version}\\t${db:Status-Abbrev}\\t${Maintainer}\\n'],
          15_000,
        ],
        ['/usr/bin/rpm', ['-qa', '--qf', '%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{VENDOR}\\n'], 30_000],
        ['/bin/rpm', ['-qa', '--qf', '%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{VENDOR}\\n'], 30_000],
        ['/opt/kaspersky/kesl/bin/kesl-control', ['--app-info'], 20_000],
        ['/usr/bin/kesl-control', ['--app-info'], 20_000],
        ['/opt/kaspersky/kav4fs/bin/kav4fs-control', ['--get-stat', 'Update'], 20_000],
        [
          '/usr/bin/systemctl',
          ['show', '--property=Id,LoadState,ActiveState,SubState,UnitFileState', ...SYSTEMD_UNITS],
          10_000,
        ],
        ['/usr/bin/ps', ['-eo', 'pid=,comm=,exe='], 10_000],
        ['/bin/ps', ['-eo', 'pid=,comm=,exe='], 10_000],
        ['/usr/bin/clamscan', ['--version'], 15_000],
        ['/usr/bin/mdatp', ['health', '--output', 'json'], 20_000],
        ['/opt/microsoft/mdatp/sbin/wdavdaemonclient', ['health', '--output', 'json'], 20_000],
        ['/opt/eset/eea/bin/upd', ['--list-modules'], 15_000],
        ['/opt/bitdefender-security-tools/bin/bduitool', ['get', 'ps'], 15_000],
        ['/opt/sentinelone/bin/sentinelctl', ['version'], 15_000],
        ['/opt/traps/bin/cytool', ['info'], 15_000],
        ['/opt/drweb.com/bin/drweb-ctl', ['baseinfo'], 15_000],
        ['/opt/sophos-av/bin/savdstatus', [], 15_000],
        ['/opt/CrowdStrike/falconctl', ['-g', '--version', '--rfm-state'], 15_000],
      ]),
    );
    expect(calls.every((c) => c.options.timeoutMs > 0)).toBe(true);
    // The units of the sources the catalog cites: Kaspersky's [S102][S103], Debian's ClamAV, and
    // the other vendors' (catalog families' sources).
    expect(SYSTEMD_UNITS).toEqual(
      expect.arrayContaining([
        'kesl.service',
        'klnagent64.service',
        'clamav-clamonacc.service',
        'mdatp.service',
      ]),
    );
    expect(new Set(SYSTEMD_UNITS).size).toBe(SYSTEMD_UNITS.length);
  });

  it('starts every program by its full path, never a name looked up on PATH', async () => {
    const { context, calls } = fakeProbeContext({ folders: ['/run/systemd/system', '/var/lib/clamav'] });
    await runAll(context);
    expect(calls.length).toBeGreaterThan(20);
    for (const call of calls) expect(call.file, call.file).toMatch(/^\//);
  });

  it('runs the first location that exists, and only that one', async () => {
    const { context, calls } = fakeProbeContext({
      commands: { '/bin/ps': { stdout: '    1 init /sbin/init\n' } },
    });
    const records = await linuxProbes()
      .find((p) => p.id === 'linux.processes')
      ?.run(context);
    expect(calls.map((c) => c.file)).toEqual(['/usr/bin/ps', '/bin/ps']);
    expect(records?.map((r) => [(r as CommandRecord).command.file, r.outcome])).toEqual([
      ['/usr/bin/ps', 'missing'],
      ['/bin/ps', 'ok'],
    ]);
  });

  it("a vendor's absent program is one 'missing' record; its other commands are not tried", async () => {
    const { context, calls } = fakeProbeContext({});
    const records = await linuxProbes()
      .find((p) => p.id === 'linux.sentinelone')
      ?.run(context);
    expect(records?.map((r) => [(r as CommandRecord).command.args.join(' '), r.outcome])).toEqual([
      ['version', 'missing'],
    ]);
    expect(calls.filter((c) => c.file.includes('sentinelctl'))).toHaveLength(1);
  });

  it("runs all of a vendor's commands when its program exists, and keeps a failed one", async () => {
    const ctl = '/opt/sentinelone/bin/sentinelctl';
    const { context } = fakeProbeContext({
      commands: { [ctl]: { stdout: 'Agent version: 30.1.1.10\n' } },
    });
    const records = (await linuxProbes()
      .find((p) => p.id === 'linux.sentinelone')
      ?.run(context)) as CommandRecord[];
    expect(records.map((r) => r.command.args.join(' '))).toEqual([
      'version',
      'control status',
      'management status',
    ]);
  });

  it('reads the journal for freshclam only where ClamAV has its database folder', async () => {
    const without = fakeProbeContext({});
    await linuxProbes()
      .find((p) => p.id === 'linux.freshclam-log')
      ?.run(without.context);
    expect(without.calls.map((c) => c.file)).toEqual([]);
    const withClamav = fakeProbeContext({
      folders: ['/var/lib/clamav'],
      files: { '/var/log/freshclam.log': 'ClamAV update process started at Sun Feb 18 17:00:00 2024\n' },
      commands: { '/usr/bin/journalctl': { stdout: '-- No entries --\n' } },
    });
    const records = await linuxProbes()
      .find((p) => p.id === 'linux.freshclam-log')
      ?.run(withClamav.context);
    expect(
      records?.map(
        (r) => `${r.kind} ${(r as FileRecord).path ?? (r as CommandRecord).command.file} ${r.outcome}`,
      ),
    ).toEqual([
      'file /var/log/clamav/freshclam.log missing',
      'file /var/log/freshclam.log ok',
      'command /usr/bin/journalctl ok',
    ]);
    expect(withClamav.calls[0]?.args).toEqual([
      '--unit=clamav-freshclam.service',
      '--lines=300',
      '--no-pager',
      '--quiet',
    ]);
  });

  it('on a bare machine every probe returns records, absent things as missing', async () => {
    const { context } = fakeProbeContext({});
    const records = await runAll(context);
    for (const [id, list] of records) expect(list.length, id).toBeGreaterThan(0);
    expect(records.get('linux.kesl')?.map((r) => r.outcome)).toEqual(['missing', 'missing']);
    expect(records.get('linux.mdatp')?.map((r) => r.outcome)).toEqual(['missing', 'missing']);
    expect(records.get('linux.clamav-db')?.map((r) => r.outcome)).toEqual(['missing']);
    expect(records.get('linux.kaspersky-files')?.map((r) => (r as DirectoryRecord).path)).toEqual([
      '/opt/kaspersky',
      '/etc/kaspersky',
      '/var/opt/kaspersky',
    ]);
  });

  it('stops at the first kesl-control that exists', async () => {
    const { context, calls } = fakeProbeContext({
      commands: { '/opt/kaspersky/kesl/bin/kesl-control': { stdout: 'Version: 12.1.0.1297\n' } },
    });
    const records = await linuxProbes()
      .find((p) => p.id === 'linux.kesl')
      ?.run(context);
    expect(records?.map((r) => (r as CommandRecord).stdout)).toEqual(['Version: 12.1.0.1297\n']);
    expect(calls.map((c) => c.file)).toEqual(['/opt/kaspersky/kesl/bin/kesl-control']);
  });

  it('reads only the first 512 bytes of each ClamAV database and the last 64 KiB of the log', async () => {
    const { context, reads } = fakeProbeContext({
      files: {
        '/var/lib/clamav/daily.cvd': Buffer.concat([
          Buffer.from(DAILY.slice(0, 512)),
          Buffer.alloc(4096, 0x1f),
        ]),
        '/var/lib/clamav/freshclam.dat': 'x',
        '/var/log/clamav/freshclam.log': `${'old line\n'.repeat(10_000)}last line\n`,
      },
    });
    const records = await runAll(context);
    const db = records.get('linux.clamav-db') as readonly ProbeRecord[];
    expect(db.map((r) => r.kind)).toEqual(['directory', 'file']);
    const header = db[1] as FileRecord;
    expect(header.content.length).toBe(512);
    expect(header.truncatedTo).toEqual({ bytes: 512, from: 'start' });
    expect(reads).not.toContain('/var/lib/clamav/freshclam.dat');
    const log = records.get('linux.freshclam-log')?.[0] as FileRecord;
    expect(log.truncatedTo).toEqual({ bytes: 65_536, from: 'end' });
    expect(log.content.endsWith('last line\n')).toBe(true);
  });

  it('lists Kaspersky folders one level down and reads the AVState files', async () => {
    const avState = '/var/opt/kaspersky/klnagent/1103/1.0.0.0/Statistics/AVState';
    const { context } = fakeProbeContext({
      files: {
        '/opt/kaspersky/kesl/bin/kesl-control': '#!',
        [`${avState}/Protection_BasesDate`]: '23-08-2018 04-11-00',
      },
    });
    const records = await runAll(context);
    expect(
      records.get('linux.kaspersky-files')?.map((r) => `${(r as DirectoryRecord).path} ${r.outcome}`),
    ).toEqual([
      '/opt/kaspersky ok',
      '/opt/kaspersky/kesl ok',
      '/etc/kaspersky missing',
      '/var/opt/kaspersky ok',
      '/var/opt/kaspersky/klnagent ok',
    ]);
    const files = records.get('linux.klnagent-avstate') as readonly ProbeRecord[];
    expect(files.map((r) => r.kind)).toEqual(['directory', 'file']);
    expect((files[1] as FileRecord).content).toBe('23-08-2018 04-11-00');
  });

  it('asks ps for pid, name and executable only, and reads os-release (else /usr/lib/os-release)', async () => {
    const psOut = '    1 process_api     -\n 1080 bash            /usr/bin/bash\n';
    const { context, calls, reads } = fakeProbeContext({
      commands: { '/usr/bin/ps': { stdout: psOut } },
      files: { '/usr/lib/os-release': 'NAME="Debian GNU/Linux"\nVERSION_ID="12"\n' },
    });
    const records = await runAll(context);
    const ps = calls.filter((c) => c.file === '/usr/bin/ps');
    expect(ps.map((c) => c.args)).toEqual([['-eo', 'pid=,comm=,exe=']]);
    expect(ps[0]?.args.join(' ')).not.toMatch(/args|cmd|command|user/);
    expect(records.get('linux.processes')?.map((r) => (r as CommandRecord).stdout)).toEqual([psOut]);
    const os = records.get('host.os') as readonly FileRecord[];
    expect(os.map((r) => [r.kind, r.path, r.outcome])).toEqual([
      ['file', '/etc/os-release', 'missing'],
      ['file', '/usr/lib/os-release', 'ok'],
    ]);
    expect(os[1]?.content).toBe('NAME="Debian GNU/Linux"\nVERSION_ID="12"\n');
    expect(reads.filter((path) => path.endsWith('os-release'))).toEqual([
      '/etc/os-release',
      '/usr/lib/os-release',
    ]);
  });

  it('reads only /etc/os-release when it exists', async () => {
    const { context, reads } = fakeProbeContext({ files: { '/etc/os-release': 'ID=debian\n' } });
    const records = await linuxProbes()
      .find((p) => p.id === 'host.os')
      ?.run(context);
    expect(records?.map((r) => (r as FileRecord).path)).toEqual(['/etc/os-release']);
    expect(reads).toEqual(['/etc/os-release']);
  });

  it('never throws, even when every seam does', async () => {
    const broken: ProbeContext = {
      runner: { run: () => Promise.reject(new Error('runner broke')) },
      files: {
        readFile: () => Promise.reject(new Error('fs broke')),
        listDirectory: () => Promise.reject(new Error('fs broke')),
      },
      now: () => new Date('2026-11-29T12:00:00.000Z'),
      env: {},
      homeDir: '/home/a',
    };
    const records = await runAll(broken);
    for (const [id, list] of records) {
      expect(list.length, id).toBeGreaterThan(0);
      for (const record of list) {
        expect(record.outcome, id).toBe('failed');
        expect(record.error, id).toMatch(/broke/);
      }
    }
  });
});
