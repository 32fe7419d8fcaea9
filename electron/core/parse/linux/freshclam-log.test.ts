import { describe, expect, it } from 'vitest';
import { parseFreshclamLog } from './freshclam-log';

/** freshclam-hourly.log on Alpine, 2024-02-18 [S117] (ref 35040278184). */
const ALPINE = `--------------------------------------
ClamAV update process started at Sun Feb 18 17:00:00 2024
daily.cld database is up-to-date (version: 27189, sigs: 2053641, f-level: 90, builder: raynman)
main.cvd database is up-to-date (version: 62, sigs: 6647427, f-level: 90, builder: sigmgr)
bytecode.cvd database is up-to-date (version: 334, sigs: 91, f-level: 90, builder: anvilleg)
`;

/** Container log with LogTime prefixes, 2026-01-16 [S117] (ref 60777453664), platform prefixes removed. */
const LOGTIME = `Fri Jan 16 23:00:40 2026 -> ClamAV update process started at Fri Jan 16 23:00:40 2026
Fri Jan 16 23:00:40 2026 -> daily database available for update (local version: 27880, remote version: 27882)
Fri Jan 16 23:00:41 2026 -> Testing database: '/var/lib/clamav/tmp.4ebe51d61c/clamav-78d604dbb56294b5c7df742e0e27595a.tmp-daily.cld' ...
Fri Jan 16 23:00:44 2026 -> Database test passed.
Fri Jan 16 23:00:44 2026 -> daily.cld updated (version: 27882, sigs: 354806, f-level: 90, builder: svc.clamav-publisher)
Fri Jan 16 23:00:44 2026 -> main.cvd database is up-to-date (version: 63, sigs: 3287027, f-level: 90, builder: tomjudge)
Fri Jan 16 23:00:44 2026 -> bytecode.cvd database is up-to-date (version: 339, sigs: 80, f-level: 90, builder: nrandolp)
WARNING: Fri Jan 16 23:00:44 2026 -> Clamd was NOT notified: Can't connect to clamd through /var/run/clamav/clamd.ctl: No such file or directory
`;

describe('parseFreshclamLog', () => {
  it('reads the last run of a plain log [S116][S117]', () => {
    const { lastRun } = parseFreshclamLog(ALPINE);
    expect(lastRun?.startedAtPrinted).toBe('Sun Feb 18 17:00:00 2024');
    expect(lastRun?.errors).toEqual([]);
    expect(lastRun?.databases.map((d) => [d.file, d.result, d.version, d.signatures, d.builder])).toEqual([
      ['daily.cld', 'up-to-date', 27189, 2053641, 'raynman'],
      ['main.cvd', 'up-to-date', 62, 6647427, 'sigmgr'],
      ['bytecode.cvd', 'up-to-date', 334, 91, 'anvilleg'],
    ]);
  });

  it('reads LogTime prefixes and "updated" lines; a warning is not an error [S117]', () => {
    const { lastRun } = parseFreshclamLog(LOGTIME);
    expect(lastRun?.startedAtPrinted).toBe('Fri Jan 16 23:00:40 2026');
    expect(lastRun?.databases.map((d) => `${d.file} ${d.result} ${d.version}`)).toEqual([
      'daily.cld updated 27882',
      'main.cvd up-to-date 63',
      'bytecode.cvd up-to-date 339',
    ]);
    expect(lastRun?.errors).toEqual([]);
  });

  it('keeps only the last run, with its errors', () => {
    // The error wording is freshclam's on this Debian machine (toolchain.md §6).
    const failing = `${ALPINE}ClamAV update process started at Mon Feb 19 17:00:00 2024
ERROR: Database update process failed: HTTP GET failed
`;
    const { lastRun } = parseFreshclamLog(failing);
    expect(lastRun?.startedAtPrinted).toBe('Mon Feb 19 17:00:00 2024');
    expect(lastRun?.databases).toEqual([]);
    expect(lastRun?.errors).toEqual(['Database update process failed: HTTP GET failed']);
  });

  it('has no run when the log has none', () => {
    expect(parseFreshclamLog('').lastRun).toBeNull();
    expect(
      parseFreshclamLog('main.cvd database is up-to-date (version: 62, sigs: 1, f-level: 90, builder: x)')
        .lastRun,
    ).toBeNull();
  });
});
