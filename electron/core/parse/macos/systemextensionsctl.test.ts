import { describe, expect, it } from 'vitest';
import { parseSystemExtensionsList } from './systemextensionsctl';

/** A real, full `systemextensionsctl list` (macOS 15+, with the System Settings hints), ref 63201184095. */
const NORD = `6 extension(s)
--- com.apple.system_extension.network_extension (Go to 'System Settings > General > Login Items & Extensions > Network Extensions' to modify these system extension(s))
enabled\tactive\tteamID\tbundleID (version)\tname\t[state]
*\t*\tMLZF7K7B5R\tat.obdev.littlesnitch.networkextension (6.4.1/7212)\tLittle Snitch Network Extension\t[activated enabled]
*\t*\tW5364U7YZB\tio.tailscale.ipn.macsys.network-extension (1.102.2/101.102.2)\tTailscale Network Extension\t[activated enabled]
--- com.apple.system_extension.endpoint_security (Go to 'System Settings > General > Login Items & Extensions > Endpoint Security Extensions' to modify these system extension(s))
enabled\tactive\tteamID\tbundleID (version)\tname\t[state]
*\t*\tW5W395V82Y\tcom.nordvpn.macos.Shield (10.8.1/371)\tNordVPN protection\t[activated enabled]
\t\tW5W395V82Y\tcom.nordvpn.macos.Shield (10.8.0/370)\tNordVPN protection\t[terminated waiting to uninstall on reboot]
*\t*\tMLZF7K7B5R\tat.obdev.littlesnitch.endpointsecurity (6.4.1/7212)\tLittle Snitch Endpoint Security\t[activated enabled]
--- com.apple.system_extension.driver_extension (Go to 'System Settings > General > Login Items & Extensions > Driver Extensions' to modify these system extension(s))
enabled\tactive\tteamID\tbundleID (version)\tname\t[state]
*\t*\tG43BCU2T37\torg.pqrs.Karabiner-DriverKit-VirtualHIDDevice (1.8.0/1.8.0)\torg.pqrs.Karabiner-DriverKit-VirtualHIDDevice\t[activated enabled]
`;

/** Real rows that start with an empty 'enabled' column, ref 57393989283. */
const F5 = `2 extension(s)
--- com.apple.system_extension.network_extension (...)
enabled\tactive\tteamID\tbundleID (version)\tname\t[state]
\t*\t57P38MF5GS\tcom.f5.access.macos.DNSProxy (7260.0.0.1/7260.0.0.1)\tDNSProxy\t[activated waiting for user]
`;

/** Real output copied with spaces instead of tabs and a '-' team id, ref 60593646375. */
const SPACED = `4 extension(s)
--- com.apple.system_extension.driver_extension (Go to 'System Settings > General > Login Items & Extensions > Driver Extensions' to modify these system extension(s))
enabled active teamID bundleID (version) name [state]
* * - org.tinygrad.arkey.tinygpu.driver2 (1.0.0/10) org.tinygrad.arkey.tinygpu.driver2 [activated enabled]
  * 9YG3G8543N org.tinygrad.tinygpu.driver2 (1.0.0/3) org.tinygrad.tinygpu.driver2 [activated disabled]
`;

describe('parseSystemExtensionsList', () => {
  it('reads every row of a real transcript with its category and state', () => {
    const result = parseSystemExtensionsList(NORD);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toHaveLength(6);
    expect(result.value[2]).toMatchObject({
      category: 'com.apple.system_extension.endpoint_security',
      enabled: true,
      active: true,
      teamId: 'W5W395V82Y',
      bundleId: 'com.nordvpn.macos.Shield',
      version: '10.8.1/371',
      name: 'NordVPN protection',
      state: 'activated enabled',
    });
    expect(result.value[3]).toMatchObject({
      enabled: false,
      active: false,
      version: '10.8.0/370',
      state: 'terminated waiting to uninstall on reboot',
    });
  });

  it('reads rows whose first columns are empty', () => {
    const result = parseSystemExtensionsList(F5);
    expect(result.ok && result.value[0]).toMatchObject({
      enabled: false,
      active: true,
      teamId: '57P38MF5GS',
      bundleId: 'com.f5.access.macos.DNSProxy',
      state: 'activated waiting for user',
    });
  });

  it('reads space-separated rows and the "-" team id', () => {
    const result = parseSystemExtensionsList(SPACED);
    expect(
      result.ok && result.value.map((r) => [r.teamId, r.bundleId, r.enabled, r.active, r.state]),
    ).toEqual([
      [null, 'org.tinygrad.arkey.tinygpu.driver2', true, true, 'activated enabled'],
      ['9YG3G8543N', 'org.tinygrad.tinygpu.driver2', null, null, 'activated disabled'],
    ]);
  });

  it('an empty list is read; garbage is not', () => {
    expect(parseSystemExtensionsList('0 extension(s)\n')).toEqual({ ok: true, value: [] });
    expect(parseSystemExtensionsList('zsh: command not found: systemextensionsctl').ok).toBe(false);
  });
});
