/** For tests: `handover ARGS` through runCli, with what it printed and its exit code, at a fixed clock. */
import { runCli } from '../main';

export const CLI_NOW = '2026-11-29T12:00:00Z';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCliCaptured(
  args: readonly string[],
  now: string = CLI_NOW,
  env: Readonly<Record<string, string | undefined>> = {},
  /** The bundled fleet worker, as the CLI's bundle finds it beside itself; absent: one thread. */
  fleetWorker?: string,
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
    now: () => new Date(now),
    ...(fleetWorker ? { fleetWorker } : {}),
  });
  return { code, stdout, stderr };
}
