/**
 * freshclam's update log, as machines really write it. The same messages reach a reader through
 * several writers, each adding its own prefix, so a line is unwrapped layer by layer:
 *
 * 1. a container runtime's timestamp: `2026-01-16T23:00:41.143786929Z [inf]  ` (a hosting
 *    platform's log view [S117] ref 60777453664), `docker logs -t`'s bare RFC 3339 time, a CRI
 *    log file's `<time> stdout F `, or docker compose's `clamav-1  | `;
 * 2. syslog or the journal: `Jul  5 00:17:40 host freshclam[715]: ` (rsyslog, ClamAV 0.100
 *    [S117b] ref 57129680341), `jul 03 17:20:08 INFRA02 freshclam[639242]: ` (the journal as
 *    `systemctl status` prints it, month in the machine's locale, long lines cut with `>`
 *    [S117c] ref 66114694598), or journalctl's ISO form;
 * 3. freshclam's own LogTime prefix `<ctime> -> `, with `ERROR: `/`WARNING: ` before it
 *    (foreground output, 1.x) or after it (the log file) (common/output.c logg());
 * 4. the level marks of older releases, `^` warning and `!` error, which reached syslog
 *    unconverted (`-> ^Your ClamAV installation is OUTDATED!` [S117b]).
 *
 * What remains is freshclam's message. A run starts with 'ClamAV update process started at
 * <ctime>' and reports one line per database (libfreshclam_internal.c [S116]):
 *   1.x and 0.103: '<file> database is up-to-date (version: N, sigs: N, f-level: N, builder: X)'
 *   up to 0.102:   '<file> is up to date (version: N, sigs: N, f-level: N, builder: X)' [S117b]
 *   both:          '<file> updated (version: N, sigs: N, f-level: N, builder: X)'
 * A run that reported its databases and logged no error is a successful check: the signatures
 * were current at its start. The parser keeps the last run and the last successful one, because an
 * old "up to date" says how old the signatures are at least, not that they are current now.
 */
import { isoFromCtime } from './printed-dates';

export interface FreshclamDatabaseLine {
  readonly file: string;
  readonly result: 'up-to-date' | 'updated';
  /** null when the line was cut before the number (systemctl status cuts long lines). */
  readonly version: number | null;
  readonly signatures: number | null;
  readonly functionalityLevel: number | null;
  readonly builder: string | null;
  /** freshclam's message, without the prefixes. */
  readonly line: string;
}

export interface FreshclamRun {
  /** The run's start as printed: the ctime after 'started at' (local time, no zone), or a line's timestamp. */
  readonly startedAtPrinted: string;
  /** The same as ISO 8601 (a zoned container/journal timestamp when the line has one, else the ctime read as UTC). */
  readonly startedAt: string | null;
  /** Whether startedAt carries its own zone (a container or journal timestamp) or was read as UTC. */
  readonly zoned: boolean;
  readonly databases: readonly FreshclamDatabaseLine[];
  /** Error messages of this run, without their prefixes. */
  readonly errors: readonly string[];
  /** 'Your ClamAV installation is OUTDATED!' / 'Local version: X Recommended version: Y', when printed. */
  readonly engine: { readonly local: string; readonly recommended: string } | null;
}

export interface FreshclamLog {
  /** The last run in the text; null when it holds none (freshclam never ran, or the tail cut it). */
  readonly lastRun: FreshclamRun | null;
  /** The last run that reported its databases without an error. */
  readonly lastSuccessfulRun: FreshclamRun | null;
  readonly runCount: number;
  /** Lines recognised as freshclam's (a run start, a database line, an error, an engine warning). */
  readonly freshclamLines: number;
}

const CTIME = String.raw`[A-Z][a-z]{2}\s+[A-Z][a-z]{2}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\s+\d{4}`;
const ISO_TIME = String.raw`\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?`;

/** Layer 1: a container runtime's timestamp, then a stream mark ('[inf]', 'stdout F'), if any. */
const CONTAINER = new RegExp(
  String.raw`^(${ISO_TIME})\s+(?:(?:stdout|stderr)\s+[FP]\s|\[(?:inf|err|wrn|dbg|info|error|warn|warning|debug)\]\s+)?`,
  'i',
);
/** docker compose's service column: 'clamav-1  | ', 'clamav_1 | '. */
const COMPOSE = /^[A-Za-z0-9][\w.-]*\s*\|\s/;
/** Layer 2: syslog or journal prefix ending in the program tag. */
const SYSLOG = /^(.*?\s)?freshclam(?:\[\d+\])?:\s?/;
const LEADING_ISO = new RegExp(String.raw`^(${ISO_TIME})\s`);
const LEVEL = /^(ERROR|WARNING):\s*/;
const LOGTIME = new RegExp(String.raw`^(${CTIME})\s+->\s?`);
const STARTED = new RegExp(String.raw`^ClamAV update process started at (${CTIME})\s*$`);
const DATABASE = new RegExp(
  String.raw`^(\S+\.(?:cvd|cld|cud|inc)) (database is up-to-date|is up to date|is up-to-date|updated) \(version: (\d+)(?=[,)])` +
    String.raw`(?:, sigs: (\d+)(?=[,)]))?(?:, f-level: (\d+)(?=[,)]))?(?:, builder: ([^)>]*)\))?`,
);
const OUTDATED_ENGINE = /^Local version: (\S+) Recommended version: (\S+)/;
/** Errors that syslog-only logging prints without a level (LogSyslog writes the bare message). */
const FAILURE = [
  /^Database update process failed\b/,
  /^Update failed\b/,
  /^Database test FAILED\b/,
  /received error code 429\b/,
  /^You are on cool-down\b/,
];

interface Unwrapped {
  readonly message: string;
  readonly level: 'error' | 'warning' | null;
  /** The line's own time: a zoned container/journal time, else freshclam's ctime (read as UTC). */
  readonly time: { readonly iso: string; readonly printed: string; readonly zoned: boolean } | null;
}

/** A printed ISO time with a zone as an ISO instant; without a zone it is not trusted as one. */
function zonedIso(text: string): string | null {
  if (!/(?:Z|[+-]\d{2}:?\d{2})$/i.test(text)) return null;
  const normalised = text
    .replace(' ', 'T')
    .replace(',', '.')
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(normalised);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function unwrap(raw: string): Unwrapped {
  let text = raw.replace(/\s+$/, '');
  let time: Unwrapped['time'] = null;
  let level: Unwrapped['level'] = null;
  const zoned = (printed: string) => {
    const iso = zonedIso(printed);
    if (iso && !time) time = { iso, printed, zoned: true };
  };
  for (let layer = 0; layer < 3; layer += 1) {
    const container = CONTAINER.exec(text);
    if (container) {
      zoned(container[1] ?? '');
      text = text.slice(container[0].length).replace(/^\s+/, '');
      continue;
    }
    const compose = COMPOSE.exec(text);
    if (compose) {
      text = text.slice(compose[0].length);
      continue;
    }
    break;
  }
  const syslog = SYSLOG.exec(text);
  if (syslog) {
    const iso = LEADING_ISO.exec(syslog[1] ?? '');
    if (iso) zoned(iso[1] ?? '');
    text = text.slice(syslog[0].length);
  }
  const before = LEVEL.exec(text);
  if (before) {
    level = before[1] === 'ERROR' ? 'error' : 'warning';
    text = text.slice(before[0].length);
  }
  const logTime = LOGTIME.exec(text);
  if (logTime) {
    const printed = (logTime[1] ?? '').replace(/\s+/g, ' ');
    const iso = isoFromCtime(printed);
    if (iso && !time) time = { iso, printed, zoned: false };
    text = text.slice(logTime[0].length);
  }
  const after = LEVEL.exec(text);
  if (after) {
    level = after[1] === 'ERROR' ? 'error' : 'warning';
    text = text.slice(after[0].length);
  } else if (text.startsWith('!')) {
    level = 'error';
    text = text.slice(1);
  } else if (text.startsWith('^')) {
    level = 'warning';
    text = text.slice(1);
  }
  return { message: text.trim(), level, time };
}

interface MutableRun {
  startedAtPrinted: string;
  startedAt: string | null;
  zoned: boolean;
  databases: FreshclamDatabaseLine[];
  errors: string[];
  engine: { local: string; recommended: string } | null;
}

function databaseLine(message: string): FreshclamDatabaseLine | null {
  const m = DATABASE.exec(message);
  if (!m) return null;
  const number = (value: string | undefined) => (value === undefined ? null : Number(value));
  return {
    file: m[1] ?? '',
    result: m[2] === 'updated' ? 'updated' : 'up-to-date',
    version: number(m[3]),
    signatures: number(m[4]),
    functionalityLevel: number(m[5]),
    builder: m[6] === undefined ? null : m[6].trim(),
    line: message,
  };
}

function isSuccessful(run: MutableRun): boolean {
  return run.databases.length > 0 && run.errors.length === 0;
}

export function parseFreshclamLog(text: string): FreshclamLog {
  let run: MutableRun | null = null;
  let lastSuccessful: MutableRun | null = null;
  let runCount = 0;
  let freshclamLines = 0;
  const close = () => {
    if (run && isSuccessful(run)) lastSuccessful = run;
  };
  const open = (printed: string, iso: string | null, zoned: boolean): MutableRun => {
    close();
    runCount += 1;
    run = { startedAtPrinted: printed, startedAt: iso, zoned, databases: [], errors: [], engine: null };
    return run;
  };
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    const { message, level, time } = unwrap(raw);
    const started = STARTED.exec(message);
    if (started) {
      freshclamLines += 1;
      const printed = (started[1] ?? '').replace(/\s+/g, ' ');
      if (time?.zoned) open(printed, time.iso, true);
      else open(printed, isoFromCtime(printed), false);
      continue;
    }
    const database = databaseLine(message);
    if (database) {
      freshclamLines += 1;
      // A database line whose run start the tail cut off: its own timestamp starts the run.
      const current: MutableRun | null = run ?? (time ? open(time.printed, time.iso, time.zoned) : null);
      current?.databases.push(database);
      continue;
    }
    const engine = OUTDATED_ENGINE.exec(message);
    if (engine) {
      freshclamLines += 1;
      if (run) (run as MutableRun).engine = { local: engine[1] ?? '', recommended: engine[2] ?? '' };
      continue;
    }
    const failed = level === 'error' || (level === null && FAILURE.some((pattern) => pattern.test(message)));
    if (failed) {
      freshclamLines += 1;
      (run as MutableRun | null)?.errors.push(message);
    }
  }
  close();
  return { lastRun: run, lastSuccessfulRun: lastSuccessful, runCount, freshclamLines };
}
