/** 'host.os': systeminformation osInfo(), kept to what the verdict and the screen need (no fqdn, serial or uuid). */
import type { Probe } from '../probe-context';
import { systemInformationCall } from './read-steps';

export const OS_INFO_KEYS = [
  'platform',
  'distro',
  'release',
  'codename',
  'kernel',
  'arch',
  'hostname',
] as const;

/** Keeps only OS_INFO_KEYS; anything else osInfo() returns is dropped before it reaches the capture. */
export function keepOsInfo(data: unknown): Record<string, unknown> {
  const source = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const kept: Record<string, unknown> = {};
  for (const key of OS_INFO_KEYS) if (key in source) kept[key] = source[key];
  return kept;
}

export function osInfoProbe(): Probe {
  return {
    id: 'host.os',
    label: 'Reading the operating system version',
    async run(context) {
      return [
        await systemInformationCall(
          context,
          'host.os',
          'osInfo',
          () => context.systemInformation.osInfo(),
          keepOsInfo,
          20_000,
        ),
      ];
    },
  };
}
