/**
 * The CLI's start-up is most of a CLI scan (docs/benchmarks.md): systeminformation, which only the
 * window's pre-flight uses, must not be in its bundle. Bundled here as scripts/build-electron.mjs
 * bundles it, with esbuild's metafile listing every module that went in; the main process's
 * bundle, which does use it, is built the same way so the test can tell the two apart.
 */
import { resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

async function modulesOf(entry: string, external: string[]): Promise<Metafile> {
  const built = await build({
    entryPoints: [resolve(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    external,
  });
  return built.metafile;
}

const uses = (metafile: Metafile) =>
  Object.keys(metafile.inputs).some((path) => path.includes('node_modules/systeminformation/')) ||
  Object.values(metafile.inputs).some((input) => input.imports.some((i) => i.path === 'systeminformation'));

describe('the CLI bundle', () => {
  it('holds no systeminformation: the pre-flight is the window only', async () => {
    expect(uses(await modulesOf('electron/cli/handover.ts', ['electron']))).toBe(false);
  }, 60_000);

  it('while the main process, which runs the pre-flight, does import it', async () => {
    expect(uses(await modulesOf('electron/main/index.ts', ['electron', 'systeminformation']))).toBe(true);
  }, 60_000);
});
