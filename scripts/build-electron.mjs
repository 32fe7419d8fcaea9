// Bundles the Node-side entry points with esbuild: the Electron main process and preload
// (CommonJS: a sandboxed preload cannot be ESM) and the `handover` CLI, which runs on plain Node.
// Runs on `npm ci` (the "prepare" script), so the bin works right after installing.
import { build } from 'esbuild';

/**
 * zod re-exports all of its ~45 error-message locales (`export * as locales`), which esbuild
 * cannot drop: 340 of zod's 443 KB here. Handover uses English messages only (zod's default), so
 * the locale index resolves to English alone, making the CLI start faster (docs/benchmarks.md).
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer)
        ? { path: new URL('./zod-locales-en.js', import.meta.url).pathname }
        : undefined,
    );
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  sourcemap: true,
  // Smaller bundles parse faster: start-up is most of a CLI scan (docs/benchmarks.md).
  minify: true,
  logLevel: 'warning',
  plugins: [zodEnglishOnly],
  // Everything is bundled; only Electron itself is provided by the runtime.
  external: ['electron'],
};

await Promise.all([
  build({
    ...common,
    target: 'node22',
    entryPoints: ['electron/main/index.ts'],
    outfile: 'out/main/index.cjs',
  }),
  build({
    ...common,
    target: 'node22',
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'out/preload/index.cjs',
  }),
  build({
    ...common,
    target: 'node20',
    entryPoints: ['electron/cli/handover.ts'],
    outfile: 'out/cli/handover.cjs',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
