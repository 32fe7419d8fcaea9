/** Entry point of the `handover` bin (bundled to out/cli/handover.cjs). */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './main';
import { bindProcessIo } from './process-io';

const io = bindProcessIo(process);
// Built beside this bundle (scripts/build-electron.mjs), in the app's asar as well.
const fleetWorker = join(__dirname, 'fleet-worker.cjs');

/**
 * Plain Node: `node handover.cjs scan ...`. Inside the installed app (electron/main/cli-mode.ts):
 * `Handover.exe --handover-cli scan ...`, the arguments after the flag.
 */
const flag = process.argv.indexOf('--handover-cli');
const args = flag >= 0 ? process.argv.slice(flag + 1) : process.argv.slice(2);

runCli(args, existsSync(fleetWorker) ? { ...io.cliIo, fleetWorker } : io.cliIo).then(
  (code) => io.finish(code),
  (error: unknown) => {
    io.cliIo.stderr(`handover: could not run: ${String(error)}\n`);
    io.finish(2);
  },
);
