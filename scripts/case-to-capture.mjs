// Turns a real case folder (fixtures/detection/<case>) into a capture file that
// `handover scan --replay` reads:  node scripts/case-to-capture.mjs fixtures/detection/<case> out.json
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');

/** Bundles the case adapter once (it is TypeScript) and returns captureFromCaseDir. */
export async function loadCaseAdapter() {
  const outfile = join(mkdtempSync(join(tmpdir(), 'handover-case-')), 'case-capture.mjs');
  await build({
    entryPoints: [join(root, 'electron/probes/replay/case-capture.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  return (await import(outfile)).captureFromCaseDir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [caseDir, out] = process.argv.slice(2);
  if (!caseDir || !out) {
    console.error('Usage: node scripts/case-to-capture.mjs fixtures/detection/<case> out.json');
    process.exit(2);
  }
  const captureFromCaseDir = await loadCaseAdapter();
  writeFileSync(out, `${JSON.stringify(await captureFromCaseDir(resolve(caseDir)), null, 2)}\n`);
  console.error(`Capture written to ${out}`);
}
