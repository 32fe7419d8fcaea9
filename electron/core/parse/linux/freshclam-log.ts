/**
 * freshclam's log (/var/log/clamav/freshclam.log). Each run starts with
 * 'ClamAV update process started at <ctime>' and reports one line per database:
 * '<file> database is up-to-date (version: N, sigs: N, f-level: N, builder: NAME)' or
 * '<file> updated (version: …)' [S116]. With LogTime on, lines carry a '<ctime> -> ' prefix, and
 * warnings/errors a 'WARNING: '/'ERROR: ' before it [S117].
 */

export interface FreshclamDatabaseLine {
  readonly file: string;
  readonly result: 'up-to-date' | 'updated';
  readonly version: number;
  readonly signatures: number;
  readonly functionalityLevel: number;
  readonly builder: string;
  readonly line: string;
}

export interface FreshclamRun {
  /** The ctime after 'started at', as printed (local time, no zone). */
  readonly startedAtPrinted: string;
  readonly databases: readonly FreshclamDatabaseLine[];
  /** 'ERROR: …' lines of this run, without the prefix. */
  readonly errors: readonly string[];
}

export interface FreshclamLog {
  /** The last run in the log; null when the log holds none (freshclam never ran, or the tail cut it). */
  readonly lastRun: FreshclamRun | null;
}

const CTIME = String.raw`[A-Z][a-z]{2}\s+[A-Z][a-z]{2}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\s+\d{4}`;
const LINE = new RegExp(String.raw`^(?:(ERROR|WARNING):\s*)?(?:${CTIME}\s+->\s+)?(.*)$`);
const STARTED = new RegExp(String.raw`^ClamAV update process started at (${CTIME})\s*$`);
const DATABASE =
  /^(\S+) (database is up-to-date|updated) \(version: (\d+), sigs: (\d+), f-level: (\d+), builder: ([^)]*)\)/;

export function parseFreshclamLog(text: string): FreshclamLog {
  let run: { startedAtPrinted: string; databases: FreshclamDatabaseLine[]; errors: string[] } | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const m = LINE.exec(raw.trim());
    if (!m) continue;
    const level = m[1];
    const message = m[2] ?? '';
    const started = STARTED.exec(message);
    if (started) {
      run = { startedAtPrinted: (started[1] ?? '').replace(/\s+/g, ' '), databases: [], errors: [] };
      continue;
    }
    if (!run) continue;
    if (level === 'ERROR') {
      run.errors.push(message);
      continue;
    }
    const db = DATABASE.exec(message);
    if (db)
      run.databases.push({
        file: db[1] ?? '',
        result: db[2] === 'updated' ? 'updated' : 'up-to-date',
        version: Number(db[3]),
        signatures: Number(db[4]),
        functionalityLevel: Number(db[5]),
        builder: db[6] ?? '',
        line: message,
      });
  }
  return { lastRun: run };
}
