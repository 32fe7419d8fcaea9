/**
 * The capture: everything the probes read from one machine in one scan, stored raw.
 * Probes only gather; everything after this point is a pure function of the capture,
 * so a capture a user sends is a test case. The format is documented in docs/capture-format.md;
 * bump CAPTURE_FORMAT_VERSION (and add a migration in capture-file.ts) when it changes shape.
 */
export const CAPTURE_FORMAT = 'handover.capture';
export const CAPTURE_FORMAT_VERSION = 2;
/** Version 1 had no osquery records; its captures read as they are (capture-file.ts). */
export const OLDEST_CAPTURE_FORMAT_VERSION = 1;

export type Platform = 'windows' | 'macos' | 'linux';

/** How one probe ended. Anything but 'ok' carries a reason in `error`. */
export type ProbeOutcome =
  /** It ran and produced output (the output may still turn out to be garbage: parsers decide). */
  | 'ok'
  /** It ran and failed: non-zero exit, a read error, an exception. */
  | 'failed'
  /** It did not finish within its time limit and was stopped. */
  | 'timeout'
  /** The command or file does not exist on this machine (ENOENT): often simply "not installed". */
  | 'missing';

interface ProbeRecordBase {
  /**
   * Stable probe id, e.g. 'windows.powershell', 'linux.dpkg', 'linux.clamav-db'.
   * Several records may share an id (one per file read by the same probe).
   */
  readonly probe: string;
  readonly outcome: ProbeOutcome;
  /** Why it is not 'ok', in words a technician can act on. */
  readonly error?: string;
  readonly startedAt: string;
  readonly durationMs: number;
}

/** A command run with execFile and an argument array (never a shell string). */
export interface CommandRecord extends ProbeRecordBase {
  readonly kind: 'command';
  readonly command: { readonly file: string; readonly args: readonly string[] };
  readonly exitCode: number | null;
  /** stdout decoded to text (see the probe for how: PowerShell output is decoded from UTF-8/UTF-16). */
  readonly stdout: string;
  readonly stderr: string;
}

/** A file read (possibly only its first bytes: see `truncatedTo`). */
export interface FileRecord extends ProbeRecordBase {
  readonly kind: 'file';
  readonly path: string;
  /** 'utf8' for text; 'base64' for binary files such as binary plists. */
  readonly encoding: 'utf8' | 'base64';
  readonly content: string;
  /** Set when only the first/last N bytes were read (a .cvd header, the tail of a log). */
  readonly truncatedTo?: { readonly bytes: number; readonly from: 'start' | 'end' };
}

/** A directory listing (names only, not recursive). */
export interface DirectoryRecord extends ProbeRecordBase {
  readonly kind: 'directory';
  readonly path: string;
  readonly entries: readonly string[];
}

/**
 * Rows osquery answered to one Handover query (core/osquery/handover-queries.ts), imported from a
 * results log, osqueryi, fleetctl or a Fleet report (format 2). The rows are kept exactly as
 * received: column → text, "" where osquery had no value (its --nullvalue default), the
 * handover_query and handover_row columns included. `probe` is the source the query is reported
 * under ('osquery.programs'); `startedAt` is when osquery ran it.
 */
export interface OsqueryRecord extends ProbeRecordBase {
  readonly kind: 'osquery';
  /** The Handover query's name ('handover-windows-programs'). */
  readonly query: string;
  /** The name osquery or Fleet reported it under ('pack/Global/handover-windows-programs'), when different. */
  readonly reportedAs?: string;
  readonly rows: readonly Readonly<Record<string, string>>[];
}

export type ProbeRecord = CommandRecord | FileRecord | DirectoryRecord | OsqueryRecord;

/**
 * The environment variables a capture records (macOS/Linux), in no particular order: the ones
 * region resolution reads (LC_ALL, LC_MESSAGES, LANG) and LC_CTYPE. Nothing else of the
 * environment is ever captured, and the diagnostics allowlist keeps exactly these.
 */
export const CAPTURED_ENV_KEYS = ['LANG', 'LC_ALL', 'LC_MESSAGES', 'LC_CTYPE'] as const;

/** The inputs the region is resolved from (electron/core/region), recorded raw. */
export interface HostLocale {
  /** The CAPTURED_ENV_KEYS as set for the probing process (macOS/Linux). */
  readonly env: Readonly<Record<string, string>>;
  /**
   * Intl.DateTimeFormat().resolvedOptions().locale of the probing process, for information only:
   * Node's ICU falls back to en-US when no locale variable is set, so it never feeds the region.
   */
  readonly intlLocale?: string;
  readonly timeZone?: string;
}

export interface CaptureHost {
  readonly hostname?: string;
  /** os.platform(), os.release(), os.arch() of the probing process. */
  readonly nodePlatform?: string;
  readonly release?: string;
  readonly arch?: string;
  readonly locale: HostLocale;
}

/** How osquery's rows reached Handover (handover import --from). */
export type OsqueryVia = 'osquery-log' | 'osqueryi' | 'fleetctl' | 'fleet-report';

/**
 * Where a capture came from: a live scan, a fixture built from published real records, or rows
 * osquery answered on the machine, imported (format 2).
 */
export interface CaptureOrigin {
  readonly kind: 'live' | 'fixture' | 'osquery';
  /** For fixtures: what the records are and where they were published. For imports: the file(s) read. */
  readonly description?: string;
  /** For imports: the format the rows came in. */
  readonly via?: OsqueryVia;
  /** For imports: the identifier the rows were grouped under (host_uuid decoration, hostIdentifier, Fleet host). */
  readonly hostIdentifier?: string;
  /** For imports: every other name the same machine was reported under (a renamed host, a hostname beside its uuid). */
  readonly alsoKnownAs?: readonly string[];
}

export interface Capture {
  readonly format: typeof CAPTURE_FORMAT;
  readonly formatVersion: typeof CAPTURE_FORMAT_VERSION;
  /** When the probes ran (from the injected clock). */
  readonly capturedAt: string;
  readonly tool: { readonly name: 'handover'; readonly version: string };
  readonly platform: Platform;
  readonly origin: CaptureOrigin;
  readonly host: CaptureHost;
  readonly records: readonly ProbeRecord[];
}
