import { execFile } from 'node:child_process';
import type { CommandOptions, CommandResult, CommandRunner } from './probe-context';

const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/**
 * The real runner: execFile with an argument array (no shell, so no quoting or injection), a
 * time limit and an output cap. It never rejects: every failure becomes a result with a reason.
 */
export function createExecFileRunner(now: () => Date = () => new Date()): CommandRunner {
  return {
    run(file: string, args: readonly string[], options: CommandOptions): Promise<CommandResult> {
      const startedAt = now();
      const started = performance.now();
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
                error: `${file} is not on this machine`,
              });
            } else if (e.killed || e.signal === 'SIGKILL') {
              resolve({
                ...base,
                outcome: 'timeout',
                exitCode: null,
                error: `${file} did not finish within ${options.timeoutMs / 1000} s and was stopped`,
              });
            } else if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
              resolve({
                ...base,
                outcome: 'failed',
                exitCode: null,
                error: `${file} printed more than the limit`,
              });
            } else if (typeof e.code === 'number') {
              const detail = base.stderr.toString('utf8').trim().split('\n')[0];
              resolve({
                ...base,
                outcome: 'failed',
                exitCode: e.code,
                error: `${file} exited with code ${e.code}${detail ? `: ${detail}` : ''}`,
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
        // Probes never read input: close stdin so a child that waits on it (powershell.exe does,
        // nodejs/node#25645) cannot hang until its timeout.
        child.stdin?.end();
      });
    },
  };
}
