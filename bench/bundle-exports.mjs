// The benchmark's TypeScript helpers, bundled for Node: one ESM file exporting the given names of
// the repository's modules (the bench runs on plain Node, which does not read TypeScript).
import { resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');

/** `exports`: lines such as "export { a } from './electron/x.ts';", resolved from the repository. */
export async function bundleExports(exports, outfile) {
  await build({
    stdin: { contents: exports.join('\n'), resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
}
