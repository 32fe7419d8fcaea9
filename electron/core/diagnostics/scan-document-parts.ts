/**
 * PowerShell's stdout as the diagnostics steps see it: the text before the scan document (a
 * host's WARNING line), then the document's JSON values, each parsed with the untrusted-JSON
 * guard. Schema /2 is one JSON value per line; schema /1 is one value. A line that does not parse
 * (cut off by a kill) stays text, so the steps can keep or redact it without changing what the
 * replay reads.
 */
import { parseUntrustedJson } from '../util/untrusted-json';

const SCHEMA_MARK = '{"schema":';

export type ScanDocumentPart =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'text'; readonly text: string };

export interface ScanDocumentParts {
  readonly prefix: string;
  /** 'lines' for /2 (rejoined with CRLF, as the script writes them), 'one' for /1. */
  readonly layout: 'lines' | 'one';
  readonly parts: readonly ScanDocumentPart[];
}

/** The parts of the document in stdout, or null when stdout holds no readable document. */
export function scanDocumentParts(stdout: string): ScanDocumentParts | null {
  const start = stdout.indexOf(SCHEMA_MARK);
  if (start < 0) return null;
  const body = stdout.slice(start);
  const whole = parseUntrustedJson(body, { what: 'a scan document' });
  if (whole.ok)
    return { prefix: stdout.slice(0, start), layout: 'one', parts: [{ kind: 'json', value: whole.value }] };
  const lines = body.split(/\r?\n/).filter((line, i, all) => line !== '' || i < all.length - 1);
  const parts: ScanDocumentPart[] = lines.map((line) => {
    const parsed = parseUntrustedJson(line, { what: 'a scan document line' });
    return parsed.ok ? { kind: 'json', value: parsed.value } : { kind: 'text', text: line };
  });
  if (parts[0]?.kind !== 'json') return null;
  return { prefix: stdout.slice(0, start), layout: 'lines', parts };
}

/** Parts → stdout text again. */
export function joinScanDocumentParts(document: ScanDocumentParts): string {
  const texts = document.parts.map((part) => (part.kind === 'json' ? JSON.stringify(part.value) : part.text));
  return document.layout === 'one'
    ? document.prefix + (texts[0] ?? '')
    : `${document.prefix}${texts.join('\r\n')}\r\n`;
}
