/**
 * Analysis off the main thread, for the window's host: each capture is analysed in a fresh
 * worker thread (analysis-worker.ts) that is ended when it answers, or when it has not answered
 * within the time limit. The window stays responsive whatever a capture holds, and a capture
 * that could not be analysed in time fails that scan with a plain message instead of freezing
 * the app. The parsers are bounded too (a binary plist cannot expand without limit:
 * core/parse/macos/binary-plist.ts); this is the second wall. The CLI analyses inline: it has no
 * window to keep alive, and starting a thread would cost it start-up time (docs/benchmarks.md).
 */
import { Worker } from 'node:worker_threads';
import type { AnalyseOptions } from '../../core/analyse';
import type { Capture } from '../../core/capture';
import type { Analyser } from '../handlers';

export interface AnalysisRequest {
  readonly capture: Capture;
  readonly options: AnalyseOptions;
}

export type AnalysisReply =
  | { readonly ok: true; readonly result: Awaited<ReturnType<Analyser>> }
  | { readonly ok: false; readonly error: string };

/** Far above a real analysis (milliseconds; docs/benchmarks.md), far below "the app froze". */
export const ANALYSIS_TIME_LIMIT_MS = 20_000;

export function createWorkerAnalyser(options: {
  /** The bundled analysis-worker.cjs. */
  readonly workerPath: string;
  readonly timeLimitMs?: number;
}): Analyser {
  const limit = options.timeLimitMs ?? ANALYSIS_TIME_LIMIT_MS;
  return (capture, analyseOptions) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(options.workerPath);
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        outcome();
      };
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(
              new Error(
                `analysing what the scan read took longer than ${limit >= 1000 ? `${Math.round(limit / 1000)} seconds` : `${limit} ms`}, so it was stopped`,
              ),
            ),
          ),
        limit,
      );
      worker.once('message', (reply: AnalysisReply) =>
        finish(() =>
          reply.ok
            ? resolve(reply.result)
            : reject(new Error(`analysing what the scan read failed: ${reply.error}`)),
        ),
      );
      worker.once('error', (error) =>
        finish(() => reject(new Error(`analysing what the scan read failed: ${error.message}`))),
      );
      worker.once('exit', (code) =>
        finish(() =>
          reject(new Error(`analysing what the scan read stopped unexpectedly (exit code ${code})`)),
        ),
      );
      const request: AnalysisRequest = { capture, options: analyseOptions };
      worker.postMessage(request);
    });
}
