/**
 * Observations: typed facts that parsers extract from a capture. Matching (electron/core/match)
 * turns them into detections with the catalog. Each observation says where it came from, so
 * every detection can show its evidence.
 */
import type { SourceId } from './sources';

/** Where an observation came from: the logical source and the record behind it. */
export interface Evidence {
  /** Where it was read (core/sources.ts says what each source holds). */
  readonly source: SourceId;
  /** The record as read (a JSON object, a line of output, a file path), kept short. */
  readonly record: string;
  /** Decoded values worth showing next to the record (productState bits, converted dates). */
  readonly decoded?: Readonly<Record<string, string>>;
}

/**
 * Which source, and which of its fields, a value was read from: the version from a service's
 * PathName or from DisplayVersion, the signature date from AntivirusSignatureLastUpdated or from
 * AntispywareSignatureLastUpdated. Shown with the finding so a help-desk reader can check it.
 */
export interface ValueOrigin {
  readonly source: SourceId;
  /** The field as the source names it: a property, a registry value, a column, a line label. */
  readonly field: string;
}

export type EngineState = 'on' | 'off' | 'snoozed' | 'expired';

/** A product as Windows Security Center (root/SecurityCenter2) reports it. */
export interface WscProductObservation {
  readonly kind: 'wsc-product';
  readonly category: 'antivirus' | 'antispyware' | 'firewall';
  readonly displayName: string;
  readonly instanceGuid?: string;
  readonly productExe?: string;
  readonly reportingExe?: string;
  /** null when the record has none (a partial record [S35]) or holds a value that is no productState. */
  readonly productState: number | null;
  /** Decoded per the community reading of productState (docs in parse/windows); unknown without one. */
  readonly engine: EngineState | 'unknown';
  readonly signaturesUpToDate: boolean | null;
  readonly ownerWindows: boolean | null;
  /** ISO 8601, when the record carried a timestamp. */
  readonly timestamp?: string;
  readonly evidence: Evidence;
}

export type DefenderRunningMode =
  | 'normal'
  | 'passive'
  | 'sxs-passive'
  | 'edr-block'
  | 'not-running'
  | 'unknown';

/** Microsoft Defender's own status (Get-MpComputerStatus / MSFT_MpComputerStatus). */
export interface DefenderStatusObservation {
  readonly kind: 'defender-status';
  readonly runningMode: DefenderRunningMode | null;
  /** false whenever the engine is not the one protecting (not running, passive, EDR block mode). */
  readonly realtime: boolean | null;
  readonly antivirusEnabled: boolean | null;
  /** DefenderSignaturesOutOfDate, kept only while the engine runs (a stopped engine's False means nothing). */
  readonly signaturesOutOfDate: boolean | null;
  /** null when unknown, a sentinel (65535), or not trusted because the engine is not running. */
  readonly signatureAgeDays: number | null;
  /**
   * ISO 8601: when the signatures were last updated, from the first of AntivirusSignatureLastUpdated,
   * AntispywareSignatureLastUpdated that holds a real date, else the capture time less the
   * *SignatureAge in days (the latest the record allows, so the age is never understated).
   */
  readonly signaturesUpdated: string | null;
  /** The field `signaturesUpdated` rests on, or null when no field held a value. */
  readonly signaturesUpdatedField: string | null;
  readonly signatureVersion: string | null;
  readonly productVersion: string | null;
  readonly evidence: Evidence;
}

/** An entry of Programs and Features (Uninstall keys, Installer UserData), a package, an app bundle. */
export interface InstalledProgramObservation {
  readonly kind: 'installed-program';
  readonly name: string;
  readonly publisher?: string;
  readonly version?: string;
  /** dpkg/rpm: the packaged version as the database holds it ('12.1.0-1297'), when `version` shortens it. */
  readonly packageVersion?: string;
  readonly installLocation?: string;
  /** Windows: the registered uninstall command, verbatim. */
  readonly uninstallString?: string;
  readonly quietUninstallString?: string;
  /** Windows MSI product code, '{GUID}'. */
  readonly productCode?: string;
  /** Where it was registered: 'HKLM64', 'HKLM32', 'HKCU', 'installer', 'dpkg', 'rpm', 'pkgutil', 'app-bundle'. */
  readonly registry: string;
  /** macOS bundle id / package receipt id / Linux package name. */
  readonly identifier?: string;
  readonly evidence: Evidence;
}

export type ServiceState = 'running' | 'stopped' | 'starting' | 'stopping' | 'paused' | 'unknown';

/** A Windows service or kernel driver, a systemd unit, a launchd job. */
export interface ServiceObservation {
  readonly kind: 'service';
  readonly serviceType: 'service' | 'kernel-driver' | 'systemd-unit' | 'launchd-job';
  readonly name?: string;
  readonly displayName?: string;
  readonly state: ServiceState;
  /** 'auto', 'manual', 'disabled', 'boot', 'system', or the raw value. */
  readonly startMode?: string;
  /** Executable path (PathName/ImagePath) or plist path, verbatim. */
  readonly path?: string;
  readonly evidence: Evidence;
}

export interface ProcessObservation {
  readonly kind: 'process';
  readonly name: string;
  readonly path?: string;
  readonly pid?: number;
  readonly evidence: Evidence;
}

/** A file or folder known to exist (a driver file, /opt/kaspersky/kesl, Application Support folder). */
export interface PathObservation {
  readonly kind: 'path';
  readonly path: string;
  readonly isDirectory: boolean;
  readonly evidence: Evidence;
}

/** A macOS system extension (systemextensionsctl, or a sysext Info.plist). */
export interface SystemExtensionObservation {
  readonly kind: 'system-extension';
  readonly bundleId: string;
  readonly teamId?: string;
  readonly version?: string;
  readonly state?: string;
  readonly evidence: Evidence;
}

/**
 * A product's own report of its protection: kesl-control, kav4fs-control, Kaspersky's registry
 * (Data/UpdateState, protected\*\Data, Network Agent AVState), ClamAV database headers, freshclam.
 * `product` is the product's own name when the source prints it; `hint` names the catalog
 * product or vendor the source belongs to, so matching can attach it.
 */
export interface ProductStatusObservation {
  readonly kind: 'product-status';
  /** Catalog product id or vendor id the source belongs to (e.g. 'kaspersky', 'clamav'). */
  readonly hint: string;
  readonly product?: string;
  /** The version as the product itself reports it. */
  readonly version?: string;
  /** The field `version` was read from ('Version', 'AMProductVersion'); 'version' when unsaid. */
  readonly versionField?: string;
  /**
   * A version read from a name, not reported as one: Kaspersky's registry key 'AVP21.3' is the
   * 21.3 line [S66]. Weaker than a reported version or an Uninstall DisplayVersion.
   */
  readonly versionInName?: { readonly version: string; readonly field: string };
  readonly realtime?: boolean | null;
  /** ISO 8601 database release/update date. Timezone assumptions are stated in evidence.decoded. */
  readonly signaturesDate?: string | null;
  /** The field `signaturesDate` was read from ('Protection_BasesDate', 'LastUpdate', …). */
  readonly signaturesDateField?: string;
  /** The product's own verdict on its databases, when it prints one. */
  readonly signaturesUpToDate?: boolean | null;
  /** Database version as the product prints it ("daily 25784", a record count is not a version). */
  readonly signaturesVersion?: string;
  /** Self-protection / password protection, from Kaspersky's settings. */
  readonly selfProtection?: boolean;
  readonly passwordProtected?: boolean;
  /** Centrally managed (Network Agent connected to an administration server). */
  readonly managedBy?: string;
  readonly evidence: Evidence;
}

/** Markers that Windows is waiting for a restart (CBS, Windows Update, PendingFileRenameOperations). */
export interface PendingRestartObservation {
  readonly kind: 'pending-restart';
  readonly reasons: readonly string[];
  readonly evidence: Evidence;
}

export type Observation =
  | WscProductObservation
  | DefenderStatusObservation
  | InstalledProgramObservation
  | ServiceObservation
  | ProcessObservation
  | PathObservation
  | SystemExtensionObservation
  | ProductStatusObservation
  | PendingRestartObservation;

/** How one logical source went: read, unreadable (with the reason), or absent on this machine. */
export interface SourceReport {
  readonly id: SourceId;
  readonly label: string;
  readonly status: 'read' | 'unreadable' | 'not-present';
  /** Plain words: "could not read X because Y". */
  readonly reason?: string;
  /**
   * False when the capture holds no record of this source at all (a capture made by hand from a
   * partial record, such as a case folder): its absence then says nothing about the computer, so
   * the verdict says "not recorded in this scan", never "not on this computer".
   */
  readonly recorded?: false;
  readonly records: number;
  readonly durationMs?: number;
}

/** OS facts the verdict and the screen need. */
export interface MachineFacts {
  readonly platform: 'windows' | 'macos' | 'linux';
  readonly osName?: string;
  readonly osVersion?: string;
  /** Windows Server has no Security Center. */
  readonly isServer?: boolean;
  /** 'x64', 'x86' or 'arm64' (machine-architecture.ts), when the OS or the capture says. */
  readonly architecture?: 'x64' | 'x86' | 'arm64';
  /** ISO 8601: when the system last started, where the OS says. */
  readonly bootedAt?: string;
  readonly hostname?: string;
  /**
   * The id Handover shows for this machine (core/machine/machine-id.ts: a hash of the id the OS
   * keeps), when the capture recorded it.
   */
  readonly machineId?: string;
  /**
   * 'osquery' when the facts are osquery's answers imported from an estate (handover import), not
   * Handover's own probes: what completes the inventory, and what cannot be told, differ.
   */
  readonly readThrough?: 'osquery';
  /** Raw region inputs from the OS, resolved by electron/core/region. */
  readonly regionInputs: RegionInputs;
}

export interface RegionInputs {
  /** Windows home location as ISO 3166 alpha-2 (HKCU\Control Panel\International\Geo Name), if known. */
  readonly windowsHomeLocation?: string;
  /** Windows home location GeoID (Geo Nation), when Name is absent. */
  readonly windowsGeoId?: number;
  /** A locale tag such as 'en-US', 'ru_RU.UTF-8'. */
  readonly locale?: string;
  /** IANA zone ('America/New_York') or Windows zone id ('Eastern Standard Time'). */
  readonly timeZone?: string;
}

/** What a platform's observer makes of a capture: the facts, and how each source went. */
export interface ObservedMachine {
  readonly machine: MachineFacts;
  readonly observations: readonly Observation[];
  readonly sources: readonly SourceReport[];
}
