/**
 * The live capture source for the machine Handover runs on: the real seams (execFile runner,
 * bounded file reader) and this platform's probes.
 */
import { homedir } from 'node:os';
import type { Platform } from '../core/capture';
import { type CaptureSource, createLiveCaptureSource } from './capture-source';
import { createExecFileRunner } from './command-runner';
import { createFileReader } from './file-reader';
import { captureHost, liveHostInputs } from './host/host-facts';
import { linuxProbes } from './linux/linux-probes';
import { macosProbes } from './macos/macos-probes';
import type { Probe } from './probe-context';
import { windowsProbes } from './windows/windows-probe';

export function currentPlatform(): Platform {
  if (process.platform === 'win32') return 'windows';
  if (process.platform === 'darwin') return 'macos';
  return 'linux';
}

export function probesFor(platform: Platform): Probe[] {
  if (platform === 'windows') return windowsProbes();
  if (platform === 'macos') return macosProbes();
  return linuxProbes();
}

export interface MachineSourceOptions {
  readonly now: () => Date;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly version: string;
}

export function createMachineCaptureSource(options: MachineSourceOptions): CaptureSource {
  const platform = currentPlatform();
  return createLiveCaptureSource({
    platform,
    probes: probesFor(platform),
    version: options.version,
    host: () => captureHost(liveHostInputs(options.env)),
    context: {
      runner: createExecFileRunner(options.now, options.env.PATH),
      files: createFileReader(),
      now: options.now,
      env: options.env,
      homeDir: homedir(),
    },
  });
}
