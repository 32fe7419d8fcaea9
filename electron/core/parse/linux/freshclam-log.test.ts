import { describe, expect, it } from 'vitest';
import { parseFreshclamLog } from './freshclam-log';

/** freshclam-hourly.log on Alpine, 2024-02-18 [S117] (ref 35040278184), verbatim. */
const ALPINE = `--------------------------------------
ClamAV update process started at Sun Feb 18 17:00:00 2024
daily.cld database is up-to-date (version: 27189, sigs: 2053641, f-level: 90, builder: raynman)
main.cvd database is up-to-date (version: 62, sigs: 6647427, f-level: 90, builder: sigmgr)
bytecode.cvd database is up-to-date (version: 334, sigs: 91, f-level: 90, builder: anvilleg)
`;

/** A hosting platform's container log, 2026-01-16 [S117] (ref 60777453664): its first lines, verbatim. */
const CONTAINER = `2026-01-16T23:00:40.000000000Z [inf]  Starting Container
2026-01-16T23:00:41.143786929Z [inf]  Fri Jan 16 23:00:40 2026 -> ClamAV update process started at Fri Jan 16 23:00:40 2026
2026-01-16T23:00:41.143790846Z [inf]  Fri Jan 16 23:00:40 2026 -> daily database available for update (local version: 27880, remote version: 27882)
2026-01-16T23:00:41.153596313Z [inf]  Fri Jan 16 23:00:41 2026 -> Testing database: '/var/lib/clamav/tmp.4ebe51d61c/clamav-78d604dbb56294b5c7df742e0e27595a.tmp-daily.cld' ...
2026-01-16T23:00:44.837023839Z [inf]  Fri Jan 16 23:00:44 2026 -> Database test passed.
2026-01-16T23:00:44.837033280Z [inf]  Fri Jan 16 23:00:44 2026 -> daily.cld updated (version: 27882, sigs: 354806, f-level: 90, builder: svc.clamav-publisher)
2026-01-16T23:00:44.853170759Z [inf]  Fri Jan 16 23:00:44 2026 -> main.cvd database is up-to-date (version: 63, sigs: 3287027, f-level: 90, builder: tomjudge)
2026-01-16T23:00:44.853180159Z [inf]  Fri Jan 16 23:00:44 2026 -> bytecode.cvd database is up-to-date (version: 339, sigs: 80, f-level: 90, builder: nrandolp)
2026-01-16T23:00:44.853185781Z [inf]  WARNING: Fri Jan 16 23:00:44 2026 -> Clamd was NOT notified: Can't connect to clamd through /var/run/clamav/clamd.ctl: No such file or directory
2026-01-16T23:00:44.854655200Z [inf]  🛡️ Starting ClamAV daemon...
2026-01-16T23:10:58.482174314Z [inf]  Fri Jan 16 23:10:56 2026 -> SelfCheck: Database status OK.
`;

/** /var/log/syslog of an Xubuntu 18.04 laptop, ClamAV 0.100.3, 2019-07-05 [S117b] (ref 57129680341): two hourly runs, verbatim. */
const SYSLOG = `Jul  5 00:17:01 david-N2x0WU CRON[1330]: (root) CMD (   cd / && run-parts --report /etc/cron.hourly)
Jul  5 00:17:40 david-N2x0WU freshclam[715]: Fri Jul  5 00:17:40 2019 -> Received signal: wake up
Jul  5 00:17:40 david-N2x0WU freshclam[715]: Fri Jul  5 00:17:40 2019 -> ClamAV update process started at Fri Jul  5 00:17:40 2019
Jul  5 00:17:40 david-N2x0WU freshclam[715]: Fri Jul  5 00:17:40 2019 -> ^Your ClamAV installation is OUTDATED!
Jul  5 00:17:40 david-N2x0WU freshclam[715]: Fri Jul  5 00:17:40 2019 -> ^Local version: 0.100.3 Recommended version: 0.101.2
Jul  5 00:17:40 david-N2x0WU freshclam[715]: Fri Jul  5 00:17:40 2019 -> DON'T PANIC! Read [https://www.clamav.net/documents/upgrading-clamav](https://www.clamav.net/documents/upgrading-clamav)
Jul  5 00:17:40 david-N2x0WU freshclam[715]: Fri Jul  5 00:17:40 2019 -> main.cvd is up to date (version: 58, sigs: 4566249, f-level: 60, builder: sigmgr)
Jul  5 00:17:40 david-N2x0WU freshclam[715]: Fri Jul  5 00:17:40 2019 -> daily.cld is up to date (version: 25500, sigs: 1610180, f-level: 63, builder: raynman)
Jul  5 00:17:40 david-N2x0WU freshclam[715]: Fri Jul  5 00:17:40 2019 -> bytecode.cvd is up to date (version: 328, sigs: 94, f-level: 63, builder: neo)
Jul  5 01:03:35 david-N2x0WU systemd[1]: Started Run anacron jobs.
Jul  5 01:17:40 david-N2x0WU freshclam[715]: Fri Jul  5 01:17:40 2019 -> Received signal: wake up
Jul  5 01:17:40 david-N2x0WU freshclam[715]: Fri Jul  5 01:17:40 2019 -> ClamAV update process started at Fri Jul  5 01:17:40 2019
Jul  5 01:17:40 david-N2x0WU freshclam[715]: Fri Jul  5 01:17:40 2019 -> ^Your ClamAV installation is OUTDATED!
Jul  5 01:17:40 david-N2x0WU freshclam[715]: Fri Jul  5 01:17:40 2019 -> ^Local version: 0.100.3 Recommended version: 0.101.2
Jul  5 01:17:40 david-N2x0WU freshclam[715]: Fri Jul  5 01:17:40 2019 -> main.cvd is up to date (version: 58, sigs: 4566249, f-level: 60, builder: sigmgr)
Jul  5 01:17:40 david-N2x0WU freshclam[715]: Fri Jul  5 01:17:40 2019 -> daily.cld is up to date (version: 25500, sigs: 1610180, f-level: 63, builder: raynman)
Jul  5 01:17:40 david-N2x0WU freshclam[715]: Fri Jul  5 01:17:40 2019 -> bytecode.cvd is up to date (version: 328, sigs: 94, f-level: 63, builder: neo)
`;

/**
 * The journal as \`systemctl status clamav-freshclam.service\` prints it: ClamAV 1.4.3, host INFRA02,
 * locale month 'jul', long lines cut with '>' [S117c] (GLPI agent test data, ref 66114694598).
 */
const SYSTEMCTL_STATUS = `● clamav-freshclam.service - ClamAV virus database updater
     Loaded: loaded (/usr/lib/systemd/system/clamav-freshclam.service; disabled; preset: enabled)
     Active: active (running) since Fri 2026-07-03 17:20:08 -03; 40s ago
   Main PID: 639242 (freshclam)

jul 03 17:20:08 INFRA02 systemd[1]: Started clamav-freshclam.service - ClamAV virus database updater.
jul 03 17:20:08 INFRA02 freshclam[639242]: Fri Jul  3 17:20:08 2026 -> ClamAV update process started at Fri Jul  3 17:20:08 2026
jul 03 17:20:08 INFRA02 freshclam[639242]: Fri Jul  3 17:20:08 2026 -> daily.cld database is up-to-date (version: 28049, sigs: 355485, f-level: 9>
jul 03 17:20:08 INFRA02 freshclam[639242]: Fri Jul  3 17:20:08 2026 -> main.cld database is up-to-date (version: 63, sigs: 3287027, f-level: 90, >
jul 03 17:20:08 INFRA02 freshclam[639242]: Fri Jul  3 17:20:08 2026 -> bytecode.cld database is up-to-date (version: 339, sigs: 80, f-level: 90, >
`;

/** An Ubuntu 10.04 VPS's log, LogTime on, warnings after the arrow (ClamAV 0.96.5) [S117d] (ref 56735373933), verbatim. */
const LOGTIME_2012 = `Sat Jan 14 17:00:33 2012 -> ClamAV update process started at Sat Jan 14 17:00:33 2012
Sat Jan 14 17:00:33 2012 -> WARNING: Your ClamAV installation is OUTDATED!
Sat Jan 14 17:00:33 2012 -> WARNING: Local version: 0.96.5 Recommended version: 0.97.3
Sat Jan 14 17:00:33 2012 -> DON'T PANIC! Read http://www.clamav.net/support/faq
Sat Jan 14 17:00:33 2012 -> main.cvd is up to date (version: 54, sigs: 1044387, f-level: 60, builder: sven)
Sat Jan 14 17:00:33 2012 -> daily.cld is up to date (version: 14308, sigs: 73235, f-level: 63, builder: guitar)
Sat Jan 14 17:00:33 2012 -> bytecode.cld is up to date (version: 161, sigs: 39, f-level: 63, builder: edwin)
`;

/** \`sudo freshclam\` in a terminal, 2026-05-16: warnings before the time (foreground output) [S117e] (ref 54652732232). */
const FOREGROUND = `Connecting via 172.16.100.252
Sat May 16 17:48:53 2026 -> ClamAV update process started at Sat May 16 17:48:53 2026
WARNING: Sat May 16 17:48:53 2026 -> Can't query current.cvd.clamav.net
WARNING: Sat May 16 17:48:53 2026 -> Invalid DNS reply. Falling back to HTTP mode.
Sat May 16 17:48:53 2026 -> Trying to retrieve CVD header from https://database.clamav.net/daily.cvd
Sat May 16 17:48:53 2026 -> daily.cld database is up-to-date (version: 28002, sigs: 355454, f-level: 90, builder: svc.clamav-publisher)
Sat May 16 17:48:53 2026 -> Trying to retrieve CVD header from https://database.clamav.net/main.cvd
Sat May 16 17:48:53 2026 -> main.cvd database is up-to-date (version: 63, sigs: 3287027, f-level: 90, builder: tomjudge)
`;

describe('parseFreshclamLog', () => {
  it('reads the last run of a plain log [S116][S117]', () => {
    const log = parseFreshclamLog(ALPINE);
    expect(log.lastRun?.startedAtPrinted).toBe('Sun Feb 18 17:00:00 2024');
    expect(log.lastRun?.startedAt).toBe('2024-02-18T17:00:00.000Z');
    expect(log.lastRun?.zoned).toBe(false);
    expect(log.lastRun?.errors).toEqual([]);
    expect(log.lastRun?.databases.map((d) => [d.file, d.result, d.version, d.signatures, d.builder])).toEqual(
      [
        ['daily.cld', 'up-to-date', 27189, 2053641, 'raynman'],
        ['main.cvd', 'up-to-date', 62, 6647427, 'sigmgr'],
        ['bytecode.cvd', 'up-to-date', 334, 91, 'anvilleg'],
      ],
    );
    expect(log.lastSuccessfulRun).toBe(log.lastRun);
  });

  it('unwraps a container runtime timestamp and stream mark, and uses the zoned time [S117]', () => {
    const log = parseFreshclamLog(CONTAINER);
    expect(log.lastRun?.startedAtPrinted).toBe('Fri Jan 16 23:00:40 2026');
    expect(log.lastRun?.startedAt).toBe('2026-01-16T23:00:41.143Z');
    expect(log.lastRun?.zoned).toBe(true);
    expect(log.lastRun?.databases.map((d) => `${d.file} ${d.result} ${d.version}`)).toEqual([
      'daily.cld updated 27882',
      'main.cvd up-to-date 63',
      'bytecode.cvd up-to-date 339',
    ]);
    // "Clamd was NOT notified" is a warning, not a failed update.
    expect(log.lastRun?.errors).toEqual([]);
    expect(log.lastSuccessfulRun?.startedAt).toBe('2026-01-16T23:00:41.143Z');
  });

  it('reads syslog lines with the older "is up to date" wording and the engine warning [S117b]', () => {
    const log = parseFreshclamLog(SYSLOG);
    expect(log.runCount).toBe(2);
    expect(log.lastRun?.startedAtPrinted).toBe('Fri Jul 5 01:17:40 2019');
    expect(log.lastRun?.startedAt).toBe('2019-07-05T01:17:40.000Z');
    expect(log.lastRun?.databases.map((d) => `${d.file} ${d.result} ${d.version}`)).toEqual([
      'main.cvd up-to-date 58',
      'daily.cld up-to-date 25500',
      'bytecode.cvd up-to-date 328',
    ]);
    expect(log.lastRun?.engine).toEqual({ local: '0.100.3', recommended: '0.101.2' });
    expect(log.lastRun?.errors).toEqual([]);
  });

  it('reads the journal as systemctl status prints it, cut lines included [S117c]', () => {
    const log = parseFreshclamLog(SYSTEMCTL_STATUS);
    expect(log.lastRun?.startedAt).toBe('2026-07-03T17:20:08.000Z');
    const daily = log.lastRun?.databases[0];
    expect(daily).toMatchObject({
      file: 'daily.cld',
      result: 'up-to-date',
      version: 28049,
      signatures: 355485,
    });
    // '… f-level: 9>' was cut: the number is not read as 9.
    expect(daily?.functionalityLevel).toBeNull();
    expect(log.lastRun?.databases.map((d) => d.file)).toEqual(['daily.cld', 'main.cld', 'bytecode.cld']);
    expect(log.lastSuccessfulRun).toBe(log.lastRun);
  });

  it('reads warnings after the LogTime arrow, the engine line among them [S117d]', () => {
    const log = parseFreshclamLog(LOGTIME_2012);
    expect(log.lastRun?.startedAt).toBe('2012-01-14T17:00:33.000Z');
    expect(log.lastRun?.engine).toEqual({ local: '0.96.5', recommended: '0.97.3' });
    expect(log.lastRun?.errors).toEqual([]);
    expect(log.lastSuccessfulRun?.databases.map((d) => `${d.file} ${d.version}`)).toEqual([
      'main.cvd 54',
      'daily.cld 14308',
      'bytecode.cld 161',
    ]);
  });

  it("starts a run from a database line's own time when a log's tail cut the start line off [S117d]", () => {
    // The same record with its first four lines cut, as a 64 KiB tail can cut a log.
    const cut = LOGTIME_2012.split('\n').slice(4).join('\n');
    const log = parseFreshclamLog(cut);
    expect(log.lastRun?.startedAtPrinted).toBe('Sat Jan 14 17:00:33 2012');
    expect(log.lastRun?.databases).toHaveLength(3);
    expect(log.lastRun?.engine).toBeNull();
  });

  it('treats warnings before the time as warnings, not errors [S117e]', () => {
    const log = parseFreshclamLog(FOREGROUND);
    expect(log.lastRun?.errors).toEqual([]);
    expect(log.lastRun?.databases.map((d) => d.file)).toEqual(['daily.cld', 'main.cvd']);
    expect(log.lastSuccessfulRun?.startedAt).toBe('2026-05-16T17:48:53.000Z');
  });

  it('keeps the last successful run when the last run failed', () => {
    // The failing run's wording is freshclam's on this Debian machine (toolchain.md §6).
    const failing = `${ALPINE}ClamAV update process started at Mon Feb 19 17:00:00 2024
ERROR: Database update process failed: HTTP GET failed
`;
    const log = parseFreshclamLog(failing);
    expect(log.lastRun?.startedAtPrinted).toBe('Mon Feb 19 17:00:00 2024');
    expect(log.lastRun?.databases).toEqual([]);
    expect(log.lastRun?.errors).toEqual(['Database update process failed: HTTP GET failed']);
    expect(log.lastSuccessfulRun?.startedAtPrinted).toBe('Sun Feb 18 17:00:00 2024');
  });

  it('reads errors of the log file form ("-> ERROR:") and of older releases ("-> !")', () => {
    // Composed: freshclam's own messages (freshclam.c) in the shapes of output.c's logg() and of [S117b].
    const logFile = `Mon Feb 19 17:00:00 2024 -> ClamAV update process started at Mon Feb 19 17:00:00 2024
Mon Feb 19 17:00:40 2024 -> ERROR: Database update process failed: HTTP GET failed
`;
    expect(parseFreshclamLog(logFile).lastRun?.errors).toEqual([
      'Database update process failed: HTTP GET failed',
    ]);
    const older = `Jul  5 02:17:40 host freshclam[715]: Fri Jul  5 02:17:40 2019 -> ClamAV update process started at Fri Jul  5 02:17:40 2019
Jul  5 02:17:41 host freshclam[715]: Fri Jul  5 02:17:41 2019 -> !Update failed.
`;
    expect(parseFreshclamLog(older).lastRun?.errors).toHaveLength(1);
    expect(parseFreshclamLog(older).lastSuccessfulRun).toBeNull();
  });

  it('reads a syslog-only failure, which carries no level, by its wording', () => {
    // Composed: LogSyslog writes the bare message (output.c); the prefix is rsyslog's RFC 3339 form.
    const syslogOnly = `2024-02-19T17:00:00+01:00 host freshclam[99]: ClamAV update process started at Mon Feb 19 17:00:00 2024
2024-02-19T17:00:40+01:00 host freshclam[99]: Database update process failed: HTTP GET failed
`;
    const log = parseFreshclamLog(syslogOnly);
    expect(log.lastRun?.startedAt).toBe('2024-02-19T16:00:00.000Z');
    expect(log.lastRun?.errors).toEqual(['Database update process failed: HTTP GET failed']);
  });

  it('has no run when the text has none, and counts no freshclam line in other text', () => {
    expect(parseFreshclamLog('').lastRun).toBeNull();
    const other = parseFreshclamLog('Jul  5 01:03:35 host systemd[1]: Started Run anacron jobs.\n');
    expect(other).toEqual({ lastRun: null, lastSuccessfulRun: null, runCount: 0, freshclamLines: 0 });
    const orphan = parseFreshclamLog(
      'main.cvd database is up-to-date (version: 62, sigs: 1, f-level: 90, builder: x)',
    );
    expect(orphan.lastRun).toBeNull();
    expect(orphan.freshclamLines).toBe(1);
  });
});
