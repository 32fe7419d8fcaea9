/**
 * The window's analyser: the real worker entry bundled as `npm run build` bundles it, a real
 * case analysed in it, and the time limit on a worker that never answers.
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolderForSuite } from '../../../test-support/temporary-folder';
import { analyseCapture } from '../../core/analyse';
import { loadCatalog } from '../../core/catalog/load-catalog';
import { base64Of, billionLaughsPlist } from '../../core/test-support/crafted-plists';
import { captureOf, file, listing } from '../../core/test-support/hand-made-captures';
import { captureFromCaseDir } from '../../probes/replay/case-capture';
import { DETECTION_CASES } from '../../probes/replay/test-support/replayed-scans';
import { createWorkerAnalyser } from './worker-analyser';

const suiteDir = temporaryFolderForSuite('worker-analyser');
let dir: string;
let workerPath: string;
const options = { now: new Date('2026-11-29T12:00:00Z'), regionOverride: 'US', replayed: true };

beforeAll(async () => {
  dir = suiteDir();
  workerPath = join(dir, 'analysis-worker.cjs');
  await build({
    entryPoints: [resolve(import.meta.dirname, 'analysis-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: workerPath,
    logLevel: 'silent',
  });
}, 60_000);

describe('createWorkerAnalyser', () => {
  it('analyses a real case in a worker thread exactly as inline', async () => {
    const capture = await captureFromCaseDir(join(DETECTION_CASES, 'win-kes10-de-wsc'));
    const inWorker = await createWorkerAnalyser({ workerPath })(capture, options);
    expect(inWorker).toEqual(analyseCapture(capture, loadCatalog(), options));
    expect(inWorker.verdict.level).toBe('unprotected');
  }, 30_000);

  it('a capture with the crafted "billion laughs" plist is analysed, that plist reported unreadable', async () => {
    const capture = captureOf('macos', [
      listing('macos.applications', '/Applications', ['Laughs.app']),
      file(
        'macos.applications',
        '/Applications/Laughs.app/Contents/Info.plist',
        base64Of(billionLaughsPlist()),
        'base64',
      ),
    ]);
    const result = await createWorkerAnalyser({ workerPath })(capture, options);
    expect(result.sources.find((s) => s.id === 'macos.applications')?.reason).toMatch(
      /more than 100000 values/,
    );
  }, 30_000);

  it('a worker that never answers is stopped at the time limit, with a plain message', async () => {
    const silent = join(dir, 'silent-worker.cjs');
    await writeFile(silent, "require('node:worker_threads').parentPort.on('message', () => {});\n");
    const capture = captureOf('linux', []);
    await expect(
      createWorkerAnalyser({ workerPath: silent, timeLimitMs: 300 })(capture, options),
    ).rejects.toThrow('analysing what the scan read took longer than 300 ms, so it was stopped');
  });

  it('a worker that fails says why', async () => {
    const broken = join(dir, 'broken-worker.cjs');
    await writeFile(broken, "throw new Error('no such module');\n");
    await expect(
      createWorkerAnalyser({ workerPath: broken })(captureOf('linux', []), options),
    ).rejects.toThrow(/analysing what the scan read failed: no such module/);
  });
});
