/**
 * The `handover` bin. It loads the real CLI bundle through V8's code cache: compiling the
 * bundle is a third of a scan's start-up (docs/benchmarks.md), and a cache written beside the
 * bundle lets later runs skip it. V8 checks the cache against the source and the flags and
 * rejects a stale one, in which case the bundle is simply compiled and the cache rewritten.
 * The cache is written only beside the bundle (never a shared temp folder) and only when that
 * folder is writable; failing to write it changes nothing.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

const bundle = join(__dirname, 'handover-main.cjs');
const cacheFile = `${bundle}.cache`;

function readCache(): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

const cachedData = readCache();
const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
if (cachedData === undefined || script.cachedDataRejected) {
  process.once('exit', () => {
    try {
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only install: run without a cache.
    }
  });
}
const moduleObject = { exports: {} };
script.runInThisContext()(moduleObject.exports, require, moduleObject, bundle, __dirname);
