// Bundles the Node-side entry points with esbuild: the Electron main process, the worker it
// analyses captures in, and the preload
// (CommonJS: a sandboxed preload cannot be ESM) and the `handover` CLI, which runs on plain Node.
// Runs on `npm ci` (the "prepare" script), so the bin works right after installing.
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';
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
    // systeminformation, the one runtime dependency (the pre-flight's battery and network
    // readings), stays a module of its own in node_modules, where electron-builder packs it from
    // package.json's dependencies (research/toolchain.md §4): loaded only when the pre-flight
    // runs, it adds nothing to the window's start. The CLI never imports it (cli-bundle.test.ts).
    external: [...common.external, 'systeminformation'],
  }),
  build({
    ...common,
    target: 'node22',
    entryPoints: ['electron/api/host-deps/analysis-worker.ts'],
    outfile: 'out/main/analysis-worker.cjs',
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
    outfile: 'out/cli/handover-main.cjs',
  }),
  build({
    ...common,
    target: 'node20',
    entryPoints: ['electron/api/host-deps/fleet-worker.ts'],
    outfile: 'out/cli/fleet-worker.cjs',
  }),
  build({
    ...common,
    target: 'node20',
    entryPoints: ['electron/cli/launcher.ts'],
    outfile: 'out/cli/handover.cjs',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
// The bin must be executable for `npx handover` (package.json "bin"): esbuild writes files 0644,
// and npm sets the mode only when it links a dependency's bins, not a project's own.
chmodSync('out/cli/handover.cjs', 0o755);
// A code cache from an older bundle would only be rejected: start clean, and write the new one
// now (electron/cli/launcher.ts) so that the first real scan already starts fast.
rmSync('out/cli/handover-main.cjs.cache', { force: true });
execFileSync(process.execPath, ['out/cli/handover.cjs', '--help'], { stdio: 'ignore' });
