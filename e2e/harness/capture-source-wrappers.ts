/**
 * Test-only wrappers around a CaptureSource. They change timing or inject a failure, never
 * the capture itself: what the screen shows still comes from the real pipeline.
 */
import type { CaptureSource } from '../../electron/probes/capture-source';
import type { ProbeProgressEvent } from '../../electron/probes/run-probes';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A replay reports every probe done at once; this one replays the same events at the pace of a
 * real scan (pending, then running and done per probe, `stepMs` apart), so progress is visible.
 */
export function pacedCaptureSource(inner: CaptureSource, stepMs: number): CaptureSource {
  if (stepMs <= 0) return inner;
  return {
    kind: inner.kind,
    get probes() {
      return inner.probes;
    },
    async capture(onProgress) {
      const events: ProbeProgressEvent[] = [];
      const capture = await inner.capture((event) => events.push(event));
      const finals = new Map<string, ProbeProgressEvent>();
      for (const event of events) {
        if (event.state === 'pending') onProgress?.(event);
        else finals.set(event.probe, event);
      }
      for (const event of finals.values()) {
        onProgress?.({ ...event, state: 'running' });
        await sleep(stepMs);
        onProgress?.(event);
      }
      return capture;
    },
  };
}

/** A source whose capture fails with `message`, as a probe host crash would. */
export function failingCaptureSource(inner: CaptureSource, message: string): CaptureSource {
  return {
    kind: inner.kind,
    get probes() {
      return inner.probes;
    },
    async capture(onProgress) {
      for (const p of inner.probes) onProgress?.({ probe: p.id, label: p.label, state: 'pending' });
      throw new Error(message);
    },
  };
}
