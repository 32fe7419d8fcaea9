/**
 * The seam through which Handover runs programs, as types only: the probes read the machine
 * through it and the actions change it through it; electron/probes/command-runner.ts implements
 * it with execFile and an argument array (never a shell), and tests put a recording runner in its
 * place so nothing runs.
 */
import type { ProbeOutcome } from './capture';

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
  /**
   * Bytes written to the program's standard input, which is then closed. Without it standard
   * input is closed at once: a program that waits on it (powershell.exe does, nodejs/node#25645)
   * cannot hang until its time limit.
   */
  readonly stdin?: Uint8Array;
}

/** Runs one program with an argument array: never through a shell. */
export interface CommandRunner {
  run(file: string, args: readonly string[], options: CommandOptions): Promise<CommandResult>;
}
