/**
 * ClamAV: the newest database date across the .cvd/.cld/.cud headers [S112][S113], the last
 * freshclam run [S116], and whether on-access scanning runs. On-access scanning is clamonacc
 * (Debian's clamav-clamonacc.service); clamd alone only scans what it is asked to.
 */
import type { Capture, DirectoryRecord } from '../../capture';
import type { ProductStatusObservation } from '../../observations';
import {
  type ClamavDbHeader,
  isClamavDatabaseFile,
  parseClamavDbHeader,
} from '../../parse/linux/clamav-db-header';
import { parseFreshclamLog } from '../../parse/linux/freshclam-log';
import { isoFromCtime, NO_ZONE_READ_AS_UTC } from '../../parse/linux/printed-dates';
import type { ProcessEntry } from '../../parse/linux/process-list';
import type { SystemdUnit } from '../../parse/linux/systemd-show';
import type { ProbeId } from '../../sources';
import {
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

/**
 * The last freshclam run: every database up-to-date or updated and no error → up to date as of
 * that run; an error in the run → false; a run with no database lines → no verdict.
 */
export function observeFreshclamLog(capture: Capture, sink: Sink): void {
  const id: ProbeId = 'linux.freshclam-log';
  const records = recordsOf(capture, id);
  const file = fileRecords(records)[0];
  if (!file) return;
  if (file.outcome === 'missing') {
    sink.sources.push(sourceReport(id, records, 'not-present', failureOf(file)));
    return;
  }
  if (file.outcome !== 'ok') {
    sink.sources.push(
      sourceReport(id, records, 'unreadable', couldNotRead('the freshclam log', failureOf(file))),
    );
    return;
  }
  const { lastRun } = parseFreshclamLog(file.content);
  sink.sources.push(sourceReport(id, records, 'read'));
  if (!lastRun) return;
  const upToDate = lastRun.errors.length > 0 ? false : lastRun.databases.length > 0 ? true : null;
  const checkedAt = isoFromCtime(lastRun.startedAtPrinted);
  const decoded: Record<string, string> = {
    'Last update run': `${lastRun.startedAtPrinted}: ${NO_ZONE_READ_AS_UTC}${checkedAt ? ` (${checkedAt})` : ''}`,
  };
  for (const db of lastRun.databases)
    decoded[db.file] = `${db.result}, version ${db.version}, ${db.signatures} signatures`;
  if (lastRun.errors.length > 0) decoded.Errors = lastRun.errors.join(' | ');
  const line =
    lastRun.errors[0] ??
    lastRun.databases[0]?.line ??
    `ClamAV update process started at ${lastRun.startedAtPrinted}`;
  sink.observations.push({
    kind: 'product-status',
    hint: 'clamav',
    product: 'ClamAV',
    signaturesUpToDate: upToDate,
    evidence: evidence(id, `${file.path}: ${line}`, decoded),
  });
}
