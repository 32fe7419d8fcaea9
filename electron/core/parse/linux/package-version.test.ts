import { describe, expect, it } from 'vitest';
import { upstreamVersion } from './package-version';

describe('upstreamVersion', () => {
  it('cuts epoch, Debian revision, +dfsg and ~ suffixes (versions installed on this Debian 12 machine)', () => {
    expect(upstreamVersion('1.4.6+dfsg-0+deb12u1')).toBe('1.4.6');
    expect(upstreamVersion('1:2.38.1-5+deb12u3')).toBe('2.38.1');
    expect(upstreamVersion('4:12.2.0-3')).toBe('12.2.0');
    expect(upstreamVersion('156.0.8078.108-1~deb12u1')).toBe('156.0.8078.108');
    expect(upstreamVersion('20230710~deb12u1')).toBe('20230710');
    expect(upstreamVersion('2.36-9+deb12u14')).toBe('2.36');
    expect(upstreamVersion('3.134')).toBe('3.134');
  });

  it('reads rpm VERSION-RELEASE the same way, and keeps what it cannot shorten', () => {
    expect(upstreamVersion('12.4.0-1225')).toBe('12.4.0');
    expect(upstreamVersion('1.0~rc1+dfsg-1')).toBe('1.0');
    expect(upstreamVersion('')).toBe('');
    expect(upstreamVersion('-1')).toBe('-1');
  });
});
