/** Entry point of the `handover` bin (bundled to out/cli/handover.cjs). */

import { runCli } from './main';
import { bindProcessIo } from './process-io';

const io = bindProcessIo(process);

/**
 * Plain Node: `node handover.cjs scan ...`. Inside the installed app (electron/main/cli-mode.ts):
 * `Handover.exe --handover-cli scan ...`, the arguments after the flag.
 */
const flag = process.argv.indexOf('--handover-cli');
const args = flag >= 0 ? process.argv.slice(flag + 1) : process.argv.slice(2);

runCli(args, io.cliIo).then(
  (code) => io.finish(code),
  (error: unknown) => {
    io.cliIo.stderr(`handover: could not run: ${String(error)}\n`);
    io.finish(2);
  },
);
