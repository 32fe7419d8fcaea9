/**
 * The seams through which probes touch the machine: the command runner (its shape is the core's,
 * core/commands.ts, as the actions run programs through it too), the file reader, the clock and
 * the environment. Tests replace them (a fake runner proves, for example, that a Windows scan
 * starts one PowerShell).
 */
import type { ProbeOutcome, ProbeRecord } from '../core/capture';
import type { CommandRunner } from '../core/commands';

import type { ProbeId } from '../core/sources';

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
