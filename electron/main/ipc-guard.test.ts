import { describe, expect, it } from 'vitest';
import { checkCall, isTrustedSenderUrl } from './ipc-guard';

describe('isTrustedSenderUrl', () => {
  it.each([
    ['app://handover/index.html', true],
    ['app://handover/', true],
    ['app://handover.attacker.com/index.html', false],
    ['https://handover/index.html', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
    [undefined, false],
  ])('%s → %s', (url, trusted) => {
    expect(isTrustedSenderUrl(url)).toBe(trusted);
  });
});

describe('checkCall', () => {
  const url = 'app://handover/index.html';

  it('passes valid calls through', () => {
    expect(checkCall('startScan', url, [{ region: 'US' }])).toEqual({ ok: true, args: [{ region: 'US' }] });
    expect(checkCall('startScan', url, [undefined])).toEqual({ ok: true, args: [] });
    expect(checkCall('getScanProgress', url, ['scan-3'])).toEqual({ ok: true, args: ['scan-3'] });
  });

  it('refuses foreign senders and bad arguments', () => {
    expect(checkCall('scan', 'https://evil.example', [])).toMatchObject({ ok: false });
    expect(checkCall('startScan', url, [{ region: 'USA' }])).toMatchObject({ ok: false });
    expect(checkCall('startScan', url, [{ region: 'XX' }])).toMatchObject({ ok: false });
    expect(checkCall('startScan', url, [{ region: 'US', extra: 1 }])).toMatchObject({ ok: false });
    expect(checkCall('getScanProgress', url, ['../../etc'])).toMatchObject({ ok: false });
    expect(checkCall('appInfo', url, ['unexpected'])).toMatchObject({ ok: false });
  });
});
