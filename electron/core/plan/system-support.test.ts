import { describe, expect, it } from 'vitest';
import type { SystemSupport } from '../catalog/alternative-schema';
import { atLeast, type SystemFacts, systemFit, versionNumbers } from './system-support';

describe('versions', () => {
  it('reads the leading dotted number of an OS version', () => {
    expect(versionNumbers('10.0.19045')).toEqual([10, 0, 19045]);
    expect(versionNumbers('14.4.1 (23E224)')).toEqual([14, 4, 1]);
    expect(versionNumbers('12 (bookworm)')).toEqual([12]);
    expect(versionNumbers('unknown')).toBeNull();
    expect(versionNumbers(null)).toBeNull();
  });

  it('compares part by part, a missing part counting as 0', () => {
    expect(atLeast([10, 0, 19045], [10, 0])).toBe(true);
    expect(atLeast([6, 3, 9600], [10, 0])).toBe(false);
    expect(atLeast([6, 3], [6, 3, 0])).toBe(true);
    expect(atLeast([6, 1, 7601], [6, 3])).toBe(false);
    expect(atLeast([10, 0, 14392], [10, 0, 14393])).toBe(false);
  });
});

// Entries shaped as the catalog states them; the sources are placeholders, not read here.
const entry = (over: Partial<SystemSupport>): SystemSupport => ({
  platform: 'linux',
  minVersion: '1',
  label: 'a system',
  sources: ['https://example.com/requirements'],
  ...over,
});
const linux = (osName: string, osVersion: string): SystemFacts => ({
  os: 'linux',
  osName,
  osVersion,
  architecture: 'x64',
});

describe('systemFit', () => {
  const perDistribution = [
    entry({ distribution: 'Debian', minVersion: '11', label: 'Debian 11 and later' }),
    entry({ distribution: 'Ubuntu', minVersion: '20.04', label: 'Ubuntu 20.04 and later' }),
  ];

  it('matches a Linux minimum to its own distribution, by the name in the scan', () => {
    expect(systemFit(perDistribution, linux('Debian GNU/Linux', '12 (bookworm)'))).toMatchObject({
      state: 'runs',
      entry: { label: 'Debian 11 and later' },
    });
    expect(systemFit(perDistribution, linux('Debian GNU/Linux', '10 (buster)'))).toMatchObject({
      state: 'unsupported',
      why: 'version',
      oldest: { label: 'Debian 11 and later' },
    });
    // Ubuntu 18.04's "18.04" is not compared with Debian's "11".
    expect(systemFit(perDistribution, linux('Ubuntu', '18.04.6 LTS (Bionic Beaver)'))).toMatchObject({
      state: 'unsupported',
      oldest: { label: 'Ubuntu 20.04 and later' },
    });
  });

  it('says nothing is stated for a distribution the entries do not name', () => {
    expect(systemFit(perDistribution, linux('Fedora Linux', '40 (Workstation Edition)'))).toEqual({
      state: 'not-stated',
      stated: [],
    });
  });

  it('says what is stated when the version could not be read', () => {
    expect(systemFit(perDistribution, linux('Debian GNU/Linux', 'unknown'))).toEqual({
      state: 'not-stated',
      stated: [perDistribution[0]],
    });
  });

  it('holds processors to the entry that names them', () => {
    const x64Only = [entry({ platform: 'windows', minVersion: '10.0', architectures: ['x64'] })];
    const arm = { os: 'windows', osName: 'Microsoft Windows 11 Pro', osVersion: '10.0.22631' } as const;
    expect(systemFit(x64Only, { ...arm, architecture: 'arm64' })).toEqual({
      state: 'unsupported',
      why: 'architecture',
      architecture: 'arm64',
    });
    expect(systemFit(x64Only, { ...arm, architecture: null })).toMatchObject({ state: 'runs' });
  });
});
