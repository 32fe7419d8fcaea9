/**
 * The worker thread the window's main process analyses captures in (worker-analyser.ts starts
 * it, bundled as out/main/analysis-worker.cjs). Analysis parses what captures hold, property
 * lists included, and a capture can come from anyone (a diagnostics file someone sent): here a
 * file that took long to parse would hold up this thread, never the app's main process.
 */
import { parentPort } from 'node:worker_threads';
import { analyseCapture } from '../../core/analyse';
import { loadCatalog } from '../../core/catalog/load-catalog';
import type { AnalysisReply, AnalysisRequest } from './worker-analyser';

const catalog = loadCatalog();

parentPort?.on('message', (request: AnalysisRequest) => {
  let reply: AnalysisReply;
  try {
    reply = { ok: true, result: analyseCapture(request.capture, catalog, request.options) };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
