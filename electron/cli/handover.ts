/** Entry point of the `handover` bin (bundled to out/cli/handover.cjs). */

import { runCli } from './main';
import { bindProcessIo } from './process-io';

const io = bindProcessIo(process);

runCli(process.argv.slice(2), io.cliIo).then(
  (code) => io.finish(code),
  (error: unknown) => {
    io.cliIo.stderr(`handover: could not run: ${String(error)}\n`);
    io.finish(2);
  },
);
