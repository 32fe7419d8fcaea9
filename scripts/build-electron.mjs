// Bundles the Node-side entry points with esbuild: the Electron main process and preload
// (CommonJS: a sandboxed preload cannot be ESM) and the `handover` CLI, which runs on plain Node.
// Runs on `npm ci` (the "prepare" script), so the bin works right after installing.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // systeminformation stays a real dependency (electron-builder packs it into app.asar).
  external: ['electron', 'systeminformation'],
};

await Promise.all([
  build({ ...common, target: 'node22', entryPoints: ['electron/main/index.ts'], outfile: 'out/main/index.cjs' }),
  build({ ...common, target: 'node22', entryPoints: ['electron/preload/index.ts'], outfile: 'out/preload/index.cjs' }),
  build({
    ...common,
    target: 'node20',
    entryPoints: ['electron/cli/handover.ts'],
    outfile: 'out/cli/handover.cjs',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
