/**
 * Hiding personal details in the parts of a diagnostics file (capture, report, log), consistently
 * across all three: names are found everywhere first (personal-terms.ts), then replaced everywhere
 * with the same tokens (redactor.ts). The capture is expected to be allowlisted already
 * (allowlist.ts); what the replay reads keeps its shape, so the redacted capture analyses to the
 * same verdict and the same detections.
 */
import type { Capture, ProbeRecord } from '../capture';
import { WINDOWS_PROBE_ID } from '../parse/windows/scan-document';
import { parseUntrustedJson } from '../util/untrusted-json';
import type { DiagnosticsParts } from './diagnostics-file';
import { findPersonalTerms } from './personal-terms';
import { createRedactor, type RedactionSummary, type Redactor, type RedactorOptions } from './redactor';

/**
 * protectedWords: the words of product and vendor names (catalogWords), never replaced as free
 * words, so that a user called "Norton" cannot change a detection. freeWords: see RedactorOptions.
 */
export type RedactOptions = RedactorOptions;

export interface RedactedDiagnostics {
  readonly parts: DiagnosticsParts;
  /** How many of each were hidden, to tell the person before they send the file. */
  readonly hidden: RedactionSummary;
  /** The capture's host name as a token, or null when the capture names no host. */
  readonly hostToken: string | null;
}

const SCHEMA_MARK = '{"schema":';

/** PowerShell's stdout split into what precedes the scan document and the document, parsed. */
function scanDocumentOf(stdout: string): { prefix: string; document: unknown } | null {
  const start = stdout.indexOf(SCHEMA_MARK);
  if (start < 0) return null;
  const parsed = parseUntrustedJson(stdout.slice(start), { what: 'a scan document' });
  return parsed.ok ? { prefix: stdout.slice(0, start), document: parsed.value } : null;
}

/**
 * The scan document is redacted as JSON, not as text: a name JSON-escaped by ConvertTo-Json
 * ("J\u00f6rg") is then found, and the result is valid JSON the Windows parsers read alike.
 */
function redactPowerShellOutput(stdout: string, redactor: Redactor): string {
  const scan = scanDocumentOf(stdout);
  if (!scan) return redactor.text(stdout);
  return redactor.text(scan.prefix) + JSON.stringify(redactor.json(scan.document));
}

function redactRecord(record: ProbeRecord, redactor: Redactor): ProbeRecord {
  if (record.kind === 'command' && record.probe === WINDOWS_PROBE_ID) {
    // Its command is the fixed invocation (an encoded script), never personal: kept byte for byte.
    const { stdout, command, ...rest } = record;
    return {
      ...(redactor.json(rest) as Omit<typeof record, 'stdout' | 'command'>),
      command,
      stdout: redactPowerShellOutput(stdout, redactor),
    };
  }
  if (record.kind === 'file' && record.encoding === 'base64') {
    const { content, ...rest } = record;
    return { ...(redactor.json(rest) as Omit<typeof record, 'content'>), content: redactor.binary(content) };
  }
  return redactor.json(record) as ProbeRecord;
}

export function redactDiagnostics(parts: DiagnosticsParts, options: RedactOptions): RedactedDiagnostics {
  const { capture } = parts;
  const documents = capture.records
    .filter((r) => r.kind === 'command' && r.probe === WINDOWS_PROBE_ID)
    .map((r) => (r.kind === 'command' ? scanDocumentOf(r.stdout)?.document : undefined));
  const terms = findPersonalTerms(capture.host.hostname, [capture, ...documents, parts.report, parts.log]);
  const redactor = createRedactor(terms, options);

  const { records, ...rest } = capture;
  const redactedCapture = {
    ...(redactor.json(rest) as Omit<Capture, 'records'>),
    records: records.map((record) => redactRecord(record, redactor)),
  } as Capture;
  const report = redactor.json(parts.report);
  const log = parts.log.map((entry) => redactor.json(entry));
  return {
    parts: { capture: redactedCapture, report, log },
    hidden: redactor.summary(),
    hostToken: capture.host.hostname ? redactor.hostToken(capture.host.hostname) : null,
  };
}
