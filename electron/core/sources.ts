/**
 * Every source a scan reads, by its stable id. A source id names where a fact came from: it is
 * the `probe` of a capture record (for the probes that write records themselves), the id of a
 * source report ("could not read X because Y"), and the `source` of every piece of evidence. Ids
 * are saved in captures, diagnostics files and reports, so never rename one; add a new id here
 * and the compiler shows every place that must handle it.
 *
 * `label` is what the technician view and reports call the source; `meaning` says in one line
 * what it holds and how it is read; `reading`, present for the probes that run on their own, is
 * the line the window shows while that probe runs. The Windows sources other than
 * windows.powershell are sections of the one PowerShell scan (parse/windows/scan-document.ts).
 */
export const SOURCES = {
  'host.os': {
    label: 'Operating system',
    meaning: 'The OS name and version: /etc/os-release on Linux, sw_vers on macOS.',
    reading: 'Reading the operating system version',
  },
  'host.machine-id': {
    label: 'Machine identity',
    meaning:
      'The id the OS keeps for this machine: /etc/machine-id on Linux, IOPlatformUUID (ioreg) on macOS; Handover shows a hash of it.',
    reading: 'Reading which machine this is',
  },

  'windows.powershell': {
    label: 'Windows security settings',
    meaning: 'The one Windows PowerShell process per scan that reads every Windows source below.',
    reading: 'Reading Windows security settings',
  },
  'windows.os': {
    label: 'Windows version',
    meaning: 'Win32_OperatingSystem: caption, version, build, product type (server or client), last boot.',
  },
  'windows.machine-id': {
    label: 'Machine identity',
    meaning:
      'HKLM\\SOFTWARE\\Microsoft\\Cryptography MachineGuid, the id Windows keeps for this machine; Handover shows a hash of it.',
  },
  'windows.region': {
    label: 'Windows region settings',
    meaning: 'The home location (HKCU Geo), the culture and the time zone the region is resolved from.',
  },
  'windows.wsc.antivirus': {
    label: 'Windows Security Center',
    meaning: 'root/SecurityCenter2 AntiVirusProduct: each registered antivirus and its productState.',
  },
  'windows.wsc.antispyware': {
    label: 'Windows Security Center: antispyware',
    meaning: 'root/SecurityCenter2 AntiSpywareProduct: each registered antispyware product.',
  },
  'windows.wsc.firewall': {
    label: 'Windows Security Center: firewall',
    meaning: 'root/SecurityCenter2 FirewallProduct: each registered firewall.',
  },
  'windows.defender': {
    label: 'Microsoft Defender status',
    meaning: "MSFT_MpComputerStatus: Defender's running mode, real-time state and signature dates.",
  },
  'windows.uninstall': {
    label: 'Installed programs',
    meaning: 'The Uninstall registry keys (64-bit, 32-bit and per-user): Programs and Features.',
  },
  'windows.installer': {
    label: 'Windows Installer products',
    meaning: 'Installer\\UserData\\<SID>\\Products\\*\\InstallProperties: MSI products per user.',
  },
  'windows.services': {
    label: 'Services',
    meaning: 'Win32_Service: name, display name, state, start mode and executable path.',
  },
  'windows.drivers': {
    label: 'Drivers',
    meaning: 'Win32_SystemDriver: kernel drivers, such as the filter drivers antivirus products install.',
  },
  'windows.kaspersky-registry': {
    label: 'Kaspersky registry settings',
    meaning: "Kaspersky's own keys under SOFTWARE\\KasperskyLab: update times, protection and managed state.",
  },
  'windows.processes': {
    label: 'Running programs',
    meaning: 'Win32_Process: name, id and executable path (never the command line or the owner).',
  },
  'windows.pending-restart': {
    label: 'Pending restart',
    meaning: 'The registry markers that mean Windows waits for a restart.',
  },

  'linux.dpkg': {
    label: 'Installed packages (dpkg)',
    meaning: 'dpkg-query: the Debian packages installed, with their versions.',
    reading: 'Reading installed packages (dpkg)',
  },
  'linux.rpm': {
    label: 'Installed packages (rpm)',
    meaning: 'rpm -qa: the RPM packages installed, with their versions.',
    reading: 'Reading installed packages (rpm)',
  },
  'linux.kaspersky-files': {
    label: 'Kaspersky folders',
    meaning:
      "Whether Kaspersky's install and data folders (/opt/kaspersky, /var/opt/kaspersky, /etc/kaspersky) exist.",
    reading: 'Looking for Kaspersky folders',
  },
  'linux.kesl': {
    label: 'Kaspersky Endpoint Security for Linux (kesl-control)',
    meaning: "kesl-control --app-info: KESL's version, database date and file monitoring state.",
    reading: 'Asking Kaspersky Endpoint Security for Linux for its status',
  },
  'linux.kav4fs': {
    label: 'Kaspersky Anti-Virus for Linux File Server (kav4fs-control)',
    meaning: "kav4fs-control --get-stat Update: kav4fs's database date and state.",
    reading: 'Asking Kaspersky Anti-Virus for Linux File Server for its databases',
  },
  'linux.klnagent-avstate': {
    label: 'Kaspersky Network Agent protection state',
    meaning: "The Network Agent's AVState files: databases date and real-time state as it reports them.",
    reading: 'Reading Kaspersky Network Agent protection state',
  },
  'linux.systemd': {
    label: 'Services (systemd)',
    meaning: "systemctl show for the security products' units: loaded, active, enabled.",
    reading: 'Reading security services (systemd)',
  },
  'linux.processes': {
    label: 'Running processes',
    meaning: 'ps -eo pid=,comm=,exe=: running programs by name and path (never arguments or users).',
    reading: 'Reading running processes',
  },
  'linux.clamav-db': {
    label: 'ClamAV signature databases',
    meaning: 'The headers of the .cvd/.cld files in the ClamAV database folder: version and build time.',
    reading: 'Reading ClamAV signature databases',
  },
  'linux.freshclam-log': {
    label: 'ClamAV update log (freshclam)',
    meaning:
      "The end of freshclam's log file, and its journal where ClamAV is installed: when it last checked for and downloaded signatures.",
    reading: 'Reading the ClamAV update log',
  },
  'linux.clamscan': {
    label: 'ClamAV version (clamscan)',
    meaning: "clamscan --version: the engine version, and the daily database's version and build time.",
    reading: 'Asking ClamAV for its version',
  },
  'linux.mdatp': {
    label: 'Microsoft Defender for Endpoint (mdatp)',
    meaning:
      'mdatp health --output json: version, real-time protection, passive mode, definitions status and date.',
    reading: 'Asking Microsoft Defender for Endpoint for its health',
  },
  'linux.eset': {
    label: 'ESET for Linux (upd, lic)',
    meaning: "ESET's upd --list-modules (detection engine version and date) and lic --status (product name).",
    reading: 'Asking ESET for its modules',
  },
  'linux.bitdefender': {
    label: 'Bitdefender Endpoint Security Tools (bduitool)',
    meaning: 'bduitool get ps: product version, last security content update, antimalware state.',
    reading: 'Asking Bitdefender for its protection status',
  },
  'linux.sentinelone': {
    label: 'SentinelOne agent (sentinelctl)',
    meaning:
      'sentinelctl version, control status and management status: agent version, agent state, connectivity.',
    reading: 'Asking the SentinelOne agent for its status',
  },
  'linux.cortex': {
    label: 'Cortex XDR (cytool)',
    meaning:
      'cytool info, info query and runtime query: version, content version, whether the protection service runs.',
    reading: 'Asking Cortex XDR for its status',
  },
  'linux.drweb': {
    label: 'Dr.Web (drweb-ctl)',
    meaning: 'drweb-ctl baseinfo and --version: virus database timestamp, last update, version.',
    reading: 'Asking Dr.Web for its databases',
  },
  'linux.sophos': {
    label: 'Sophos Anti-Virus for Linux (savdstatus)',
    meaning: 'savdstatus: whether Sophos Anti-Virus is active and on-access scanning runs.',
    reading: 'Asking Sophos Anti-Virus for its status',
  },
  'linux.falcon': {
    label: 'CrowdStrike Falcon (falconctl)',
    meaning:
      'falconctl -g --version --rfm-state: sensor version and whether it runs in reduced functionality mode.',
    reading: 'Asking the CrowdStrike Falcon sensor for its state',
  },

  'macos.applications': {
    label: 'Applications',
    meaning: 'The application bundles installed, with their identifiers and versions.',
    reading: 'Reading installed applications',
  },
  'macos.system-extensions': {
    label: 'System extensions',
    meaning: 'systemextensionsctl list: the system extensions, their team ids and states.',
    reading: 'Reading system extensions',
  },
  'macos.launchd': {
    label: 'Launch daemons and agents',
    meaning: 'The launchd job definitions in /Library/LaunchDaemons and /Library/LaunchAgents.',
    reading: 'Reading launch daemons and agents',
  },
  'macos.kaspersky-support': {
    label: 'Kaspersky Application Support folder',
    meaning: "Kaspersky's folders under /Library/Application Support, including the Network Agent's AVState.",
    reading: 'Looking for Kaspersky support files',
  },
  'macos.pkg-receipts': {
    label: 'Installer package receipts (pkgutil)',
    meaning: 'pkgutil --pkgs: the installer package receipts macOS keeps.',
    reading: 'Reading installer package receipts',
  },
  'macos.processes': {
    label: 'Running processes',
    meaning: 'ps -axo pid=,comm=: running programs by path (never arguments or users).',
    reading: 'Reading running processes',
  },
  'macos.mdatp': {
    label: 'Microsoft Defender (mdatp)',
    meaning:
      'mdatp health --output json: version, real-time protection, passive mode, definitions status and date.',
    reading: 'Asking Microsoft Defender for its health',
  },
  'macos.eset': {
    label: 'ESET for macOS (upd, lic, settings)',
    meaning:
      "ESET's upd --list-modules and lic -status in its app bundle, and its settings file's real-time state.",
    reading: 'Asking ESET for its modules',
  },
  'macos.sentinelone': {
    label: 'SentinelOne agent (sentinelctl)',
    meaning: 'sentinelctl version and status: agent version, protection state.',
    reading: 'Asking the SentinelOne agent for its status',
  },
  'macos.cortex': {
    label: 'Cortex XDR (cytool)',
    meaning:
      'cytool info, info query and runtime query: version, content version, whether the protection service runs.',
    reading: 'Asking Cortex XDR for its status',
  },
  'macos.falcon': {
    label: 'CrowdStrike Falcon (falconctl)',
    meaning: 'falconctl stats agent_info: sensor version and whether the sensor is operational.',
    reading: 'Asking the CrowdStrike Falcon sensor for its state',
  },
  'macos.withsecure': {
    label: 'WithSecure Client Security (wsav)',
    meaning: 'wsav --version: product version and database version (its date).',
    reading: 'Asking WithSecure for its databases',
  },

  // Imported from osquery (core/osquery/handover-queries.ts): one source per Handover query, named
  // by what osquery read. Labels say "through osquery" so evidence never passes for a native read.
  'osquery.os-version': {
    label: 'Operating system (through osquery)',
    meaning: "osquery's os_version table: the operating system name, version and build.",
  },
  'osquery.system-info': {
    label: 'Computer identity (through osquery)',
    meaning: "osquery's system_info table: host name, hardware UUID and computer name.",
  },
  'osquery.windows-security-products': {
    label: 'Windows Security Center (through osquery)',
    meaning:
      "osquery's windows_security_products table: each registered product's name, state and whether its signatures are up to date (no productState, no paths; nothing on Windows Server).",
  },
  'osquery.programs': {
    label: 'Installed programs (through osquery programs)',
    meaning:
      "osquery's programs table, narrowed to the catalog's products: name, version, folder, uninstall command.",
  },
  'osquery.uninstall': {
    label: 'Uninstall registry entries (through osquery)',
    meaning:
      "osquery's registry table under the three Uninstall keys, narrowed to the catalog's products: the values removal needs.",
  },
  'osquery.services': {
    label: 'Services and drivers (through osquery)',
    meaning: "osquery's services table (services and kernel drivers), narrowed to the catalog's products.",
  },
  'osquery.processes': {
    label: 'Running programs (through osquery)',
    meaning: "osquery's processes table, narrowed to the catalog's products: name, id and path only.",
  },
  'osquery.kaspersky-registry': {
    label: 'Kaspersky registry settings (through osquery)',
    meaning:
      "osquery's registry table under SOFTWARE\\KasperskyLab: Kaspersky's update times, protection and managed state.",
  },
  'osquery.region': {
    label: 'Windows region settings (through osquery)',
    meaning:
      "osquery's registry table: each loaded user profile's home location (Control Panel\\International\\Geo).",
  },
  'osquery.deb-packages': {
    label: 'Installed packages (through osquery deb_packages)',
    meaning: "osquery's deb_packages table, narrowed to the catalog's packages.",
  },
  'osquery.rpm-packages': {
    label: 'Installed packages (through osquery rpm_packages)',
    meaning: "osquery's rpm_packages table, narrowed to the catalog's packages.",
  },
  'osquery.systemd-units': {
    label: 'Services (through osquery systemd_units)',
    meaning: "osquery's systemd_units table, narrowed to the catalog's units.",
  },
  'osquery.kaspersky-folders': {
    label: 'Kaspersky folders (through osquery)',
    meaning: "osquery's file table: whether Kaspersky's folders exist, and their entries.",
  },
  'osquery.clamav-databases': {
    label: 'ClamAV signature databases (through osquery)',
    meaning:
      "osquery's file table in the ClamAV database folder: each database file and when it was last written (not its build date: osquery reads no file contents).",
  },
  'osquery.apps': {
    label: 'Applications (through osquery apps)',
    meaning: "osquery's apps table, narrowed to the catalog's applications: bundle id and version.",
  },
  'osquery.system-extensions': {
    label: 'System extensions (through osquery)',
    meaning: "osquery's system_extensions table, narrowed to the catalog's extensions: team, version, state.",
  },
  'osquery.launchd': {
    label: 'Launch daemons and agents (through osquery)',
    meaning: "osquery's launchd table, narrowed to the catalog's labels.",
  },
  'osquery.package-receipts': {
    label: 'Installer package receipts (through osquery)',
    meaning: "osquery's package_receipts table, narrowed to the catalog's receipts.",
  },
  'osquery.product-status': {
    label: "Security products' own status (not readable through osquery)",
    meaning:
      "What a native scan asks the products themselves (kesl-control, mdatp health, freshclam's log, Network Agent's files): osquery runs no commands and reads no file contents.",
  },
} as const satisfies Readonly<Record<string, SourceInfo>>;

interface SourceInfo {
  readonly label: string;
  readonly meaning: string;
  readonly reading?: string;
}

export type SourceId = keyof typeof SOURCES;

/** The sources a probe reads on its own, and so the `probe` of the capture records it writes. */
export type ProbeId = {
  [Id in SourceId]: (typeof SOURCES)[Id] extends { readonly reading: string } ? Id : never;
}[SourceId];

export const sourceLabel = (id: SourceId): string => SOURCES[id].label;

/** What the window shows while a probe runs. */
export const probeReading = (id: ProbeId): string => SOURCES[id].reading;

/** A source id read from a file (a capture, a report): known ones only. */
export const isSourceId = (value: string): value is SourceId => Object.hasOwn(SOURCES, value);
