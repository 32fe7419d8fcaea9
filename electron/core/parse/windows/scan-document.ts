/**
 * The Windows scan document: what the PowerShell probe prints (electron/probes/windows/
 * scan-script.ts), and the contract with the capture format (docs/capture-format.md).
 *
 * 'handover.windows-scan/2' (written since issue 10) is JSON lines, each written as it happens:
 *
 *   {"schema":"handover.windows-scan/2","languageMode":"FullLanguage","psVersion":"5.1…",…}
 *   {"section":"os","begin":true}
 *   {"section":"os","ok":true,"data":…,"problems":[{"where":"…","error":"…"}],"ms":12}
 *   {"section":"wsc.antivirus","ok":false,"error":"Invalid namespace (HRESULT 0x8004100e)","errorId":"…","category":"MetadataError"}
 *   …
 *   {"end":true,"ms":2400}
 *
 * so a scan that was killed still holds every section that finished, and says which one was
 * running (a "begin" without its result) and which were never reached.
 *
 * 'handover.windows-scan/1' (captures made before) is one JSON object,
 * {"schema":"handover.windows-scan/1","sections":{"<name>":{"ok":true,"data":…}|{"ok":false,"error":"…"}}};
 * it is still read, so users' diagnostics files replay.
 *
 * A malformed section becomes a failed section, never a failed document.
 */
import type { ProbeId } from '../../sources';
import { err, ok, type Result } from '../../util/result';
import { isRecord } from './convert-to-json-values';

export const WINDOWS_SCAN_SCHEMA = 'handover.windows-scan/2';
export const WINDOWS_SCAN_SCHEMA_V1 = 'handover.windows-scan/1';
/** The capture record id of the PowerShell probe. */
export const WINDOWS_PROBE_ID = 'windows.powershell' satisfies ProbeId;
/** The probe's time limit; observers quote it when PowerShell timed out. */
export const WINDOWS_SCAN_TIMEOUT_MS = 90_000;

/** Every section the script writes, in the order it gathers them. */
export const WINDOWS_SCAN_SECTIONS = [
  'os',
  'machine-id',
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

/** One place inside a section that could not be read (a registry key, a value, a fallback taken). */
export interface SectionProblem {
  readonly where: string;
  readonly error: string;
  readonly blockedBy?: 'ConstrainedLanguage';
}

/** How a failure was reported: the message with its HRESULT, and PowerShell's own classification. */
export interface SectionFailure {
  readonly error: string;
  readonly errorId?: string;
  readonly category?: string;
  readonly hresult?: string;
  /** Constrained Language Mode refused what the section did. */
  readonly blockedBy?: 'ConstrainedLanguage';
}

export type SectionResult =
  | { readonly ok: true; readonly data: unknown; readonly problems?: readonly SectionProblem[] }
  | ({ readonly ok: false; readonly problems?: readonly SectionProblem[] } & SectionFailure);

/** Sections by name, as found in the document (names the script does not write are kept too). */
export type ScanSections = Readonly<Partial<Record<string, SectionResult>>>;

export interface ScanDocument {
  readonly schema: typeof WINDOWS_SCAN_SCHEMA | typeof WINDOWS_SCAN_SCHEMA_V1;
  readonly sections: ScanSections;
  /** PowerShell's language mode ('FullLanguage', 'ConstrainedLanguage'); /2 only. */
  readonly languageMode?: string;
  readonly psVersion?: string;
  /** A 32-bit PowerShell on 64-bit Windows ran the scan. */
  readonly wow64?: boolean;
  /** The section that had begun and not finished: where PowerShell was when it stopped. */
  readonly interrupted?: string;
  /** The document ended properly (the /1 object always does; /2 when its "end" line arrived). */
  readonly complete: boolean;
}

const SCHEMA_MARK = '{"schema":';

function problemsOf(value: unknown): SectionProblem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const problems = value.filter(isRecord).map((p) => ({
    where: typeof p.where === 'string' ? p.where : 'somewhere',
    error: typeof p.error === 'string' ? p.error : JSON.stringify(p.error),
    ...(p.blockedBy === 'ConstrainedLanguage' ? { blockedBy: 'ConstrainedLanguage' as const } : {}),
  }));
  return problems.length > 0 ? problems : undefined;
}

/**
 * Where a value holds a number JSON.parse could not represent (1e999 reads as Infinity), as a
 * path ("[2].Values.LastUpdate"); null when every number is finite. No Windows value is that
 * large (the widest, a FILETIME, is 64 bits), so such a number is damage, and every reader
 * below would misread it (BigInt throws, bit masks read 0, flags read "on").
 */
export function nonFinitePath(value: unknown): string | null {
  // Nearly every document holds none: look without building a path for every value first (a
  // fleet summary walks a thousand machines' services), then again with paths to name the one.
  return holdsNonFinite(value) ? pathOfNonFinite(value) : null;
}

function holdsNonFinite(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next === 'number') {
      if (!Number.isFinite(next)) return true;
    } else if (Array.isArray(next)) {
      for (const item of next) stack.push(item);
    } else if (isRecord(next)) {
      for (const key in next) if (Object.hasOwn(next, key)) stack.push(next[key]);
    }
  }
  return false;
}

function pathOfNonFinite(value: unknown): string | null {
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
    const problems = problemsOf(value.problems);
    const withProblems = problems ? { problems } : {};
    if (value.ok === true && 'data' in value) {
      // One damaged section is unreadable; the others are read as usual.
      const bad = nonFinitePath(value.data);
      return bad === null
        ? { ok: true, data: value.data, ...withProblems }
        : { ok: false, error: `the "${name}" section holds a number too large to read (at ${bad})` };
    }
    if (value.ok === false && typeof value.error === 'string') {
      const text = (key: string) => (typeof value[key] === 'string' ? { [key]: value[key] as string } : {});
      return {
        ok: false,
        error: value.error,
        ...text('errorId'),
        ...text('category'),
        ...text('hresult'),
        ...(value.blockedBy === 'ConstrainedLanguage' ? { blockedBy: 'ConstrainedLanguage' as const } : {}),
        ...withProblems,
      };
    }
  }
  return { ok: false, error: `the "${name}" section is malformed: ${JSON.stringify(value)?.slice(0, 80)}` };
}

function parseV1(parsed: Record<string, unknown>): Result<ScanDocument> {
  if (!isRecord(parsed.sections)) return err('the scan document has no sections');
  const sections: Record<string, SectionResult> = {};
  for (const [name, value] of Object.entries(parsed.sections)) sections[name] = readSection(name, value);
  return ok({ schema: WINDOWS_SCAN_SCHEMA_V1, sections, complete: true });
}

function parseV2(header: Record<string, unknown>, lines: readonly string[]): ScanDocument {
  const sections: Record<string, SectionResult> = {};
  let begun: string | undefined;
  let complete = false;
  for (const line of lines) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      // A line cut off by a kill, or host text between the lines: what it would have said is lost.
      continue;
    }
    if (!isRecord(value)) continue;
    if (value.end === true) {
      complete = true;
      continue;
    }
    if (typeof value.section !== 'string') continue;
    if (value.begin === true) {
      begun = value.section;
      continue;
    }
    sections[value.section] = readSection(value.section, value);
    if (begun === value.section) begun = undefined;
  }
  const text = (key: string) => (typeof header[key] === 'string' ? { [key]: header[key] as string } : {});
  return {
    schema: WINDOWS_SCAN_SCHEMA,
    sections,
    ...text('languageMode'),
    ...text('psVersion'),
    ...(typeof header.wow64 === 'boolean' ? { wow64: header.wow64 } : {}),
    ...(begun !== undefined && !complete ? { interrupted: begun } : {}),
    complete,
  };
}

/** Document text → the document, or why the text is not a scan document. */
export function parseScanDocument(text: string): Result<ScanDocument> {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return err('PowerShell printed nothing');
  // Host messages (a WARNING line) can precede the document on stdout: start at the document.
  const start = trimmed.indexOf(SCHEMA_MARK);
  const body = start > 0 ? trimmed.slice(start) : trimmed;
  const [first = '', ...rest] = body.split(/\r?\n/);
  let header: unknown;
  try {
    header = JSON.parse(first);
  } catch {
    // Not a /2 header line: a /1 document may span lines; anything else is not a document.
    try {
      header = JSON.parse(body);
    } catch {
      if (rest.length === 0 && body.startsWith('{') && !body.endsWith('}')) {
        return err(`PowerShell's output is cut off after ${body.length} characters`);
      }
      return err(`PowerShell's output is not JSON: ${JSON.stringify(body.slice(0, 80))}`);
    }
  }
  if (!isRecord(header)) return err('PowerShell printed JSON that is not a scan document');
  if (header.schema === WINDOWS_SCAN_SCHEMA_V1) return parseV1(header);
  if (header.schema !== WINDOWS_SCAN_SCHEMA) {
    return err(
      `PowerShell printed a document of schema ${JSON.stringify(header.schema)}, not ${WINDOWS_SCAN_SCHEMA}`,
    );
  }
  return ok(parseV2(header, rest));
}

/**
 * Sections → document text, exactly as the script writes it (JSON lines, compressed JSON). For
 * fixtures and tests that build a capture from published records.
 */
export function formatScanDocument(
  sections: Partial<Record<WindowsScanSection, SectionResult>>,
  header: { readonly languageMode?: string } = {},
): string {
  const lines = [
    JSON.stringify({
      schema: WINDOWS_SCAN_SCHEMA,
      languageMode: header.languageMode ?? 'FullLanguage',
      psVersion: '5.1',
      wow64: false,
    }),
  ];
  for (const [name, section] of Object.entries(sections)) {
    lines.push(JSON.stringify({ section: name, begin: true }));
    lines.push(JSON.stringify({ section: name, ...section }));
  }
  lines.push(JSON.stringify({ end: true }));
  return `${lines.join('\r\n')}\r\n`;
}

/** The old one-object document ('handover.windows-scan/1'), for tests that replay old captures. */
export function formatScanDocumentV1(sections: Partial<Record<WindowsScanSection, SectionResult>>): string {
  return JSON.stringify({ schema: WINDOWS_SCAN_SCHEMA_V1, sections });
}
