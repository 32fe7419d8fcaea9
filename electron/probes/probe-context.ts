/**
 * The seams through which probes touch the machine. Only electron/probes uses them; tests
 * replace them (a fake runner proves, for example, that a Windows scan starts one PowerShell).
 */
import type { ProbeOutcome, ProbeRecord } from '../core/capture';
import type { ProbeId } from '../core/sources';

export interface CommandResult {
  readonly outcome: ProbeOutcome;
  readonly exitCode: number | null;
  /** Raw bytes: decoding is the probe's business (PowerShell may write UTF-16). */
  readonly stdout: Buffer;
  readonly stderr: Buffer;
  /** Why it is not 'ok'. */
  readonly error?: string;
  readonly startedAt: string;
  readonly durationMs: number;
}

export interface CommandOptions {
  /** Every command has a time limit: a probe that hangs must never hang the scan. */
  readonly timeoutMs: number;
  /** Output beyond this is an error (default 32 MiB). */
  readonly maxBytes?: number;
}

/** Runs one program with an argument array: never through a shell. */
export interface CommandRunner {
  run(file: string, args: readonly string[], options: CommandOptions): Promise<CommandResult>;
}

export type FileReadResult =
  | { readonly ok: true; readonly bytes: Buffer; readonly truncated: boolean }
  | { readonly ok: false; readonly outcome: Exclude<ProbeOutcome, 'ok'>; readonly error: string };

export type DirectoryReadResult =
  | { readonly ok: true; readonly entries: readonly string[] }
  | { readonly ok: false; readonly outcome: Exclude<ProbeOutcome, 'ok'>; readonly error: string };

export interface FileReader {
  /** Reads at most maxBytes, from the start (default) or the end of the file (log tails). */
  readFile(path: string, options?: { maxBytes?: number; from?: 'start' | 'end' }): Promise<FileReadResult>;
  listDirectory(path: string): Promise<DirectoryReadResult>;
}

export interface ProbeContext {
  readonly runner: CommandRunner;
  readonly files: FileReader;
  readonly now: () => Date;
  /** The process environment (LANG, HOME, ...): passed in, never read from process.env deep inside. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
}

/** One probe: a named piece of gathering that yields raw records and never throws. */
export interface Probe {
  /** Its source id: what it reads, and what the window shows while it runs (core/sources.ts). */
  readonly id: ProbeId;
  run(context: ProbeContext): Promise<readonly ProbeRecord[]>;
}
