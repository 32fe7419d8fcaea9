import { describe, expect, it } from 'vitest';
import { parseServices } from './services-drivers';

// win-kts21.2-services-drivers/services.json ("Antivirus Artifacts III" [S45]): no Name, no Status.
const KTS_SERVICES = [
  {
    DisplayName: 'Kaspersky Anti-Virus Service 21.2',
    Description:
      'Provides computer protection against viruses and other malware, network attacks, Internet fraud and spam.',
    StartType: 'Automatic',
    PathName: '"C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.2\\avp.exe" -r',
  },
  {
    DisplayName: 'Kaspersky VPN Secure Connection Service 5.2',
    StartType: 'Automatic',
    PathName: '"C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky VPN 5.2\\ksde.exe" -r',
  },
  {
    DisplayName: 'Kaspersky Volume Shadow Copy Service Bridge 21.2',
    StartType: 'Manual',
    PathName: '"C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.2\\x64\\vssbridge64.exe"',
  },
];

// win10-bitdefender-defender-off-thm/services.json [S4].
const WINDEFEND = { Status: 'Running', Name: 'WinDefend', DisplayName: 'Windows Defender Antivirus Service' };

// win-kts21.2-services-drivers/drivers.json (two of its fourteen records) [S45].
const KTS_DRIVERS = [
  {
    Name: 'klif.sys',
    Description: 'Core System Interceptors',
    Directory: 'C:\\Windows\\System32\\Drivers\\',
  },
  {
    Name: 'klupd_klif_arkmon.sys',
    Description: 'Kaspersky Lab Anti-Rootkit Monitor Driver',
    Directory: 'C:\\ProgramData\\Kaspersky Lab\\AVP21.2\\',
  },
];

describe('parseServices', () => {
  it('reads Get-Service style records without names or states', () => {
    const result = parseServices(KTS_SERVICES, 'service', 'windows.services');
    expect(result).toMatchObject({
      ok: true,
      value: [
        {
          kind: 'service',
          serviceType: 'service',
          displayName: 'Kaspersky Anti-Virus Service 21.2',
          state: 'unknown',
          startMode: 'auto',
          path: '"C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.2\\avp.exe" -r',
        },
        { startMode: 'auto' },
        { startMode: 'manual' },
      ],
    });
    expect(result.ok && result.value[0]?.name).toBeUndefined();
  });

  it('reads a running service by name', () => {
    expect(parseServices(WINDEFEND, 'service', 'windows.services')).toMatchObject({
      ok: true,
      value: [{ name: 'WinDefend', displayName: 'Windows Defender Antivirus Service', state: 'running' }],
    });
  });

  it('reads Win32_Service / Win32_SystemDriver fields and numeric Get-Service enums', () => {
    const result = parseServices(
      [
        { Name: 'klif', DisplayName: 'Kaspersky Lab KLIF', State: 'Stop Pending', StartMode: 'Boot' },
        { Name: 'x', State: 'Start Pending', StartMode: 'Auto', PathName: 'C:\\x.exe' },
        { Name: 'y', Status: 4, StartType: 4 },
        { Name: 'z', Status: 1, StartType: 2 },
      ],
      'kernel-driver',
      'windows.drivers',
    );
    expect(result).toMatchObject({
      ok: true,
      value: [
        { serviceType: 'kernel-driver', state: 'stopping', startMode: 'boot' },
        { state: 'starting', startMode: 'auto', path: 'C:\\x.exe' },
        { state: 'running', startMode: 'disabled' },
        { state: 'stopped', startMode: 'auto' },
      ],
    });
  });

  it('reads the driver file listing as kernel drivers with Directory + Name', () => {
    expect(parseServices(KTS_DRIVERS, 'kernel-driver', 'windows.drivers')).toMatchObject({
      ok: true,
      value: [
        {
          serviceType: 'kernel-driver',
          name: 'klif.sys',
          displayName: 'Core System Interceptors',
          path: 'C:\\Windows\\System32\\Drivers\\klif.sys',
          state: 'unknown',
        },
        { path: 'C:\\ProgramData\\Kaspersky Lab\\AVP21.2\\klupd_klif_arkmon.sys' },
      ],
    });
  });

  it('rejects records without identity or with wrong types', () => {
    expect(parseServices([{ State: 'Running' }], 'service', 'windows.services')).toMatchObject({ ok: false });
    expect(parseServices([{ Name: 5 }], 'service', 'windows.services')).toMatchObject({ ok: false });
    expect(parseServices([7], 'service', 'windows.services')).toMatchObject({ ok: false });
  });
});
