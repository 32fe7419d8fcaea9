/**
 * A worker thread that prepares fleet files (core/fleet/judge-fleet-file.ts prepareFleetFile),
 * started by fleet-worker-pool.ts and bundled as out/cli/fleet-worker.cjs. Preparing a file is
 * nearly all of a fleet summary's time (docs/benchmarks.md), and each file is independent of the
 * others, so a folder is prepared on as many threads as the computer has cores; the window's main
 * process stays free while the Fleet screen opens a folder.
 */
import { parentPort } from 'node:worker_threads';
import { loadCatalog } from '../../core/catalog/load-catalog';
import { prepareFleetFile } from '../../core/fleet/judge-fleet-file';
import { err } from '../../core/util/result';
import type { FleetWorkerReply, FleetWorkerRequest } from './fleet-worker-pool';

const catalog = loadCatalog();

parentPort?.on('message', (request: FleetWorkerRequest) => {
  let reply: FleetWorkerReply;
  try {
    reply = { id: request.id, result: prepareFleetFile(request.bytes, catalog) };
  } catch (error) {
    // A programming error, not the file's fault: said as the file's reason, and the next file goes on.
    reply = {
      id: request.id,
      result: err(
        `Handover failed while reading it (${error instanceof Error ? error.message : String(error)})`,
      ),
    };
  }
  parentPort?.postMessage(reply);
});
