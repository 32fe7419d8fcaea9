/**
 * The command line's standard streams and way out, the same on plain Node and in the installed
 * app (electron/main/cli-mode.ts):
 * - A closed pipe ends output quietly: `handover capture | head` closes standard output after
 *   ten lines, and the next write fails with EPIPE, which Node raises as an 'error' event that,
 *   unhandled, prints a stack trace. Here it only stops further output; the command finishes
 *   and exits with its code, as a Unix tool that ignores SIGPIPE does.
 * - Ctrl+C, or a scheduler's SIGTERM, removes the temporary files still registered
 *   (files/exit-cleanup.ts) and exits 130 or 143 (128 + the signal number, as shells report it).
 * - The exit code is set, not forced, so what was written is flushed first; inside the installed
 *   app, whose process does not end with its script, it exits once the output is written.
 */
import { removePendingNow } from '../files/exit-cleanup';
import type { CliIo } from './main';

interface ProcessLike {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
  exitCode?: number | string | null | undefined;
  on(event: 'exit', listener: () => void): unknown;
  on(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  exit(code?: number): never;
  readonly versions?: NodeJS.ProcessVersions;
}

export function bindProcessIo(proc: ProcessLike): { cliIo: CliIo; finish: (code: number) => void } {
  const closed = { stdout: false, stderr: false };
  const guard = (name: 'stdout' | 'stderr') => (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') closed[name] = true;
    else throw error;
  };
  proc.stdout.on('error', guard('stdout'));
  proc.stderr.on('error', guard('stderr'));
  proc.on('exit', removePendingNow);
  proc.on('SIGINT', () => {
    removePendingNow();
    proc.exit(130);
  });
  proc.on('SIGTERM', () => {
    removePendingNow();
    proc.exit(143);
  });
  const writer = (name: 'stdout' | 'stderr') => (text: string) => {
    if (!closed[name]) proc[name].write(text);
  };
  return {
    cliIo: { stdout: writer('stdout'), stderr: writer('stderr'), env: proc.env, now: () => new Date() },
    finish: (code) => {
      proc.exitCode = code;
      // Inside Electron the process lives on after the script: end it once the output is written.
      if (proc.versions?.electron) proc.stdout.write('', () => proc.stderr.write('', () => proc.exit(code)));
    },
  };
}
