import { describe, expect, it } from 'vitest';
import { parseOsInfo } from './os-info';

describe('parseOsInfo', () => {
  it('keeps the OS facts (values from this Debian 12 machine, toolchain.md §5)', () => {
    const data = {
      platform: 'linux',
      distro: 'Debian GNU/Linux',
      release: '12',
      codename: 'bookworm',
      kernel: '6.18.44-fc-v782',
      arch: 'x64',
      hostname: 'vm',
      serial: 'must-not-matter',
    };
    expect(parseOsInfo(data)).toEqual({
      ok: true,
      value: {
        platform: 'linux',
        distro: 'Debian GNU/Linux',
        release: '12',
        codename: 'bookworm',
        kernel: '6.18.44-fc-v782',
        arch: 'x64',
        hostname: 'vm',
      },
    });
  });

  it('refuses what names no system', () => {
    expect(parseOsInfo({}).ok).toBe(false);
    expect(parseOsInfo('linux').ok).toBe(false);
  });
});
