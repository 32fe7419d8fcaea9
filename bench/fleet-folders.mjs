// The fleet folders of `npm run bench` (electron/probes/replay/bench-fleet.ts says what each
// machine is made of): made once per size and kept in .bench-tmp while the fixtures and the
// maker are unchanged (a stamp file records both), since 10,000 files take a while to write.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleExports } from './bundle-exports.mjs';

const root = resolve(import.meta.dirname, '..');

async function loadMaker(tmp) {
  const outfile = join(tmp, 'bench-fleet-maker.mjs');
  await bundleExports(
    [
      "export { captureFromCaseDir } from './electron/probes/replay/case-capture.ts';",
      "export { benchFleetCapture } from './electron/probes/replay/bench-fleet.ts';",
    ],
    outfile,
  );
  return import(`${outfile}?${Date.now()}`);
}

/** The fixture cases, in a fixed order. */
function caseDirs() {
  const dir = join(root, 'fixtures/detection');
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort()
    .map((name) => join(dir, name));
}

function stampOf(sizeWanted) {
  const hash = createHash('sha256');
  hash.update(String(sizeWanted));
  for (const file of [
    'electron/probes/replay/bench-fleet.ts',
    'electron/probes/replay/fleet-case-capture.ts',
    'electron/probes/replay/case-capture.ts',
  ])
    hash.update(readFileSync(join(root, file)));
  for (const dir of caseDirs())
    for (const name of readdirSync(dir).sort()) hash.update(readFileSync(join(dir, name)));
  return hash.digest('hex');
}

/** Makes (or keeps) .bench-tmp/fleet-<size> for each size; returns the folders and the bytes in each. */
export async function fleetFolders(tmp, cli, sizes, now) {
  const maker = await loadMaker(tmp);
  const live = JSON.parse(
    execFileSync(process.execPath, [cli, 'capture'], { maxBuffer: 256 * 1024 * 1024 }).toString(),
  );
  const bases = await Promise.all(caseDirs().map((dir) => maker.captureFromCaseDir(dir)));
  const folders = [];
  for (const size of sizes) {
    const dir = join(tmp, `fleet-${size}`);
    const stampFile = join(tmp, `fleet-${size}.stamp`);
    const stamp = stampOf(size);
    if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (let n = 0; n < size; n += 1) {
        const capture = maker.benchFleetCapture(bases[n % bases.length], n, { live, now });
        writeFileSync(join(dir, `bench-${String(n).padStart(5, '0')}.json`), JSON.stringify(capture));
      }
      writeFileSync(stampFile, stamp);
    }
    const bytes = readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
    folders.push({ size, dir, bytes, cases: bases.length });
  }
  return folders;
}
