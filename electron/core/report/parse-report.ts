/**
 * Reading a report back (a file someone sent, `handover report --replay`): it is untrusted, so
 * it is checked against the schema, and every problem is a clause for "could not read the
 * report: it ...", never an exception. The version is looked at before the shape, so a report
 * from a newer Handover says "update Handover" rather than listing fields it does not know.
 */
import { err, ok, type Result } from '../util/result';
import { parseUntrustedJson } from '../util/untrusted-json';
import { describeIssue } from '../util/versioned-json';
import { REPORT_FORMAT, REPORT_FORMAT_VERSION, type Report, reportSchema } from './report-schema';

/**
 * Migrations: MIGRATIONS[n] turns a version-n report into version n+1; when the shape changes,
 * bump REPORT_FORMAT_VERSION and add one here.
 *
 * 1 → 2: the verdict gained `actions` (what needs doing, in order) and the reason code
 * 'stepped-aside'. A version-1 report recorded no actions, so they are null ("not recorded"),
 * never an empty list that would read as "nothing to do".
 */
const MIGRATIONS: Readonly<Record<number, (report: Record<string, unknown>) => Record<string, unknown>>> = {
  1: (report) => {
    const verdict = report.verdict;
    if (typeof verdict !== 'object' || verdict === null || Array.isArray(verdict)) return report;
    return { ...report, formatVersion: 2, verdict: { ...verdict, actions: null } };
  },
};

export function readReport(json: unknown): Result<Report> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return err(`it is not ${REPORT_WHAT} (expected a JSON object)`);
  }
  let record = json as Record<string, unknown>;
  if (record.format !== REPORT_FORMAT)
    return err(`it is not a Handover report (format is not "${REPORT_FORMAT}")`);
  const version = record.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return err(`its report format version (${String(version)}) is not one Handover reads`);
  }
  if (version > REPORT_FORMAT_VERSION) {
    return err(`it was made by a newer Handover (format ${version}); update Handover to open it`);
  }
  for (let from = version; from < REPORT_FORMAT_VERSION; from += 1) {
    const step = MIGRATIONS[from];
    if (!step) return err(`there is no way to read report format ${from}`);
    record = step(record);
  }
  const parsed = reportSchema.safeParse(record);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map(describeIssue).join('; ');
    return err(`it is damaged or incomplete (${issues})`);
  }
  return ok(parsed.data);
}

/** What a report file is called in messages. */
export const REPORT_WHAT = 'a Handover report';

/**
 * A report file's text (or bytes) through the untrusted-file guard (size, encoding, depth,
 * prototype keys), then checked as above.
 */
export function readReportText(
  input: string | Uint8Array,
  options: { byteLength?: number } = {},
): Result<Report> {
  const json = parseUntrustedJson(input, { what: REPORT_WHAT, ...options });
  return json.ok ? readReport(json.value) : json;
}
