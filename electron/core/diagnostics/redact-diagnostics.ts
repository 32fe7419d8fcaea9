/**
 * Hiding personal details in the parts of a diagnostics file (capture, report, log), consistently
 * across all three: names are found everywhere first (personal-terms.ts), then replaced everywhere
 * with the same tokens (redactor.ts). The capture is expected to be allowlisted already
 * (allowlist.ts); what the replay reads keeps its shape, so the redacted capture analyses to the
 * same verdict and the same detections.
 */
import type { Capture, ProbeRecord } from '../capture';
import { WINDOWS_PROBE_ID } from '../parse/windows/scan-document';
import type { DiagnosticsParts } from './diagnostics-file';
import { withoutOsMachineId } from './machine-id-redaction';
import { findPersonalTerms } from './personal-terms';
import { createRedactor, type RedactionSummary, type Redactor, type RedactorOptions } from './redactor';
import { joinScanDocumentParts, scanDocumentParts } from './scan-document-parts';

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

/**
 * The scan document is redacted as JSON, not as text: a name JSON-escaped by ConvertTo-Json
 * ("J\u00f6rg", and every non-ASCII character in a /2 document) is then found, and the result is
 * valid JSON the Windows parsers read alike. Lines that are not JSON are redacted as text.
 */
function redactPowerShellOutput(stdout: string, redactor: Redactor): string {
  const document = scanDocumentParts(stdout);
  if (!document) return redactor.text(stdout);
  return joinScanDocumentParts({
    layout: document.layout,
    prefix: redactor.text(document.prefix),
    parts: document.parts.map((part) =>
      part.kind === 'json'
        ? { kind: 'json', value: redactor.json(part.value) }
        : { kind: 'text', text: redactor.text(part.text) },
    ),
  });
}

/** The JSON values of the scan document in stdout, for finding personal terms. */
function documentValues(stdout: string): unknown[] {
  return (scanDocumentParts(stdout)?.parts ?? []).flatMap((part) =>
    part.kind === 'json' ? [part.value] : [],
  );
}

function redactRecord(record: ProbeRecord, redactor: Redactor): ProbeRecord {
  if (record.kind === 'command' && record.probe === WINDOWS_PROBE_ID) {
    // Its command is the fixed invocation (the full path of powershell.exe and a fixed bootstrap), never personal: kept byte for byte.
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
  const documents = capture.records.flatMap((r) =>
    r.kind === 'command' && r.probe === WINDOWS_PROBE_ID ? documentValues(r.stdout) : [],
  );
  const terms = findPersonalTerms(capture.host.hostname, [capture, ...documents, parts.report, parts.log]);
  const redactor = createRedactor(terms, options);

  const { records, ...rest } = withoutOsMachineId(capture);
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
