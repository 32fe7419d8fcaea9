import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Observation, ProductStatusObservation } from '../observations';
import {
  captureOf,
  commandFailed,
  commandOk,
  file,
  fileFailed,
  listing,
  listingFailed,
} from '../test-support/hand-made-captures';
import { observeLinux } from './observe-linux';

const CASES = resolve(import.meta.dirname, '../../../fixtures/detection');
const KESL_APP_INFO = readFileSync(
  resolve(CASES, 'linux-kesl10sp1-file-monitoring-stopped/kesl-control-app-info.txt'),
  'utf8',
);
const DAILY_HEADER = readFileSync(
  resolve(CASES, 'linux-clamav-daily-cvd-header-2020/var-lib-clamav-daily.cvd.header.txt'),
  'utf8',
);
// biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own ${field} format
const DPKG_ARGS = ['-W', '-f', '${Package}\\t${Version}\\t${db:Status-Abbrev}\\t${Maintainer}\\n'];
const RPM_ARGS = ['-qa', '--qf', '%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{VENDOR}\\n'];
const PS_ARGS = ['-eo', 'pid=,comm=,exe='];
const ps = (stdout: string) => commandOk('linux.processes', 'ps', PS_ARGS, stdout);
// /usr/lib/os-release of this Debian 12 machine.
const DEBIAN_12 =
  'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n';

const statuses = (observations: readonly Observation[], hint: string) =>
  observations.filter((o): o is ProductStatusObservation => o.kind === 'product-status' && o.hint === hint);
const sourceOf = (result: ReturnType<typeof observeLinux>, id: string) =>
  result.sources.find((s) => s.id === id);

describe('observeLinux', () => {
  it('reads the real KESL 10 SP1 transcript into a Kaspersky status [S104]', () => {
    const result = observeLinux(
      captureOf('linux', [
        commandOk('linux.kesl', '/opt/kaspersky/kesl/bin/kesl-control', ['--app-info'], KESL_APP_INFO),
      ]),
    );
    const [status] = statuses(result.observations, 'kaspersky');
    expect(status).toMatchObject({
      product: 'Kaspersky Endpoint Security 10 SP1 for Linux',
      version: '10.1.0.5960',
      realtime: false,
      signaturesDate: '2018-08-23T04:11:00.000Z',
      signaturesUpToDate: null,
    });
    expect(status?.evidence.source).toBe('linux.kesl');
    expect(status?.evidence.decoded?.['Last release date of databases']).toMatch(
      /without a time zone.*read as UTC/,
    );
    expect(sourceOf(result, 'linux.kesl')).toMatchObject({
      status: 'read',
      label: expect.stringContaining('kesl-control'),
    });
  });

  it('reads the real daily.cvd header into the newest ClamAV database date [S114]', () => {
    const result = observeLinux(
      captureOf('linux', [
        listing('linux.clamav-db', '/var/lib/clamav', ['daily.cvd', 'freshclam.dat']),
        file('linux.clamav-db', '/var/lib/clamav/daily.cvd', DAILY_HEADER),
      ]),
    );
    expect(statuses(result.observations, 'clamav')).toEqual([
      expect.objectContaining({
        product: 'ClamAV',
        signaturesDate: '2020-04-16T11:58:00.000Z',
        signaturesVersion: 'daily 25784',
        signaturesUpToDate: null,
        realtime: null,
      }),
    ]);
    expect(sourceOf(result, 'linux.clamav-db')).toMatchObject({
      status: 'read',
      label: 'ClamAV signature databases',
    });
  });

  it('Debian ClamAV with an empty database folder: no signatures, on-access off', () => {
    const result = observeLinux(
      captureOf('linux', [
        commandOk(
          'linux.dpkg',
          'dpkg-query',
          DPKG_ARGS,
          'clamav\t1.4.6+dfsg-0+deb12u1\tii \tClamAV Team <pkg-clamav-devel@lists.alioth.debian.org>\n',
        ),
        listing('linux.clamav-db', '/var/lib/clamav', []),
        ps('    1 process_api     -\n    2 kthreadd        -\n'),
      ]),
    );
    expect(result.observations).toContainEqual(
      expect.objectContaining({
        kind: 'installed-program',
        registry: 'dpkg',
        identifier: 'clamav',
        name: 'clamav',
        version: '1.4.6',
        evidence: expect.objectContaining({ decoded: { 'Package version': '1.4.6+dfsg-0+deb12u1' } }),
      }),
    );
    const [status] = statuses(result.observations, 'clamav');
    expect(status).toMatchObject({ signaturesDate: null, signaturesUpToDate: false, realtime: false });
    expect(status?.evidence.decoded?.Databases).toMatch(/no database files/);
  });

  it('ClamAV on-access scanning is on when clamonacc runs or its unit is active', () => {
    const header = [
      listing('linux.clamav-db', '/var/lib/clamav', ['daily.cvd']),
      file('linux.clamav-db', '/var/lib/clamav/daily.cvd', DAILY_HEADER),
    ];
    const byProcess = observeLinux(
      captureOf('linux', [
        ...header,
        ps('    1 process_api     -\n   42 clamonacc       /usr/sbin/clamonacc\n'),
      ]),
    );
    expect(statuses(byProcess.observations, 'clamav')[0]?.realtime).toBe(true);
    expect(statuses(byProcess.observations, 'clamav')[0]?.evidence.decoded?.['On-access scanning']).toBe(
      'clamonacc is running (pid 42)',
    );
    const unit =
      'Id=clamav-clamonacc.service\nLoadState=loaded\nActiveState=active\nSubState=running\nUnitFileState=enabled\n';
    const byUnit = observeLinux(
      captureOf('linux', [...header, commandOk('linux.systemd', 'systemctl', ['show'], unit)]),
    );
    expect(statuses(byUnit.observations, 'clamav')[0]?.realtime).toBe(true);
    expect(byUnit.observations).toContainEqual(
      expect.objectContaining({
        kind: 'service',
        serviceType: 'systemd-unit',
        name: 'clamav-clamonacc.service',
        state: 'running',
        startMode: 'auto',
      }),
    );
  });

  it('absent tools are not present, broken ones unreadable, and the scan goes on', () => {
    const result = observeLinux(
      captureOf('linux', [
        commandFailed(
          'linux.dpkg',
          'dpkg-query',
          DPKG_ARGS,
          'timeout',
          'dpkg-query did not finish within 15 s and was stopped',
        ),
        commandFailed('linux.rpm', 'rpm', RPM_ARGS, 'missing', 'rpm is not on this machine'),
        commandFailed(
          'linux.kesl',
          '/opt/kaspersky/kesl/bin/kesl-control',
          ['--app-info'],
          'missing',
          'not on this machine',
        ),
        commandFailed(
          'linux.kesl',
          'kesl-control',
          ['--app-info'],
          'missing',
          'kesl-control is not on this machine',
        ),
        commandOk(
          'linux.kav4fs',
          '/opt/kaspersky/kav4fs/bin/kav4fs-control',
          ['--get-stat', 'Update'],
          '\u0000\u0001garbage',
        ),
        commandFailed(
          'linux.systemd',
          'systemctl',
          ['show'],
          'failed',
          "systemctl exited with code 1: System has not been booted with systemd as init system (PID 1). Can't operate.",
          "System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down\n",
          1,
        ),
        fileFailed(
          'linux.freshclam-log',
          '/var/log/clamav/freshclam.log',
          'missing',
          '/var/log/clamav/freshclam.log does not exist',
        ),
        listingFailed('linux.clamav-db', '/var/lib/clamav', 'missing'),
        listingFailed('linux.kaspersky-files', '/opt/kaspersky', 'missing'),
        listingFailed('linux.kaspersky-files', '/etc/kaspersky', 'missing'),
        listingFailed('linux.kaspersky-files', '/var/opt/kaspersky', 'missing'),
        ps('    1 init            /sbin/init\n'),
        fileFailed('host.os', '/etc/os-release', 'missing', '/etc/os-release does not exist'),
        fileFailed('host.os', '/usr/lib/os-release', 'missing', '/usr/lib/os-release does not exist'),
      ]),
    );
    expect(sourceOf(result, 'linux.dpkg')).toMatchObject({
      status: 'unreadable',
      reason:
        'could not read the installed packages (dpkg) because dpkg-query did not finish within 15 s and was stopped',
    });
    expect(sourceOf(result, 'linux.rpm')).toMatchObject({
      status: 'not-present',
      label: 'Installed packages (rpm)',
    });
    expect(sourceOf(result, 'linux.kesl')).toMatchObject({ status: 'not-present', records: 2 });
    expect(sourceOf(result, 'linux.kav4fs')?.status).toBe('unreadable');
    expect(sourceOf(result, 'linux.kav4fs')?.reason).toMatch(
      /^could not read the databases of Kaspersky Anti-Virus/,
    );
    expect(sourceOf(result, 'linux.systemd')).toMatchObject({
      status: 'not-present',
      reason: expect.stringMatching(/systemd is not running/),
    });
    expect(sourceOf(result, 'linux.freshclam-log')?.status).toBe('not-present');
    expect(sourceOf(result, 'linux.clamav-db')?.status).toBe('not-present');
    expect(sourceOf(result, 'linux.kaspersky-files')?.status).toBe('not-present');
    expect(sourceOf(result, 'linux.processes')?.status).toBe('read');
    expect(sourceOf(result, 'host.os')).toMatchObject({
      status: 'not-present',
      reason: 'none of /etc/os-release, /usr/lib/os-release exists',
    });
    expect(result.observations).toEqual([
      expect.objectContaining({ kind: 'process', name: 'init', path: '/sbin/init', pid: 1 }),
    ]);
  });

  it('reads a missing /run/systemd/system as "systemd is not running", with no systemctl record', () => {
    const result = observeLinux(
      captureOf('linux', [listingFailed('linux.systemd', '/run/systemd/system', 'missing')]),
    );
    expect(sourceOf(result, 'linux.systemd')).toMatchObject({
      status: 'not-present',
      reason: expect.stringMatching(/^systemd is not running on this machine/),
    });
  });

  it('emits installed dpkg and rpm packages, not removed ones', () => {
    const result = observeLinux(
      captureOf('linux', [
        commandOk(
          'linux.dpkg',
          'dpkg-query',
          DPKG_ARGS,
          'kesl\t12.1.0-1297\tii \tKaspersky\nklnagent64\t15.1.0-20748\trc \t\n',
        ),
        commandOk('linux.rpm', 'rpm', RPM_ARGS, 'kesl\t12.4.0-1225\t(none)\n'),
      ]),
    );
    const programs = result.observations.filter((o) => o.kind === 'installed-program');
    expect(
      programs.map(
        (p) => p.kind === 'installed-program' && [p.registry, p.identifier, p.version, p.publisher],
      ),
    ).toEqual([
      ['dpkg', 'kesl', '12.1.0', 'Kaspersky'],
      ['rpm', 'kesl', '12.4.0', undefined],
    ]);
    expect(programs.map((p) => p.evidence.decoded?.['Package version'])).toEqual([
      '12.1.0-1297',
      '12.4.0-1225',
    ]);
  });

  it('reports Kaspersky folders as paths, folders where a listing worked', () => {
    const result = observeLinux(
      captureOf('linux', [
        listing('linux.kaspersky-files', '/opt/kaspersky', ['kesl', 'klnagent64']),
        listing('linux.kaspersky-files', '/opt/kaspersky/kesl', ['bin', 'lib']),
        listingFailed('linux.kaspersky-files', '/opt/kaspersky/klnagent64', 'failed'),
        listingFailed('linux.kaspersky-files', '/etc/kaspersky', 'missing'),
        listingFailed('linux.kaspersky-files', '/var/opt/kaspersky', 'missing'),
      ]),
    );
    const paths = result.observations.flatMap((o) => (o.kind === 'path' ? [[o.path, o.isDirectory]] : []));
    expect(paths).toEqual([
      ['/opt/kaspersky', true],
      ['/opt/kaspersky/kesl', true],
      ['/opt/kaspersky/klnagent64', false],
    ]);
    expect(sourceOf(result, 'linux.kaspersky-files')).toMatchObject({
      status: 'read',
      label: 'Kaspersky folders',
    });
  });

  it('reads the real kav4fs transcript and Network Agent AVState [S111][S70]', () => {
    const kav4fs =
      'Current AV databases date:     2014-05-27 03:54:00\nLast AV databases update date: 2014-05-27 09:00:40\nCurrent AV databases state:    UpToDate\nCurrent AV databases records:  8015301\n';
    const folder = '/var/opt/kaspersky/klnagent/1103/1.0.0.0/Statistics/AVState';
    const result = observeLinux(
      captureOf('linux', [
        commandOk(
          'linux.kav4fs',
          '/opt/kaspersky/kav4fs/bin/kav4fs-control',
          ['--get-stat', 'Update'],
          kav4fs,
        ),
        listing('linux.klnagent-avstate', folder, ['Protection_BasesDate', 'Protection_RtpState']),
        file('linux.klnagent-avstate', `${folder}/Protection_BasesDate`, '27-05-2014 03-54-00'),
        file('linux.klnagent-avstate', `${folder}/Protection_RtpState`, '1'),
      ]),
    );
    expect(statuses(result.observations, 'kaspersky')).toEqual([
      expect.objectContaining({
        product: 'Kaspersky Anti-Virus for Linux File Server',
        signaturesDate: '2014-05-27T03:54:00.000Z',
        signaturesUpToDate: true,
      }),
      expect.objectContaining({ signaturesDate: '2014-05-27T03:54:00.000Z', realtime: false }),
    ]);
  });

  it('freshclam: the last run decides, and the last successful check dates the signatures [S116][S117]', () => {
    const log =
      'ClamAV update process started at Wed Oct 23 21:12:58 2024\ndaily.cvd database is up-to-date (version: 27436, sigs: 2067373, f-level: 90, builder: raynman)\n';
    const ok = observeLinux(
      captureOf('linux', [file('linux.freshclam-log', '/var/log/clamav/freshclam.log', log)]),
    );
    expect(statuses(ok.observations, 'clamav')).toEqual([
      expect.objectContaining({ signaturesUpToDate: true, signaturesDate: '2024-10-23T21:12:58.000Z' }),
    ]);
    expect(statuses(ok.observations, 'clamav')[0]?.evidence.decoded?.['Last successful check']).toMatch(
      /at least as old/,
    );
    const failed = observeLinux(
      captureOf('linux', [
        file(
          'linux.freshclam-log',
          '/var/log/clamav/freshclam.log',
          `${log}ClamAV update process started at Thu Oct 24 21:12:58 2024\nERROR: Database update process failed: HTTP GET failed\n`,
        ),
      ]),
    );
    // The failed run is the verdict; the earlier success still dates the signatures.
    expect(statuses(failed.observations, 'clamav')).toEqual([
      expect.objectContaining({ signaturesUpToDate: false, signaturesDate: '2024-10-23T21:12:58.000Z' }),
    ]);
  });

  it('a readable freshclam log is always ClamAV, even empty or with no run in it', () => {
    const empty = observeLinux(
      captureOf('linux', [file('linux.freshclam-log', '/var/log/clamav/freshclam.log', '')]),
    );
    expect(statuses(empty.observations, 'clamav')).toEqual([
      expect.objectContaining({ product: 'ClamAV', signaturesUpToDate: null, signaturesDate: null }),
    ]);
    expect(statuses(empty.observations, 'clamav')[0]?.evidence.decoded?.['Update runs']).toMatch(/is empty/);
    expect(sourceOf(empty, 'linux.freshclam-log')?.status).toBe('read');
  });

  it('reads the journal when it holds a newer run than the log file, and ignores a journal without freshclam', () => {
    const journal = commandOk(
      'linux.freshclam-log',
      '/usr/bin/journalctl',
      ['--unit=clamav-freshclam.service'],
      'Jul 05 01:17:40 host freshclam[715]: ClamAV update process started at Fri Jul  5 01:17:40 2019\nJul 05 01:17:40 host freshclam[715]: main.cvd is up to date (version: 58, sigs: 4566249, f-level: 60, builder: sigmgr)\n',
    );
    const older =
      'ClamAV update process started at Thu Jul  4 01:17:40 2019\nmain.cvd is up to date (version: 58, sigs: 4566249, f-level: 60, builder: sigmgr)\n';
    const both = observeLinux(
      captureOf('linux', [file('linux.freshclam-log', '/var/log/clamav/freshclam.log', older), journal]),
    );
    expect(statuses(both.observations, 'clamav')[0]).toMatchObject({
      signaturesDate: '2019-07-05T01:17:40.000Z',
    });
    expect(statuses(both.observations, 'clamav')[0]?.evidence.record).toMatch(/^\/usr\/bin\/journalctl/);
    const nothing = observeLinux(
      captureOf('linux', [
        fileFailed('linux.freshclam-log', '/var/log/clamav/freshclam.log', 'missing', 'does not exist'),
        commandOk('linux.freshclam-log', '/usr/bin/journalctl', [], '-- No entries --\n'),
      ]),
    );
    expect(statuses(nothing.observations, 'clamav')).toEqual([]);
    expect(sourceOf(nothing, 'linux.freshclam-log')?.status).toBe('not-present');
  });

  it('vendor status commands: read, absent, and failed (root only) each say so [GLPI-BD][CS-FALCONCTL]', () => {
    const result = observeLinux(
      captureOf('linux', [
        commandOk(
          'linux.bitdefender',
          '/opt/bitdefender-security-tools/bin/bduitool',
          ['get', 'ps'],
          readFileSync(resolve(CASES, 'linux-bitdefender-bduitool-7.0.3/bduitool-get-ps.txt'), 'utf8'),
        ),
        commandFailed(
          'linux.sentinelone',
          '/opt/sentinelone/bin/sentinelctl',
          ['version'],
          'missing',
          'not here',
        ),
        commandFailed(
          'linux.falcon',
          '/opt/CrowdStrike/falconctl',
          ['-g', '--version', '--rfm-state'],
          'failed',
          '/opt/CrowdStrike/falconctl exited with code 255: This command must be run as root',
          'This command must be run as root',
          255,
        ),
      ]),
    );
    expect(statuses(result.observations, 'bitdefender-endpoint-security-tools')).toEqual([
      expect.objectContaining({
        version: '7.0.3.2239',
        realtime: true,
        signaturesDate: '2023-08-24T09:44:37.000Z',
      }),
    ]);
    expect(sourceOf(result, 'linux.bitdefender')?.status).toBe('read');
    expect(sourceOf(result, 'linux.sentinelone')?.status).toBe('not-present');
    expect(sourceOf(result, 'linux.falcon')).toMatchObject({
      status: 'unreadable',
      reason: expect.stringMatching(/could not read the state of the CrowdStrike Falcon sensor.*root/),
    });
  });

  it('ESET without its licence output still belongs to ESET for Linux, not to a leftover [GLPI-EEA]', () => {
    const modules = readFileSync(resolve(CASES, 'linux-eset-eea-12.0.13/eset-upd-list-modules.txt'), 'utf8');
    const result = observeLinux(
      captureOf('linux', [commandOk('linux.eset', '/opt/eset/eea/bin/upd', ['--list-modules'], modules)]),
    );
    expect(statuses(result.observations, 'eset-endpoint-antivirus-linux')).toEqual([
      expect.objectContaining({ signaturesDate: '2025-09-09T00:00:00.000Z' }),
    ]);
  });

  it("kav4fs: the product's own full version, beside its databases [S111]", () => {
    const result = observeLinux(
      captureOf('linux', [
        commandOk(
          'linux.kav4fs',
          '/opt/kaspersky/kav4fs/bin/kav4fs-control',
          ['--get-stat', 'Update'],
          readFileSync(resolve(CASES, 'linux-kav4fs-8.0.4.312/kav4fs-get-stat-update.txt'), 'utf8'),
        ),
        commandOk(
          'linux.kav4fs',
          '/opt/kaspersky/kav4fs/bin/kav4fs-control',
          ['-S', '--app-info'],
          readFileSync(resolve(CASES, 'linux-kav4fs-8.0.4.312/kav4fs-app-info.txt'), 'utf8'),
        ),
      ]),
    );
    expect(statuses(result.observations, 'kaspersky')).toEqual([
      expect.objectContaining({
        product: 'Kaspersky Anti-Virus for Linux File Server',
        version: '8.0.4.312',
        signaturesUpToDate: true,
      }),
    ]);
  });

  it('fills machine facts: OS from os-release, hostname from the host block', () => {
    const result = observeLinux(
      captureOf(
        'linux',
        [
          fileFailed('host.os', '/etc/os-release', 'missing', '/etc/os-release does not exist'),
          file('host.os', '/usr/lib/os-release', DEBIAN_12),
        ],
        { hostname: 'vm', locale: { env: { LANG: 'ru_RU.UTF-8' }, timeZone: 'Europe/Moscow' } },
      ),
    );
    expect(result.machine).toEqual({
      platform: 'linux',
      osName: 'Debian GNU/Linux',
      osVersion: '12 (bookworm)',
      hostname: 'vm',
      regionInputs: { locale: 'ru_RU.UTF-8', timeZone: 'Europe/Moscow' },
    });
    expect(sourceOf(result, 'host.os')).toMatchObject({
      status: 'read',
      label: 'Operating system',
      records: 2,
    });
  });

  it('an os-release that is not one, or cannot be read, makes host.os unreadable', () => {
    const garbage = observeLinux(captureOf('linux', [file('host.os', '/etc/os-release', '<html>\n')]));
    expect(sourceOf(garbage, 'host.os')).toMatchObject({
      status: 'unreadable',
      reason:
        'could not read the operating system version because /etc/os-release: it names no operating system (no NAME, PRETTY_NAME or ID line)',
    });
    expect(garbage.machine.osName).toBeUndefined();
    const denied = observeLinux(
      captureOf('linux', [
        fileFailed(
          'host.os',
          '/etc/os-release',
          'failed',
          '/etc/os-release could not be read: permission denied',
        ),
      ]),
    );
    expect(sourceOf(denied, 'host.os')?.status).toBe('unreadable');
  });

  it('the region locale comes from LC_ALL > LC_MESSAGES > LANG only, skipping C/POSIX, never Intl', () => {
    const region = (locale: Parameters<typeof captureOf>[2]) =>
      observeLinux(captureOf('linux', [], locale)).machine.regionInputs;
    // LC_ALL=C.UTF-8 is passed over; Intl's en-US (Node's fallback) is never used.
    expect(
      region({
        locale: {
          env: { LC_ALL: 'C.UTF-8', LANG: 'ru_RU.UTF-8' },
          intlLocale: 'en-US',
          timeZone: 'Europe/Moscow',
        },
      }),
    ).toEqual({ locale: 'ru_RU.UTF-8', timeZone: 'Europe/Moscow' });
    // Only C/POSIX set (a container, a service): no locale at all, the time zone stays.
    expect(
      region({ locale: { env: { LANG: 'C.UTF-8', LC_ALL: 'POSIX' }, intlLocale: 'en-US', timeZone: 'UTC' } }),
    ).toEqual({ timeZone: 'UTC' });
    // Nothing set: Intl's locale does not stand in for it.
    expect(region({ locale: { env: {}, intlLocale: 'en-US' } })).toEqual({});
    expect(region({ locale: { env: { LC_MESSAGES: 'de_DE.UTF-8', LANG: 'en_US.UTF-8' } } }).locale).toBe(
      'de_DE.UTF-8',
    );
    // A language-only LC_ALL gives way to a variable that names a region.
    expect(region({ locale: { env: { LC_ALL: 'en', LANG: 'pt_BR.UTF-8' } } }).locale).toBe('pt_BR.UTF-8');
    expect(region({ locale: { env: { LANG: 'en' } } }).locale).toBe('en');
  });

  it('ps that failed or printed nothing usable makes the processes unreadable and on-access unknown', () => {
    const header = [
      listing('linux.clamav-db', '/var/lib/clamav', ['daily.cvd']),
      file('linux.clamav-db', '/var/lib/clamav/daily.cvd', DAILY_HEADER),
    ];
    const failed = observeLinux(
      captureOf('linux', [
        ...header,
        commandFailed(
          'linux.processes',
          'ps',
          PS_ARGS,
          'failed',
          'ps exited with code 1: error: unknown user-defined format specifier "exe"',
          'error: unknown user-defined format specifier "exe"\n',
          1,
        ),
      ]),
    );
    expect(sourceOf(failed, 'linux.processes')).toMatchObject({
      status: 'unreadable',
      reason: expect.stringMatching(/^could not read the running processes because ps exited with code 1/),
    });
    expect(statuses(failed.observations, 'clamav')[0]?.realtime).toBeNull();
    const empty = observeLinux(captureOf('linux', [ps('')]));
    expect(sourceOf(empty, 'linux.processes')?.status).toBe('unreadable');
    const missing = observeLinux(
      captureOf('linux', [
        commandFailed('linux.processes', 'ps', PS_ARGS, 'missing', 'ps is not on this machine'),
      ]),
    );
    expect(sourceOf(missing, 'linux.processes')?.status).toBe('not-present');
  });
});
