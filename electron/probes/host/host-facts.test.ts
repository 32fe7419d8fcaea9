import { describe, expect, it } from 'vitest';
import { captureHost, liveHostInputs } from './host-facts';

describe('captureHost', () => {
  it('keeps the locale variables and the Intl locale and zone, nothing else from the environment', () => {
    expect(
      captureHost({
        hostname: 'vm',
        platform: 'linux',
        release: '6.18.44-fc-v782',
        arch: 'x64',
        env: { LANG: 'ru_RU.UTF-8', LC_ALL: '', LC_MESSAGES: 'en_US.UTF-8', HOME: '/root', AWS_SECRET: 'x' },
        intl: { locale: 'ru-RU', timeZone: 'Europe/Moscow' },
      }),
    ).toEqual({
      hostname: 'vm',
      nodePlatform: 'linux',
      release: '6.18.44-fc-v782',
      arch: 'x64',
      locale: {
        env: { LANG: 'ru_RU.UTF-8', LC_MESSAGES: 'en_US.UTF-8' },
        intlLocale: 'ru-RU',
        timeZone: 'Europe/Moscow',
      },
    });
  });

  it('gathers the live inputs of this process, with the environment passed in', () => {
    const inputs = liveHostInputs({ LANG: 'C.UTF-8' });
    expect(inputs.env).toEqual({ LANG: 'C.UTF-8' });
    expect(typeof inputs.hostname).toBe('string');
    expect(inputs.intl?.timeZone).toBeTruthy();
    expect(captureHost(inputs).locale.env).toEqual({ LANG: 'C.UTF-8' });
  });
});
