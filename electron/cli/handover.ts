/** Entry point of the `handover` bin (bundled to out/cli/handover.cjs). */
import { runCli } from './main';

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  now: () => new Date(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`handover: could not run: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
