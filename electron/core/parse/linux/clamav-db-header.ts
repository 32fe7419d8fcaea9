/**
 * The 512-byte header of a ClamAV database (.cvd/.cld/.cud): ASCII, padded with spaces or newlines,
 * colon separated [S112]:
 *   ClamAV-VDB:<build time>:<version>:<sigs>:<f-level>:<md5>:<dsig>:<builder>:<stime>
 * cl_cvdhead reads 512 bytes, cuts at the first CR/LF and trims trailing padding; cl_cvdparse
 * reads fields 1–8, and a missing field 8 (stime, Unix seconds) means the old file format [S112].
 * Build time is '%d %b %Y %H-%M %z' [S113], e.g. '16 Apr 2020 07-58 -0400' [S114].
 */
import { err, ok, type Result } from '../../util/result';
import { isoFromClamavBuildTime } from './printed-dates';

export interface ClamavDbHeader {
  /** The header line as read (padding trimmed). */
  readonly line: string;
  readonly buildTimePrinted: string;
  /** ISO 8601 from the build time (it carries its zone), else from stime; null if neither reads. */
  readonly buildTime: string | null;
  readonly version: number;
  readonly signatures: number;
  readonly functionalityLevel: number | null;
  readonly builder: string | null;
  /** Creation time in Unix seconds (field 8); null in the old format. */
  readonly creationTime: number | null;
  readonly oldFormat: boolean;
}

const MAGIC = 'ClamAV-VDB:';

export function parseClamavDbHeader(content: string): Result<ClamavDbHeader> {
  const firstLine = (content.split(/[\r\n]/)[0] ?? '').replace(/[ \0]+$/, '');
  if (!firstLine.startsWith(MAGIC)) return err('the file does not start with a ClamAV-VDB header');
  const fields = firstLine.split(':');
  const [, buildTimePrinted = '', versionText = '', sigsText = '', flevelText = ''] = fields;
  const whole = (text: string) =>
    /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : null;
  if (whole(versionText) === null || whole(sigsText) === null)
    return err(`the ClamAV-VDB header has no version and signature count: "${firstLine.slice(0, 80)}"`);
  const builder = fields[7] ? fields[7] : null;
  const stimeText = fields[8]?.trim();
  const creationTime = stimeText ? whole(stimeText) : null;
  // A stime past what a date can hold (the fuzz test's 10^30) gives no date, not an exception.
  const fromStime = creationTime !== null && creationTime > 0 ? new Date(creationTime * 1000) : null;
  const buildTime =
    isoFromClamavBuildTime(buildTimePrinted) ??
    (fromStime && !Number.isNaN(fromStime.getTime()) ? fromStime.toISOString() : null);
  return ok({
    line: firstLine,
    buildTimePrinted,
    buildTime,
    version: Number(versionText),
    signatures: Number(sigsText),
    functionalityLevel: whole(flevelText),
    builder,
    creationTime,
    oldFormat: stimeText === undefined,
  });
}

/** Database file names ClamAV writes to its database folder: daily.cvd, main.cld, bytecode.cud. */
export function isClamavDatabaseFile(name: string): boolean {
  return /\.(cvd|cld|cud)$/i.test(name);
}
