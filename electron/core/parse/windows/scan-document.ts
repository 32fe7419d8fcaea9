/**
 * The Windows scan document: the one JSON text the PowerShell probe prints
 * (electron/probes/windows/scan-script.ts), and the contract with the capture format:
 *
 *   {"schema":"handover.windows-scan/1","sections":{"<name>":{"ok":true,"data":…}|{"ok":false,"error":"…"}}}
 *
 * Each section is gathered in its own try/catch, so one failure (Security Center missing on
 * Windows Server [S12]) does not sink the others; this module keeps that isolation when
 * reading: a malformed section becomes a failed section, never a failed document.
 */
import type { ProbeId } from '../../sources';
import { err, ok, type Result } from '../../util/result';
import { isRecord } from './convert-to-json-values';

export const WINDOWS_SCAN_SCHEMA = 'handover.windows-scan/1';
/** The capture record id of the PowerShell probe. */
export const WINDOWS_PROBE_ID = 'windows.powershell' satisfies ProbeId;
/** The probe's time limit; observers quote it when PowerShell timed out. */
export const WINDOWS_SCAN_TIMEOUT_MS = 90_000;

/** Every section the script writes, in the order it gathers them. */
export const WINDOWS_SCAN_SECTIONS = [
  'os',
  'region',
  'wsc.antivirus',
  'wsc.antispyware',
  'wsc.firewall',
  'defender.status',
  'uninstall',
  'installer.products',
  'services',
  'drivers',
  'kaspersky.registry',
  'processes',
  'pending-restart',
] as const;
export type WindowsScanSection = (typeof WINDOWS_SCAN_SECTIONS)[number];

export type SectionResult =
  | { readonly ok: true; readonly data: unknown }
  | { readonly ok: false; readonly error: string };

/** Sections by name, as found in the document (names the script does not write are kept too). */
export type ScanSections = Readonly<Partial<Record<string, SectionResult>>>;

const SCHEMA_MARK = `{"schema":`;

/**
 * Where a value holds a number JSON.parse could not represent (1e999 reads as Infinity), as a
 * path ("[2].Values.LastUpdate"); null when every number is finite. No Windows value is that
 * large (the widest, a FILETIME, is 64 bits), so such a number is damage, and every reader
 * below would misread it (BigInt throws, bit masks read 0, flags read "on").
 */
export function nonFinitePath(value: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const next = stack.pop() as { value: unknown; path: string };
    if (typeof next.value === 'number' && !Number.isFinite(next.value)) return next.path || '(the value)';
    if (Array.isArray(next.value)) {
      next.value.forEach((item, i) => {
        stack.push({ value: item, path: `${next.path}[${i}]` });
      });
    } else if (isRecord(next.value)) {
      for (const [key, item] of Object.entries(next.value)) {
        stack.push({ value: item, path: next.path ? `${next.path}.${key}` : key });
      }
    }
  }
  return null;
}

function readSection(name: string, value: unknown): SectionResult {
  if (isRecord(value)) {
    if (value.ok === true && 'data' in value) {
      // One damaged section is unreadable; the others are read as usual.
      const bad = nonFinitePath(value.data);
      return bad === null
        ? { ok: true, data: value.data }
        : { ok: false, error: `the "${name}" section holds a number too large to read (at ${bad})` };
    }
    if (value.ok === false && typeof value.error === 'string') return { ok: false, error: value.error };
  }
  return { ok: false, error: `the "${name}" section is malformed: ${JSON.stringify(value)?.slice(0, 80)}` };
}

/** Document text → sections, or why the text is not a scan document. */
export function parseScanDocument(text: string): Result<ScanSections> {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return err('PowerShell printed nothing');
  // Host messages (a WARNING line) can precede the document on stdout: start at the document.
  const start = trimmed.indexOf(SCHEMA_MARK);
  const json = start > 0 ? trimmed.slice(start) : trimmed;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    if (json.startsWith('{') && !json.endsWith('}')) {
      return err(`PowerShell's output is cut off after ${json.length} characters`);
    }
    return err(`PowerShell's output is not JSON: ${JSON.stringify(json.slice(0, 80))}`);
  }
  if (!isRecord(parsed)) return err('PowerShell printed JSON that is not a scan document');
  if (parsed.schema !== WINDOWS_SCAN_SCHEMA) {
    return err(
      `PowerShell printed a document of schema ${JSON.stringify(parsed.schema)}, not ${WINDOWS_SCAN_SCHEMA}`,
    );
  }
  if (!isRecord(parsed.sections)) return err('the scan document has no sections');
  const sections: Record<string, SectionResult> = {};
  for (const [name, value] of Object.entries(parsed.sections)) sections[name] = readSection(name, value);
  return ok(sections);
}

/**
 * Sections → document text, exactly as the script writes it (compressed JSON). For fixtures
 * and tests that build a capture from published records.
 */
export function formatScanDocument(sections: Partial<Record<WindowsScanSection, SectionResult>>): string {
  return JSON.stringify({ schema: WINDOWS_SCAN_SCHEMA, sections });
}
