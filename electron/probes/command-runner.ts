import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';
import type { CommandOptions, CommandResult, CommandRunner } from '../core/commands';

const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/** The reasons a run ends without output worth reading, worded once for every runner. */
export const runFailure = {
  missing: (file: string) => `${file} is not on this machine`,
  timeout: (file: string, timeoutMs: number) =>
    `${file} did not finish within ${timeoutMs / 1000} s and was stopped`,
  exit: (file: string, code: number, stderr: Buffer) => {
    const detail = stderr.toString('utf8').trim().split('\n')[0];
    return `${file} exited with code ${code}${detail ? `: ${detail}` : ''}`;
  },
};

/**
 * Whether a program exists, looked up the way execFile will (an absolute path, or each PATH
 * folder), so a probe for a product that is not installed costs a few stat calls instead of a
 * process start (several milliseconds each). Windows resolves PATHEXT itself: always spawn there.
 */
async function executableExists(file: string, pathVariable: string | undefined): Promise<boolean> {
  if (process.platform === 'win32') return true;
  const candidates =
    isAbsolute(file) || file.includes('/')
      ? [file]
      : (pathVariable ?? '')
          .split(delimiter)
          .filter(Boolean)
          .map((dir) => join(dir, file));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return true;
    } catch {
      // not here: try the next folder
    }
  }
  return false;
}

/**
 * The real runner: execFile with an argument array (no shell, so no quoting or injection), a
 * time limit and an output cap. It never rejects: every failure becomes a result with a reason.
 */
export function createExecFileRunner(
  now: () => Date = () => new Date(),
  pathVariable: string | undefined = process.env.PATH,
): CommandRunner {
  return {
    async run(file: string, args: readonly string[], options: CommandOptions): Promise<CommandResult> {
      const startedAt = now();
      const started = performance.now();
      if (!(await executableExists(file, pathVariable))) {
        return {
          outcome: 'missing',
          exitCode: null,
          stdout: Buffer.alloc(0),
          stderr: Buffer.alloc(0),
          error: runFailure.missing(file),
          startedAt: startedAt.toISOString(),
          durationMs: Math.round(performance.now() - started),
        };
      }
      return new Promise((resolve) => {
        const child = execFile(
          file,
          [...args],
          {
            encoding: 'buffer',
            timeout: options.timeoutMs,
            killSignal: 'SIGKILL',
            maxBuffer: options.maxBytes ?? DEFAULT_MAX_BYTES,
            windowsHide: true,
            shell: false,
          },
          (error, stdout, stderr) => {
            const base = {
              stdout: Buffer.from(stdout ?? []),
              stderr: Buffer.from(stderr ?? []),
              startedAt: startedAt.toISOString(),
              durationMs: Math.round(performance.now() - started),
            };
            if (!error) {
              resolve({ ...base, outcome: 'ok', exitCode: 0 });
              return;
            }
            const e = error as NodeJS.ErrnoException & {
              killed?: boolean;
              signal?: string | null;
              code?: string | number;
            };
            if (e.code === 'ENOENT') {
              resolve({
                ...base,
                outcome: 'missing',
                exitCode: null,
                error: runFailure.missing(file),
              });
            } else if (e.killed || e.signal === 'SIGKILL') {
              resolve({
                ...base,
                outcome: 'timeout',
                exitCode: null,
                error: runFailure.timeout(file, options.timeoutMs),
              });
            } else if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
              resolve({
                ...base,
                outcome: 'failed',
                exitCode: null,
                error: `${file} printed more than the limit`,
              });
            } else if (typeof e.code === 'number') {
              resolve({
                ...base,
                outcome: 'failed',
                exitCode: e.code,
                error: runFailure.exit(file, e.code, base.stderr),
              });
            } else {
              resolve({
                ...base,
                outcome: 'failed',
                exitCode: null,
                error: `${file} could not run: ${e.message}`,
              });
            }
          },
        );
        // Write the input, if any, and close stdin either way, so a child that waits on it
        // (powershell.exe does, nodejs/node#25645) cannot hang until its timeout. A child that exits
        // without reading all of it makes the pipe fail (EPIPE): that is the child's result to
        // report, not a crash of Handover.
        child.stdin?.on('error', () => {});
        child.stdin?.end(options.stdin ? Buffer.from(options.stdin) : undefined);
      });
    },
  };
}
