/** For CLI tests: runCli with captured output, a fixed clock and the given environment. */
import { runCli } from '../main';

export const CLI_NOW = '2026-11-29T12:00:00Z';

export async function runCliCaptured(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
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
    now: () => new Date(CLI_NOW),
  });
  return { code, stdout, stderr };
}
