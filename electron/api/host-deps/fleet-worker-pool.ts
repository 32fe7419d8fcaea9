/**
 * Fleet files prepared on worker threads (fleet-worker.ts), one file per thread at a time, as
 * many threads as the host gives (the computer's cores). Used by `handover fleet summarize` when
 * it runs from its bundle, and by the window's Fleet screen: preparing the files is nearly all of
 * a summary's time (docs/benchmarks.md), and off the main thread the window stays responsive.
 *
 * Every file comes from a shared folder anyone can write into, so a file that keeps its thread
 * busy past the time limit is refused with that reason and its thread replaced; a thread that
 * fails refuses only the file it held. Threads start when there is work, and end when they have
 * had none for a while: an idle thread never keeps the CLI's process alive (unref) nor holds the
 * app's memory.
 */
import { Worker } from 'node:worker_threads';
import type { PreparedFleetFile } from '../../core/fleet/judge-fleet-file';
import { err, type Result } from '../../core/util/result';
import type { FleetPreparer } from '../fleet-summary';

export interface FleetWorkerRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
}

export interface FleetWorkerReply {
  readonly id: number;
  readonly result: Result<PreparedFleetFile>;
}

export interface FleetWorkerPool {
  readonly prepare: FleetPreparer;
  /** Files prepared at once. */
  readonly size: number;
  /** Ends every thread; files still waiting are refused. */
  close(): Promise<void>;
}

/** Far above one real file (milliseconds: docs/benchmarks.md), far below "it hangs". */
export const FLEET_FILE_TIME_LIMIT_MS = 20_000;
const IDLE_MS = 5_000;

export interface FleetWorkerPoolOptions {
  /** The bundled fleet-worker.cjs. */
  readonly workerPath: string;
  readonly size: number;
  readonly timeLimitMs?: number;
  readonly idleMs?: number;
  /** Starts one thread (a test's stand-in; default: a Worker of workerPath). */
  readonly start?: (workerPath: string) => Worker;
}

interface Job {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly resolve: (result: Result<PreparedFleetFile>) => void;
}

interface Slot {
  readonly worker: Worker;
  /** The thread has begun running its script: a file's time counts from then, not from its start-up. */
  online: boolean;
  job: Job | null;
  limit?: ReturnType<typeof setTimeout>;
  idle?: ReturnType<typeof setTimeout>;
}

const secondsOf = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} seconds` : `${ms} ms`);

export function createFleetWorkerPool(options: FleetWorkerPoolOptions): FleetWorkerPool {
  const size = Math.max(1, Math.floor(options.size));
  const limitMs = options.timeLimitMs ?? FLEET_FILE_TIME_LIMIT_MS;
  const idleMs = options.idleMs ?? IDLE_MS;
  const start = options.start ?? ((path: string) => new Worker(path));
  const queue: Job[] = [];
  const slots = new Set<Slot>();
  let nextId = 0;
  let closed = false;

  function startSlot(): Slot {
    const slot: Slot = { worker: start(options.workerPath), online: false, job: null };
    slot.worker.once('online', () => {
      slot.online = true;
      if (slot.job) startLimit(slot);
    });
    slot.worker.on('message', (reply: FleetWorkerReply) => {
      if (slot.job?.id === reply.id) finish(slot, reply.result);
    });
    slot.worker.on('error', (error: Error) => retire(slot, `Handover's reader stopped (${error.message})`));
    slot.worker.on('exit', (code: number) =>
      retire(slot, `Handover's reader stopped unexpectedly (exit code ${code})`),
    );
    slots.add(slot);
    return slot;
  }

  /** Ends a thread; the file it held, if any, is refused with the reason. */
  function retire(slot: Slot, reason: string): void {
    if (!slots.delete(slot)) return;
    clearTimeout(slot.limit);
    clearTimeout(slot.idle);
    const job = slot.job;
    slot.job = null;
    void slot.worker.terminate();
    job?.resolve(err(reason));
    pump();
  }

  function finish(slot: Slot, result: Result<PreparedFleetFile>): void {
    clearTimeout(slot.limit);
    const job = slot.job;
    slot.job = null;
    job?.resolve(result);
    pump();
  }

  function run(slot: Slot, job: Job): void {
    clearTimeout(slot.idle);
    slot.idle = undefined;
    slot.job = job;
    slot.worker.ref();
    if (slot.online) startLimit(slot);
    try {
      // Copied, never transferred: a small file's bytes may share Node's buffer pool.
      slot.worker.postMessage({ id: job.id, bytes: job.bytes } satisfies FleetWorkerRequest);
    } catch (error) {
      finish(slot, err(`it could not be handed to Handover's reader (${(error as Error).message})`));
    }
  }

  function startLimit(slot: Slot): void {
    clearTimeout(slot.limit);
    slot.limit = setTimeout(
      () => retire(slot, `reading it took longer than ${secondsOf(limitMs)}, so it was stopped`),
      limitMs,
    );
  }

  function rest(slot: Slot): void {
    slot.worker.unref();
    if (slot.idle !== undefined) return;
    slot.idle = setTimeout(() => retire(slot, 'idle'), idleMs);
    slot.idle.unref();
  }

  function pump(): void {
    while (queue.length > 0) {
      let slot = [...slots].find((s) => s.job === null);
      if (!slot) {
        if (slots.size >= size) break;
        slot = startSlot();
      }
      run(slot, queue.shift() as Job);
    }
    for (const slot of slots) if (slot.job === null) rest(slot);
  }

  return {
    size,
    prepare(bytes) {
      if (closed) return Promise.resolve(err('the summary was stopped'));
      return new Promise((resolve) => {
        nextId += 1;
        queue.push({ id: nextId, bytes, resolve });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.resolve(err('the summary was stopped'));
      const ending = [...slots].map((slot) => slot.worker.terminate());
      for (const slot of [...slots]) retire(slot, 'the summary was stopped');
      await Promise.all(ending);
    },
  };
}
