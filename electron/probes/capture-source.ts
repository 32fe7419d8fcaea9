/**
 * Where a scan's capture comes from: this machine (live probes) or recorded captures (replay).
 * The handler table takes one of these, so the same pipeline serves a live scan, a replayed
 * file from a user, and a test scenario.
 */
import {
  CAPTURE_FORMAT,
  CAPTURE_FORMAT_VERSION,
  type Capture,
  type CaptureHost,
  type Platform,
} from '../core/capture';
import { probeReading } from '../core/sources';
import type { Probe, ProbeContext } from './probe-context';
import { type ProbeProgressEvent, runProbes } from './run-probes';

export interface CaptureSource {
  readonly kind: 'live' | 'replay';
  /** The probes this source reports progress for, in order. */
  readonly probes: readonly { readonly id: string; readonly label: string }[];
  capture(onProgress?: (event: ProbeProgressEvent) => void): Promise<Capture>;
}

export interface LiveSourceOptions {
  readonly platform: Platform;
  readonly probes: readonly Probe[];
  readonly context: ProbeContext;
  readonly host: () => CaptureHost;
  readonly version: string;
}

export function createLiveCaptureSource(options: LiveSourceOptions): CaptureSource {
  return {
    kind: 'live',
    probes: options.probes.map(({ id }) => ({ id, label: probeReading(id) })),
    async capture(onProgress) {
      const capturedAt = options.context.now().toISOString();
      const records = await runProbes(options.probes, options.context, onProgress);
      return {
        format: CAPTURE_FORMAT,
        formatVersion: CAPTURE_FORMAT_VERSION,
        capturedAt,
        tool: { name: 'handover', version: options.version },
        platform: options.platform,
        origin: { kind: 'live' },
        host: options.host(),
        records,
      };
    },
  };
}

/** Distinct probe ids of a capture, in order, with the labels a live scan would show. */
function probesOf(capture: Capture): { id: string; label: string }[] {
  const ids = [...new Set(capture.records.map((record) => record.probe))];
  return ids.map((id) => ({ id, label: `Reading recorded ${id}` }));
}

/**
 * Replays captures as a scenario: each scan returns the next capture, the last one repeats
 * (before removal, after removal, after restart, ...). Progress is reported per recorded probe.
 */
export function createReplayCaptureSource(captures: readonly Capture[]): CaptureSource {
  if (captures.length === 0) throw new Error('A replay needs at least one capture');
  let next = 0;
  return {
    kind: 'replay',
    get probes() {
      return probesOf(captures[Math.min(next, captures.length - 1)] as Capture);
    },
    async capture(onProgress) {
      const capture = captures[Math.min(next, captures.length - 1)] as Capture;
      next += 1;
      const probes = probesOf(capture);
      for (const probe of probes) onProgress?.({ probe: probe.id, label: probe.label, state: 'pending' });
      for (const probe of probes) {
        const failed = capture.records
          .filter((r) => r.probe === probe.id)
          .every((r) => r.outcome === 'failed' || r.outcome === 'timeout');
        onProgress?.({ probe: probe.id, label: probe.label, state: failed ? 'failed' : 'done' });
      }
      return capture;
    },
  };
}
