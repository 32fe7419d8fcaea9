/**
 * One imported computer → one capture (format 2): a record of kind 'osquery' per Handover query it
 * answered, its rows exactly as received, under the source the query reports (handover-queries.ts),
 * started at the time osquery ran it. capturedAt is the oldest of those times, so "how stale" is
 * never understated. A query the computer did not answer has no record: the observer says it was
 * not recorded, never that its facts are absent.
 */
import {
  CAPTURE_FORMAT,
  CAPTURE_FORMAT_VERSION,
  type Capture,
  type OsqueryRecord,
  type OsqueryVia,
} from '../../capture';
import type { ImportedHost } from './hosts';
import type { OsqueryAnswer } from './osquery-answer';

function recordOf(answer: OsqueryAnswer): OsqueryRecord {
  const reportedAs =
    answer.reportedAs && answer.reportedAs !== answer.query.name ? { reportedAs: answer.reportedAs } : {};
  const base = {
    probe: answer.query.source,
    kind: 'osquery' as const,
    startedAt: answer.at,
    durationMs: 0,
    query: answer.query.name,
    ...reportedAs,
    rows: answer.rows,
  };
  return answer.error ? { ...base, outcome: 'failed', error: answer.error } : { ...base, outcome: 'ok' };
}

export interface ImportContext {
  readonly via: OsqueryVia;
  /** The files read, for the capture's origin. */
  readonly files: readonly string[];
  readonly toolVersion: string;
}

export function importedCapture(host: ImportedHost, context: ImportContext): Capture {
  const records = [...host.answers]
    .sort((a, b) => (a.query.name < b.query.name ? -1 : a.query.name > b.query.name ? 1 : 0))
    .map(recordOf);
  const capturedAt = [...host.answers.map((a) => a.at)].sort()[0] as string;
  return {
    format: CAPTURE_FORMAT,
    formatVersion: CAPTURE_FORMAT_VERSION,
    capturedAt,
    tool: { name: 'handover', version: context.toolVersion },
    platform: host.platform,
    origin: {
      kind: 'osquery',
      via: context.via,
      description: `imported from ${context.files.join(', ')}`,
      hostIdentifier: host.hostIdentifier,
      ...(host.alsoKnownAs.length > 0 ? { alsoKnownAs: host.alsoKnownAs } : {}),
    },
    host: { hostname: host.hostname, locale: { env: {} } },
    records,
  };
}

/** A file name for a capture: its host name and identifier, letters, digits, '.', '-' and '_' only. */
export function captureFileName(host: ImportedHost, taken: ReadonlySet<string>): string {
  const safe = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^[._]+|[._]+$/g, '')
      .slice(0, 64) || 'host';
  const base =
    host.hostIdentifier === host.hostname
      ? safe(host.hostname)
      : `${safe(host.hostname)}-${safe(host.hostIdentifier)}`;
  let name = `${base}.json`;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base}-${n}.json`;
  return name;
}
