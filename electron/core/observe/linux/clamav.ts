/**
 * ClamAV: the newest database date across the .cvd/.cld/.cud headers [S112][S113], the last
 * freshclam run [S116], and whether on-access scanning runs. On-access scanning is clamonacc
 * (Debian's clamav-clamonacc.service); clamd alone only scans what it is asked to.
 */
import type { Capture, CommandRecord, DirectoryRecord, FileRecord } from '../../capture';
import type { ProductStatusObservation } from '../../observations';
import {
  type ClamavDbHeader,
  isClamavDatabaseFile,
  parseClamavDbHeader,
} from '../../parse/linux/clamav-db-header';
import { type FreshclamLog, type FreshclamRun, parseFreshclamLog } from '../../parse/linux/freshclam-log';
import { NO_ZONE_READ_AS_UTC } from '../../parse/linux/printed-dates';
import type { ProcessEntry } from '../../parse/linux/process-list';
import type { SystemdUnit } from '../../parse/linux/systemd-show';
import type { ProbeId } from '../../sources';
import {
  commandLine,
  couldNotRead,
  directoryRecords,
  evidence,
  failureOf,
  fileRecords,
  recordsOf,
  type Sink,
  sourceReport,
} from '../unix/record-status';

export const CLAMAV_DB_FOLDER = '/var/lib/clamav';

/** true: clamonacc runs or its unit is active; false: processes were read and none is clamonacc; else null. */
export function clamavRealtime(
  processes: readonly ProcessEntry[] | null,
  units: readonly SystemdUnit[] | null,
): { realtime: boolean | null; why: string } {
  const unit = units?.find((u) => u.id === 'clamav-clamonacc.service');
  const process = processes?.find((p) => p.name === 'clamonacc' || /\/clamonacc$/.test(p.path ?? ''));
  if (process)
    return {
      realtime: true,
      why: `clamonacc is running${process.pid !== undefined ? ` (pid ${process.pid})` : ''}`,
    };
  if (unit?.activeState === 'active') return { realtime: true, why: 'clamav-clamonacc.service is active' };
  if (processes)
    return { realtime: false, why: 'no clamonacc process is running (on-access scanning is off)' };
  return { realtime: null, why: 'the running processes could not be read' };
}

interface Header {
  readonly name: string;
  readonly header: ClamavDbHeader;
}

function newest(headers: readonly Header[]): Header | null {
  return headers.reduce<Header | null>((best, h) => {
    if (!h.header.buildTime) return best;
    return !best?.header.buildTime || h.header.buildTime > best.header.buildTime ? h : best;
  }, null);
}

function observation(
  listing: DirectoryRecord,
  headers: readonly Header[],
  databaseCount: number,
  realtime: { realtime: boolean | null; why: string },
): ProductStatusObservation {
  const id: ProbeId = 'linux.clamav-db';
  const realtimeNote = { 'On-access scanning': realtime.why };
  if (databaseCount === 0)
    return {
      kind: 'product-status',
      hint: 'clamav',
      product: 'ClamAV',
      realtime: realtime.realtime,
      signaturesDate: null,
      signaturesUpToDate: false,
      evidence: evidence(id, `${listing.path}: ${listing.entries.join(', ') || '(empty)'}`, {
        Databases: `no database files (*.cvd, *.cld, *.cud) were found in ${listing.path}: ClamAV has no signatures to scan with`,
        ...realtimeNote,
      }),
    };
  const best = newest(headers);
  const decoded: Record<string, string> = { ...realtimeNote };
  for (const { name, header } of headers)
    decoded[name] =
      `version ${header.version}, ${header.signatures} signatures, built ${header.buildTimePrinted}${header.oldFormat ? ' (old header format)' : ''}`;
  return {
    kind: 'product-status',
    hint: 'clamav',
    product: 'ClamAV',
    realtime: realtime.realtime,
    signaturesDate: best?.header.buildTime ?? null,
    signaturesUpToDate: null,
    ...(headers.length > 0
      ? {
          signaturesVersion: headers
            .map(({ name, header }) => `${name.replace(/\.\w+$/, '')} ${header.version}`)
            .join(', '),
        }
      : {}),
    evidence: evidence(
      id,
      best ? `${CLAMAV_DB_FOLDER}/${best.name}: ${best.header.line}` : listing.path,
      decoded,
    ),
  };
}

export function observeClamavDatabases(
  capture: Capture,
  sink: Sink,
  processes: readonly ProcessEntry[] | null,
  units: readonly SystemdUnit[] | null,
): void {
  const id: ProbeId = 'linux.clamav-db';
  const records = recordsOf(capture, id);
  const listing = directoryRecords(records).find((record) => record.path === CLAMAV_DB_FOLDER);
  if (!listing) return;
  if (listing.outcome === 'missing') {
    sink.sources.push(sourceReport(id, records, 'not-present', `${CLAMAV_DB_FOLDER} does not exist`));
    return;
  }
  if (listing.outcome !== 'ok') {
    sink.sources.push(
      sourceReport(id, records, 'unreadable', couldNotRead('the ClamAV databases', failureOf(listing))),
    );
    return;
  }
  const databases = listing.entries.filter(isClamavDatabaseFile);
  const headers: Header[] = [];
  const problems: string[] = [];
  for (const file of fileRecords(records)) {
    const name = file.path.split('/').at(-1) ?? file.path;
    if (file.outcome !== 'ok') {
      problems.push(failureOf(file));
      continue;
    }
    const parsed = parseClamavDbHeader(file.content);
    if (parsed.ok) headers.push({ name, header: parsed.value });
    else problems.push(`${name}: ${parsed.error}`);
  }
  sink.observations.push(observation(listing, headers, databases.length, clamavRealtime(processes, units)));
  const unreadable = databases.length > 0 && headers.length === 0;
  sink.sources.push(
    unreadable
      ? sourceReport(
          id,
          records,
          'unreadable',
          couldNotRead('the ClamAV database headers', problems.join('; ') || 'none was read'),
        )
      : sourceReport(
          id,
          records,
          'read',
          problems.length > 0 ? `some headers could not be read: ${problems.join('; ')}` : undefined,
        ),
  );
}

interface LogReading {
  readonly record: FileRecord | CommandRecord;
  readonly where: string;
  readonly log: FreshclamLog;
}

function textOf(record: FileRecord | CommandRecord): string {
  return record.kind === 'file' ? record.content : record.stdout;
}

function whereOf(record: FileRecord | CommandRecord): string {
  return record.kind === 'file' ? record.path : commandLine(record);
}

function runTime(run: FreshclamRun | null): number {
  const time = run?.startedAt ? new Date(run.startedAt).getTime() : Number.NaN;
  return Number.isNaN(time) ? -1 : time;
}

function runLabel(run: FreshclamRun): string {
  const when = run.zoned
    ? (run.startedAt ?? run.startedAtPrinted)
    : `${run.startedAtPrinted} (${NO_ZONE_READ_AS_UTC}${run.startedAt ? `: ${run.startedAt}` : ''})`;
  return when;
}

/**
 * freshclam's runs, from its log file or the journal [S116][S117]. A readable log of ClamAV is
 * always a ClamAV status, even when it holds no run: ClamAV is there, its state unknown. The
 * signatures' date is the start of the last successful check the record proves: they were current
 * then and nothing here proves them newer, so their age is never less than the time since. The
 * last run's own outcome is the product's verdict (an error → false; no database line → none).
 */
export function observeFreshclamLog(capture: Capture, sink: Sink): void {
  const id: ProbeId = 'linux.freshclam-log';
  const records = recordsOf(capture, id);
  const sources = records.filter(
    (r): r is FileRecord | CommandRecord => r.kind === 'file' || r.kind === 'command',
  );
  if (sources.length === 0) return;
  const readable = sources.filter((r) => r.outcome === 'ok');
  const failed = sources.filter((r) => r.outcome !== 'ok' && r.outcome !== 'missing');
  const readings: LogReading[] = readable.map((record) => ({
    record,
    where: whereOf(record),
    log: parseFreshclamLog(textOf(record)),
  }));
  // The log file is ClamAV's own; the journal only counts when it holds freshclam's lines.
  const telling = readings.filter((r) => r.record.kind === 'file' || r.log.freshclamLines > 0);
  if (telling.length === 0) {
    if (failed.length > 0) {
      const reason = couldNotRead('the freshclam log', failed.map(failureOf).join('; '));
      sink.sources.push(sourceReport(id, records, 'unreadable', reason));
    } else {
      const reason = sources.map(failureOf).join('; ');
      sink.sources.push(sourceReport(id, records, 'not-present', reason || undefined));
    }
    return;
  }
  const best = telling.reduce((a, b) => (runTime(b.log.lastRun) > runTime(a.log.lastRun) ? b : a));
  const successful = telling
    .map((r) => r.log.lastSuccessfulRun)
    .reduce<FreshclamRun | null>((a, b) => (runTime(b) > runTime(a) ? b : a), null);
  const problems = failed.map(failureOf);
  sink.sources.push(sourceReport(id, records, 'read', problems.length > 0 ? problems.join('; ') : undefined));
  const { lastRun } = best.log;
  const decoded: Record<string, string> = {};
  if (!lastRun) {
    decoded['Update runs'] = textOf(best.record).trim()
      ? `none in the part read (${best.where}): no "ClamAV update process started" line`
      : `none: ${best.where} is empty`;
  } else {
    decoded['Last update run'] = runLabel(lastRun);
    for (const db of lastRun.databases)
      decoded[db.file] =
        `${db.result}${db.version !== null ? `, version ${db.version}` : ''}${db.signatures !== null ? `, ${db.signatures} signatures` : ''}`;
    if (lastRun.errors.length > 0) decoded.Errors = lastRun.errors.join(' | ');
    if (lastRun.engine)
      decoded['ClamAV engine'] =
        `${lastRun.engine.local}; freshclam said it is outdated (recommended ${lastRun.engine.recommended})`;
  }
  decoded['Last successful check'] = successful
    ? `${runLabel(successful)}: every database was current then; nothing here proves them newer, so the signatures are at least as old as the time since`
    : 'none in the part read: no run reported its databases without an error';
  const upToDate = !lastRun
    ? null
    : lastRun.errors.length > 0
      ? false
      : lastRun.databases.length > 0
        ? true
        : null;
  const line = lastRun
    ? (lastRun.errors[0] ??
      lastRun.databases[0]?.line ??
      `ClamAV update process started at ${lastRun.startedAtPrinted}`)
    : 'no update run';
  sink.observations.push({
    kind: 'product-status',
    hint: 'clamav',
    product: 'ClamAV',
    signaturesUpToDate: upToDate,
    signaturesDate: successful?.startedAt ?? null,
    evidence: evidence(id, `${best.where}: ${line}`, decoded),
  });
}
