/**
 * The Linux probes against this machine, through the real runner and file reader. Only
 * structural facts are asserted, so it passes with or without ClamAV (or anything else) installed.
 */
import { describe, expect, it } from 'vitest';
import { CAPTURE_FORMAT_VERSION, type ProbeRecord } from '../../core/capture';
import { observeLinux } from '../../core/observe/observe-linux';
import { createExecFileRunner } from '../command-runner';
import { createFileReader } from '../file-reader';
import { captureHost, liveHostInputs } from '../host/host-facts';
import type { ProbeContext } from '../probe-context';
import { linuxProbes } from './linux-probes';

describe.skipIf(process.platform !== 'linux')('Linux probes on this machine', () => {
  it('every probe returns records and none throws', { timeout: 120_000 }, async () => {
    const now = () => new Date();
    const context: ProbeContext = {
      runner: createExecFileRunner(now),
      files: createFileReader(),
      now,
      env: process.env,
      homeDir: process.env.HOME ?? '/root',
    };
    const probes = linuxProbes();
    const settled = await Promise.allSettled(probes.map((probe) => probe.run(context)));
    const records: ProbeRecord[] = [];
    settled.forEach((result, index) => {
      const id = probes[index]?.id;
      expect(result.status, `${id} threw`).toBe('fulfilled');
      if (result.status !== 'fulfilled') return;
      expect(result.value.length, `${id} returned no records`).toBeGreaterThan(0);
      for (const record of result.value) {
        expect(record.probe).toBe(id);
        expect(['ok', 'failed', 'timeout', 'missing']).toContain(record.outcome);
        if (record.outcome !== 'ok') expect(record.error, `${id}: a reason`).toBeTruthy();
      }
      records.push(...result.value);
    });
    expect(records.find((r) => r.probe === 'linux.dpkg')?.outcome).toBe('ok');
    expect(records.find((r) => r.probe === 'host.os')?.outcome).toBe('ok');

    const observed = observeLinux({
      format: 'handover.capture',
      formatVersion: CAPTURE_FORMAT_VERSION,
      capturedAt: now().toISOString(),
      tool: { name: 'handover', version: 'live-test' },
      platform: 'linux',
      origin: { kind: 'live' },
      host: captureHost(liveHostInputs(process.env)),
      records,
    });
    expect(observed.sources.find((s) => s.id === 'linux.dpkg')?.status).toBe('read');
    expect(observed.observations.some((o) => o.kind === 'installed-program' && o.registry === 'dpkg')).toBe(
      true,
    );
    expect(observed.machine.osName).toBeTruthy();
    expect(observed.sources.find((s) => s.id === 'host.os')?.status).toBe('read');
    expect(observed.sources.find((s) => s.id === 'linux.processes')?.status).toBe('read');
    // ps lists the process running this test, with its executable (readable: it is our own).
    expect(observed.observations).toContainEqual(
      expect.objectContaining({ kind: 'process', pid: process.pid, path: process.execPath }),
    );
  });
});
