import { describe, expect, it } from 'vitest';
import { parseIoregPlatformUuid } from './ioreg-platform-uuid';

/**
 * The shape ioreg prints (Apple developer forums, thread 128947, shows a listing of this form: a
 * `+-o Name <class ...>` line, then the properties as `"key" = value` inside braces). The values
 * here are made up; the layout and the property names are ioreg's.
 */
const IOREG = `+-o J314sAP  <class IOPlatformExpertDevice, id 0x100000210, registered, matched, active, busy 0 (28 ms), retain 38>
    {
      "IOPolledInterface" = "AppleARMWatchdogTimerHibernateHandler is not serializable"
      "IOPlatformSerialNumber" = "C02XXXXXXXXX"
      "IOPlatformUUID" = "E0A1B2C3-1A2B-5C3D-9E8F-0A1B2C3D4E5F"
      "model" = <"MacBookPro18,3">
    }
`;

describe('IOPlatformUUID from ioreg', () => {
  it('reads the quoted value of its line', () => {
    expect(parseIoregPlatformUuid(IOREG)).toEqual({
      ok: true,
      value: 'E0A1B2C3-1A2B-5C3D-9E8F-0A1B2C3D4E5F',
    });
    expect(parseIoregPlatformUuid(IOREG.replace(/^ {4}/gm, '    | '))).toMatchObject({ ok: true });
  });

  it('says so when there is none', () => {
    expect(parseIoregPlatformUuid('+-o Root  <class IORegistryEntry>\n')).toEqual({
      ok: false,
      error: 'ioreg printed no IOPlatformUUID',
    });
  });
});
