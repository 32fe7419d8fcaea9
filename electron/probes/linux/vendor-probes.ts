/**
 * The status commands security vendors ship for Linux, each run by full path with its documented
 * arguments. Where each program lives, and what it prints, is cited here; the parsers in
 * electron/core/parse/unix and parse/linux cite the real outputs they were built from.
 *
 * - Microsoft Defender for Endpoint: `mdatp` is /usr/bin/mdatp, a link to
 *   /opt/microsoft/mdatp/sbin/wdavdaemonclient (Microsoft's Linux install troubleshooting page:
 *   "sudo ln -sf /opt/microsoft/mdatp/sbin/wdavdaemonclient /usr/bin/mdatp");
 *   `mdatp health --output json` as GLPI agent and Velociraptor run it [MDATP-HEALTH].
 * - ESET Endpoint Antivirus for Linux: /opt/eset/eea/bin/upd (--list-modules, -version) and
 *   /opt/eset/eea/sbin/lic --status (GLPI agent Linux/AntiVirus/EEA.pm, macOS ESET.pm); ESET Server Security keeps the same tools in /opt/eset/efs (ESET
 *   container deploy scripts: /opt/eset/efs/bin/upd, /opt/eset/efs/sbin/lic -s).
 * - Bitdefender GravityZone (Endpoint Security Tools): /opt/bitdefender-security-tools/bin/bduitool
 *   get ps (GLPI agent Linux/AntiVirus/Bitdefender.pm).
 * - SentinelOne: /opt/sentinelone/bin/sentinelctl version | control status | management status
 *   (GLPI agent Linux/AntiVirus/Sentinelone.pm).
 * - Cortex XDR: /opt/traps/bin/cytool info | info query | runtime query (GLPI agent Cortex.pm).
 * - Dr.Web: /opt/drweb.com/bin/drweb-ctl baseinfo and --version (saferwall's Dr.Web scanner;
 *   GLPI agent DrWeb.pm), with the /usr/bin link the packages install.
 * - Sophos Anti-Virus for Linux: /opt/sophos-av/bin/savdstatus (Microsoft Defender for Cloud's
 *   endpoint protection assessment reads exactly this file).
 * - CrowdStrike Falcon: /opt/CrowdStrike/falconctl -g --version --rfm-state (CrowdStrike's
 *   falcon-linux-install.sh; Red Hat insights-core's falconctl parsers). It answers root only:
 *   run unprivileged it fails, and the scan says it could not read it and why.
 */
import type { ProgramLocations } from '../host/programs';
import { type StatusCommand, type StatusProbeSpec, statusCommandsProbe } from '../host/status-commands';
import type { Probe } from '../probe-context';

const MDATP = ['/usr/bin/mdatp', '/opt/microsoft/mdatp/sbin/wdavdaemonclient'] as const;
const ESET_UPD = ['/opt/eset/eea/bin/upd', '/opt/eset/efs/bin/upd'] as const;
const ESET_LIC = ['/opt/eset/eea/sbin/lic', '/opt/eset/efs/sbin/lic'] as const;
const SENTINELCTL = ['/opt/sentinelone/bin/sentinelctl'] as const;
const CYTOOL = ['/opt/traps/bin/cytool'] as const;
const DRWEB_CTL = ['/opt/drweb.com/bin/drweb-ctl', '/usr/bin/drweb-ctl'] as const;

/** `mdatp health --output json`, the same on Linux and macOS. */
export const mdatpHealth = (locations: ProgramLocations): StatusCommand => ({
  locations,
  args: ['health', '--output', 'json'],
  timeoutMs: 20_000,
});

/** Cortex XDR's cytool: version, content version, runtime table; the same on Linux and macOS. */
export const cytoolCommands = (locations: ProgramLocations): [StatusCommand, ...StatusCommand[]] => [
  { locations, args: ['info'], timeoutMs: 15_000 },
  { locations, args: ['info', 'query'], timeoutMs: 15_000 },
  { locations, args: ['runtime', 'query'], timeoutMs: 15_000 },
];

export const LINUX_VENDOR_STATUS: readonly StatusProbeSpec[] = [
  {
    id: 'linux.mdatp',
    commands: [mdatpHealth(MDATP)],
  },
  {
    id: 'linux.eset',
    commands: [
      { locations: ESET_UPD, args: ['--list-modules'], timeoutMs: 15_000 },
      { locations: ESET_UPD, args: ['-version'], timeoutMs: 15_000 },
      { locations: ESET_LIC, args: ['--status'], timeoutMs: 15_000 },
    ],
  },
  {
    id: 'linux.bitdefender',
    commands: [
      { locations: ['/opt/bitdefender-security-tools/bin/bduitool'], args: ['get', 'ps'], timeoutMs: 15_000 },
    ],
  },
  {
    id: 'linux.sentinelone',
    commands: [
      { locations: SENTINELCTL, args: ['version'], timeoutMs: 15_000 },
      { locations: SENTINELCTL, args: ['control', 'status'], timeoutMs: 15_000 },
      { locations: SENTINELCTL, args: ['management', 'status'], timeoutMs: 15_000 },
    ],
  },
  {
    id: 'linux.cortex',
    commands: cytoolCommands(CYTOOL),
  },
  {
    id: 'linux.drweb',
    commands: [
      { locations: DRWEB_CTL, args: ['baseinfo'], timeoutMs: 15_000 },
      { locations: DRWEB_CTL, args: ['--version'], timeoutMs: 15_000 },
    ],
  },
  {
    id: 'linux.sophos',
    commands: [{ locations: ['/opt/sophos-av/bin/savdstatus'], args: [], timeoutMs: 15_000 }],
  },
  {
    id: 'linux.falcon',
    commands: [
      {
        locations: ['/opt/CrowdStrike/falconctl'],
        args: ['-g', '--version', '--rfm-state'],
        timeoutMs: 15_000,
      },
    ],
  },
];

export function linuxVendorProbes(): Probe[] {
  return LINUX_VENDOR_STATUS.map(statusCommandsProbe);
}
