/**
 * Runs a platform's probes concurrently and reports progress per probe. A probe that throws or
 * overruns its budget becomes a failed record with the reason: one bad probe never sinks or
 * hangs the scan.
 */
import type { ProbeRecord } from '../core/capture';
import { probeReading } from '../core/sources';
import type { Probe, ProbeContext } from './probe-context';

export type ProbeState = 'pending' | 'running' | 'done' | 'failed';

export interface ProbeProgressEvent {
  readonly probe: string;
  readonly label: string;
  readonly state: ProbeState;
}

/** Longer than any single command's own timeout, so it only fires on a probe bug. */
export const PROBE_BUDGET_MS = 150_000;

function failedRecord(
  probe: Probe,
  startedAt: Date,
  durationMs: number,
  error: string,
  timeout: boolean,
): ProbeRecord {
  return {
    probe: probe.id,
    kind: 'command',
    command: { file: probe.id, args: [] },
    outcome: timeout ? 'timeout' : 'failed',
    error,
    exitCode: null,
    stdout: '',
    stderr: '',
    startedAt: startedAt.toISOString(),
    durationMs,
  };
}

async function runOne(
  probe: Probe,
  context: ProbeContext,
  budgetMs: number,
): Promise<readonly ProbeRecord[]> {
  const startedAt = context.now();
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const overrun = new Promise<readonly ProbeRecord[]>((resolve) => {
    timer = setTimeout(() => {
      resolve([
        failedRecord(
          probe,
          startedAt,
          budgetMs,
          `${probeReading(probe.id)} did not finish within ${budgetMs / 1000} s`,
          true,
        ),
      ]);
    }, budgetMs);
  });
  try {
    return await Promise.race([probe.run(context), overrun]);
  } catch (error) {
    const elapsed = Math.round(performance.now() - started);
    return [
      failedRecord(
        probe,
        startedAt,
        elapsed,
        `${probeReading(probe.id)} failed: ${(error as Error).message}`,
        false,
      ),
    ];
  } finally {
    clearTimeout(timer);
  }
}

export async function runProbes(
  probes: readonly Probe[],
  context: ProbeContext,
  onProgress: (event: ProbeProgressEvent) => void = () => {},
  budgetMs: number = PROBE_BUDGET_MS,
): Promise<ProbeRecord[]> {
  for (const probe of probes)
    onProgress({ probe: probe.id, label: probeReading(probe.id), state: 'pending' });
  const results = await Promise.all(
    probes.map(async (probe) => {
      onProgress({ probe: probe.id, label: probeReading(probe.id), state: 'running' });
      const records = await runOne(probe, context, budgetMs);
      const failed =
        records.length > 0 &&
        records.every((record) => record.outcome === 'failed' || record.outcome === 'timeout');
      onProgress({ probe: probe.id, label: probeReading(probe.id), state: failed ? 'failed' : 'done' });
      return records;
    }),
  );
  return results.flat();
}
