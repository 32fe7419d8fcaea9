/**
 * The status commands security vendors ship for macOS, each run by full path with its documented
 * arguments (sources per vendor below; the parsers cite the real outputs they were built from).
 *
 * - Microsoft Defender: /usr/local/bin/mdatp (Microsoft's own Jamf extension attributes in
 *   microsoft/mdatp-xplat test exactly this file), `health --output json` (GLPI agent
 *   MacOS/AntiVirus/Defender.pm).
 * - ESET Endpoint Security / Antivirus: upd and lic inside the app bundle, `upd --list-modules`,
 *   `lic -status`, and the real-time state in /Library/Application Support/ESET/Security/var/confd/
 *   settings.json (GLPI agent MacOS/AntiVirus/ESET.pm).
 * - SentinelOne: /Library/Sentinel/sentinel-agent.bundle/Contents/MacOS/sentinelctl version | status
 *   (GLPI agent MacOS/AntiVirus/SentinelOne.pm).
 * - Cortex XDR: /Library/Application Support/PaloAltoNetworks/Traps/bin/cytool (GLPI agent Cortex.pm).
 * - CrowdStrike Falcon: /Applications/Falcon.app/Contents/Resources/falconctl stats agent_info
 *   (CrowdStrike's falcon-scripts macOS installer checks its 'Sensor operational: true'); sensors
 *   before 6.x kept it at /Library/CS/falconctl (Mac admins' extension attributes). Root only.
 * - WithSecure Client Security: /usr/local/bin/wsav --version (GLPI agent MacOS/AntiVirus/WithSecure.pm).
 */
import { type StatusProbeSpec, statusCommandsProbe } from '../host/status-commands';
import { cytoolCommands, mdatpHealth } from '../linux/vendor-probes';
import type { Probe } from '../probe-context';

const ESET_APPS = [
  '/Applications/ESET Endpoint Security.app/Contents/MacOS',
  '/Applications/ESET Endpoint Antivirus.app/Contents/MacOS',
] as const;
export const ESET_MAC_SETTINGS = '/Library/Application Support/ESET/Security/var/confd/settings.json';
const SENTINELCTL = ['/Library/Sentinel/sentinel-agent.bundle/Contents/MacOS/sentinelctl'] as const;
const CYTOOL = ['/Library/Application Support/PaloAltoNetworks/Traps/bin/cytool'] as const;
const FALCONCTL = ['/Applications/Falcon.app/Contents/Resources/falconctl', '/Library/CS/falconctl'] as const;
const inEset = (tool: string) => ESET_APPS.map((app) => `${app}/${tool}`) as [string, ...string[]];

export const MACOS_VENDOR_STATUS: readonly StatusProbeSpec[] = [
  {
    id: 'macos.mdatp',
    commands: [mdatpHealth(['/usr/local/bin/mdatp'])],
  },
  {
    id: 'macos.eset',
    commands: [
      { locations: inEset('upd'), args: ['--list-modules'], timeoutMs: 15_000 },
      { locations: inEset('upd'), args: ['-version'], timeoutMs: 15_000 },
      { locations: inEset('lic'), args: ['-status'], timeoutMs: 15_000 },
    ],
    files: [{ path: ESET_MAC_SETTINGS, maxBytes: 1024 * 1024 }],
  },
  {
    id: 'macos.sentinelone',
    commands: [
      { locations: SENTINELCTL, args: ['version'], timeoutMs: 15_000 },
      { locations: SENTINELCTL, args: ['status'], timeoutMs: 15_000 },
    ],
  },
  {
    id: 'macos.cortex',
    commands: cytoolCommands(CYTOOL),
  },
  {
    id: 'macos.falcon',
    commands: [{ locations: FALCONCTL, args: ['stats', 'agent_info'], timeoutMs: 15_000 }],
  },
  {
    id: 'macos.withsecure',
    commands: [{ locations: ['/usr/local/bin/wsav'], args: ['--version'], timeoutMs: 15_000 }],
  },
];

export function macosVendorProbes(): Probe[] {
  return MACOS_VENDOR_STATUS.map(statusCommandsProbe);
}
