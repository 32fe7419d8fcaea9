/**
 * Fleet files prepared on worker threads give the very summary the main thread gives, and a file
 * that hangs or breaks its thread is refused with the reason while the others go on.
 *
 * The real worker is bundled here as scripts/build-electron.mjs bundles it (esbuild, into a
 * temporary folder); the misbehaving threads are small scripts run as workers (eval), standing in
 * for a file that keeps the parser busy or crashes it.
 */
import { readdirSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolderForSuite } from '../../../test-support/temporary-folder';
import { CLI_NOW, runCliCaptured } from '../../cli/test-support/run-cli';
import { captureFromCaseDir } from '../../probes/replay/case-capture';
import { asFleetMachine, madeUpMachineGuid } from '../../probes/replay/fleet-case-capture';
import { DETECTION_CASES } from '../../probes/replay/test-support/replayed-scans';
import { summarizeFleetFolder } from '../fleet-summary';
import { createFleetWorkerPool } from './fleet-worker-pool';

const root = resolve(import.meta.dirname, '../../..');
const NOW = new Date('2026-11-29T12:00:00Z');
const bytes = new TextEncoder().encode('{}');

const suiteDir = temporaryFolderForSuite('fleet-worker');
let workerPath = '';
let folder = '';

beforeAll(async () => {
  workerPath = join(suiteDir(), 'fleet-worker.cjs');
  await build({
    entryPoints: [resolve(root, 'electron/api/host-deps/fleet-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: workerPath,
    logLevel: 'silent',
  });
  // Every real detection case as one machine of a folder, and files no machine would write.
  folder = join(suiteDir(), 'fleet');
  await mkdir(folder);
  const cases = readdirSync(DETECTION_CASES).filter((n) => statSync(join(DETECTION_CASES, n)).isDirectory());
  let n = 0;
  for (const name of cases) {
    n += 1;
    const machine = asFleetMachine(await captureFromCaseDir(join(DETECTION_CASES, name), NOW.toISOString()), {
      hostname: `PC-${n}`,
      osMachineId: madeUpMachineGuid(n),
      capturedAt: '2026-11-28T12:00:00.000Z',
    });
    await writeFile(join(folder, `${name}.json`), JSON.stringify(machine));
  }
  await writeFile(join(folder, 'junk.json'), 'MZ\u0000 not JSON');
  await writeFile(join(folder, 'cut.json'), '{"format":"handover.capture","formatVersion":2,"probes":[');
}, 120_000);

/** A thread that runs `script` on every message, as a stand-in for fleet-worker.cjs. */
const scripted = (script: string) => () =>
  new Worker(`const { parentPort } = require('node:worker_threads'); ${script}`, { eval: true });

describe('fleet files on worker threads', () => {
  it('give the same summary as this thread, row for row and refusal for refusal', async () => {
    const options = { folder, now: NOW, version: 'test', dataDir: null, region: 'US' };
    const inline = await summarizeFleetFolder(options);
    const pool = createFleetWorkerPool({ workerPath, size: 2 });
    try {
      const threaded = await summarizeFleetFolder({ ...options, preparer: pool });
      expect(threaded).toEqual(inline);
      if (!threaded.ok) throw new Error(threaded.error);
      expect(threaded.value.rows.length).toBeGreaterThan(50);
      expect(threaded.value.skipped.map((s) => s.file).sort()).toEqual(['cut.json', 'junk.json']);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('are what handover fleet summarize uses when it finds the worker beside its bundle, with the same output', async () => {
    const args = ['fleet', 'summarize', folder, '--json', '--no-cache', '--region', 'US'];
    const inline = await runCliCaptured(args);
    const threaded = await runCliCaptured(args, CLI_NOW, {}, workerPath);
    expect(threaded).toEqual(inline);
    expect(threaded.code).toBe(1);
    // And it does use them (on a computer with more than one core): a worker that cannot start
    // refuses every file, saying so.
    if (availableParallelism() > 1) {
      const broken = await runCliCaptured(args, CLI_NOW, {}, join(suiteDir(), 'no-such-worker.cjs'));
      expect(broken.stdout).toContain("Handover's reader stopped");
    }
  }, 120_000);

  it('refuse a file that keeps its thread busy past the time limit, and go on with a new thread', async () => {
    let started = 0;
    const pool = createFleetWorkerPool({
      workerPath: 'unused',
      size: 1,
      timeLimitMs: 200,
      start: () => {
        started += 1;
        // The first thread never answers; the next answers at once.
        return scripted(
          started === 1
            ? "parentPort.on('message', () => {});"
            : "parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, result: { ok: false, error: 'answered' } }));",
        )();
      },
    });
    try {
      const [hung, next] = await Promise.all([pool.prepare(bytes), pool.prepare(bytes)]);
      expect(hung).toEqual({ ok: false, error: 'reading it took longer than 200 ms, so it was stopped' });
      expect(next).toEqual({ ok: false, error: 'answered' });
      expect(started).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('refuse only the file a crashed thread held', async () => {
    let started = 0;
    const pool = createFleetWorkerPool({
      workerPath: 'unused',
      size: 1,
      start: () => {
        started += 1;
        return scripted(
          started === 1
            ? "parentPort.on('message', () => { throw new Error('the parser fell over'); });"
            : "parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, result: { ok: false, error: 'answered' } }));",
        )();
      },
    });
    try {
      const [crashed, next] = await Promise.all([pool.prepare(bytes), pool.prepare(bytes)]);
      expect(crashed).toEqual({ ok: false, error: "Handover's reader stopped (the parser fell over)" });
      expect(next).toEqual({ ok: false, error: 'answered' });
    } finally {
      await pool.close();
    }
  });

  it('end a thread that has had nothing to do, and refuse what is asked after close', async () => {
    const exits: number[] = [];
    const pool = createFleetWorkerPool({
      workerPath: 'unused',
      size: 1,
      idleMs: 50,
      start: () => {
        const worker = scripted(
          "parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, result: { ok: false, error: 'answered' } }));",
        )();
        worker.on('exit', (code) => exits.push(code));
        return worker;
      },
    });
    expect(await pool.prepare(bytes)).toEqual({ ok: false, error: 'answered' });
    await expect.poll(() => exits.length, { timeout: 2000 }).toBe(1);
    await pool.close();
    expect(await pool.prepare(bytes)).toEqual({ ok: false, error: 'the summary was stopped' });
  });
});
