import { describe, expect, it } from 'vitest';
import { createPreflightProbe, type SystemInformationCalls } from './preflight-probe';

const si = (over: Partial<SystemInformationCalls> = {}): (() => Promise<SystemInformationCalls>) => {
  const calls: SystemInformationCalls = {
    battery: async () => ({ hasBattery: true, isCharging: false, acConnected: false, percent: 42.4 }),
    inetChecksite: async () => ({ ok: true, status: 200, ms: 80 }),
    ...over,
  };
  return async () => calls;
};
const statfs = async () => ({ bavail: 2 ** 20, bsize: 4096 });

describe('the pre-flight probe', () => {
  it('reads the battery, the free space of the system drive and the vendor site', async () => {
    const probe = createPreflightProbe({ platform: 'linux', systemInformation: si(), statfs });
    expect(await probe.read('https://www.clamav.net/downloads')).toEqual({
      battery: { ok: true, value: { hasBattery: true, onMains: false, percent: 42 } },
      disk: { ok: true, value: { path: '/', freeMB: 4096 } },
      network: {
        ok: true,
        value: { url: 'https://www.clamav.net/downloads', reachable: true, detail: null },
      },
    });
  });

  it("reads the free space of Windows system drive, and says the battery is unchecked there without the host's reading", async () => {
    const paths: string[] = [];
    const probe = createPreflightProbe({
      platform: 'win32',
      systemDrive: 'D:',
      systemInformation: si({
        battery: async () => {
          throw new Error('must not be called on Windows');
        },
      }),
      statfs: async (path) => {
        paths.push(path);
        return statfs();
      },
    });
    const facts = await probe.read(null);
    expect(paths).toEqual(['D:\\']);
    expect(facts.battery).toEqual({
      ok: false,
      error:
        'Handover reads the battery only where it is quick, and on Windows it would start PowerShell three times',
    });
    expect(facts.network).toBeNull();
  });

  describe("on Windows, with the host's powerMonitor reading", () => {
    const windows = (onBatteryPower: () => boolean) =>
      createPreflightProbe({
        platform: 'win32',
        onBatteryPower,
        systemInformation: si({
          battery: async () => {
            throw new Error('battery() starts PowerShell: must not be called on Windows');
          },
        }),
        statfs,
      });

    it('on battery: has a battery, not on mains, percent unknown', async () => {
      expect((await windows(() => true).read(null)).battery).toEqual({
        ok: true,
        value: { hasBattery: true, onMains: false, percent: null },
      });
    });

    it('not on battery: on mains, without claiming a battery or none', async () => {
      expect((await windows(() => false).read(null)).battery).toEqual({
        ok: true,
        value: { hasBattery: null, onMains: true, percent: null },
      });
    });

    it('the call throws: could not check, and the other readings go on', async () => {
      const facts = await windows(() => {
        throw new Error('powerMonitor is not available before the app is ready');
      }).read(null);
      expect(facts.battery).toEqual({
        ok: false,
        error: 'powerMonitor is not available before the app is ready',
      });
      expect(facts.disk).toEqual({ ok: true, value: { path: 'C:\\', freeMB: 4096 } });
    });
  });

  it('turns a failure or a hang into "could not", and goes on', async () => {
    const probe = createPreflightProbe({
      platform: 'darwin',
      timeoutMs: 20,
      systemInformation: si({
        battery: () => new Promise(() => {}),
        inetChecksite: async () => ({ ok: false, status: 404, ms: null }),
      }),
      statfs: async () => {
        throw new Error('EACCES: permission denied');
      },
    });
    const facts = await probe.read('https://www.norton.com/');
    expect(facts.battery).toEqual({ ok: false, error: 'there was no answer within 0 seconds' });
    expect(facts.disk).toEqual({ ok: false, error: 'EACCES: permission denied' });
    expect(facts.network).toEqual({
      ok: true,
      value: { url: 'https://www.norton.com/', reachable: false, detail: 'it could not be reached' },
    });
  });
});
