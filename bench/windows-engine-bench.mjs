// The Windows scan script's own run time in the PowerShell engine host (windows-engine/), against
// the fakes: the exact script the app sends, on the machine of fixtures/journeys/windows-kes-managed/
// 1-before, interleaved with a baseline of the same bootstrap running a script that does nothing
// ('$null'), in the same host process. The figure is the time from the runspace being ready to the
// script's end (the runspace's own start-up, about the same for both, is left out).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleExports } from './bundle-exports.mjs';

const root = resolve(import.meta.dirname, '..');

async function loadHarness() {
  const dir = mkdtempSync(join(tmpdir(), 'handover-bench-engine-'));
  // Bundled beside its sources, so that the paths it finds from import.meta.dirname (the engine
  // folder, the fixtures) are the repository's.
  const outfile = join(root, 'electron/probes/windows/test-support', `.bench-harness-${process.pid}.mjs`);
  await bundleExports(
    [
      "export { scanStdin, powershellInvocation } from './electron/probes/windows/scan-script.ts';",
      "export { machineStateFromCase } from './electron/probes/windows/test-support/machine-state-from-case.ts';",
      "export { appEnvironment } from './electron/probes/windows/test-support/machine-state.ts';",
      "export { findDotnet, buildEngine, runEngineBatch } from './electron/probes/windows/test-support/windows-engine-host.ts';",
    ],
    outfile,
  );
  try {
    return { harness: await import(outfile), dir };
  } finally {
    rmSync(outfile, { force: true });
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** { script, baseline, ratio, runs } in ms, or { skipped } when dotnet is missing. */
export async function measureWindowsScript(runs) {
  const { harness, dir } = await loadHarness();
  try {
    const dotnet = harness.findDotnet();
    if (!dotnet) return { skipped: 'dotnet (the .NET SDK 10) is not on this machine' };
    harness.buildEngine(dotnet, dir);
    const caseId = 'journeys/windows-kes-managed/1-before';
    const state = harness.machineStateFromCase(join(root, 'fixtures', caseId), caseId);
    const invocation = harness.powershellInvocation(harness.appEnvironment(state));
    if (!invocation.ok) throw new Error(invocation.error);
    const job = (id, stdin) => ({
      id,
      kind: 'powershell',
      file: invocation.value.file,
      args: invocation.value.args,
      stdin: Buffer.from(stdin).toString('base64'),
      timeoutMs: 90_000,
      caller: '64-bit',
      state,
    });
    const jobs = [job('warm-up-script', harness.scanStdin()), job('warm-up-baseline', '$null\n')];
    for (let i = 0; i < runs; i += 1)
      jobs.push(job(`baseline-${i}`, '$null\n'), job(`script-${i}`, harness.scanStdin()));
    const { results } = harness.runEngineBatch(dotnet, jobs, dir);
    const times = (prefix) => results.filter((r) => r.id.startsWith(prefix)).map((r) => r.scriptMs);
    const failed = results.find((r) => r.id.startsWith('script-') && r.exitCode !== 0);
    if (failed) throw new Error(`the scan script failed in the engine: exit ${failed.exitCode}`);
    const script = median(times('script-'));
    const baseline = median(times('baseline-'));
    return { script, baseline, ratio: script / baseline, runs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
