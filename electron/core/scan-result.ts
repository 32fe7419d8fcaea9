/**
 * What one scan found, as plain JSON data: the detections with their evidence, the verdict and
 * its reasons, the region the rules came from. The core makes it (core/analyse.ts) and everything
 * above reads it: the API hands it to the window, `handover scan --json` prints it
 * (docs/scan-result.md), reports and support codes are made from it. It lives in the core
 * because the core is the ground floor: nothing here may look up at the API.
 */
import type { Evidence, SourceReport, ValueOrigin } from './observations';

export type { ValueOrigin } from './observations';

export type VerdictLevel = 'protected' | 'at-risk' | 'unprotected' | 'cannot-tell';

/** Stable reason codes: scripts and support codes rely on them; never rename one. */
export type ReasonCode =
  | 'protected-by'
  | 'banned-product-updates-stopped'
  | 'banned-product-updates-stop-soon'
  | 'banned-product-installed'
  | 'ban-advisory'
  | 'no-active-antivirus'
  | 'realtime-off'
  | 'signatures-out-of-date'
  | 'signatures-missing'
  | 'realtime-unknown'
  | 'leftover-present'
  | 'source-unreadable'
  | 'inventory-incomplete'
  /** A built-in antivirus (Microsoft Defender) is off because another, current antivirus protects. */
  | 'stepped-aside';

export interface Reason {
  readonly code: ReasonCode;
  /** 'action': something to do; 'info': worth knowing. */
  readonly severity: 'action' | 'info';
  /** One plain sentence. */
  readonly text: string;
  /** Detection ids this reason is about. */
  readonly detectionIds: readonly string[];
}

/**
 * Stable action codes: what the person can do, as scripts may read it (docs/scan-result.md);
 * never rename one.
 */
export type ActionCode =
  | 'choose-region'
  | 'replace-banned-antivirus'
  | 'turn-on-realtime'
  | 'update-signatures'
  | 'install-antivirus'
  | 'replace-banned-vpn'
  | 'replace-banned-password-manager'
  | 'remove-banned-product'
  | 'check-antivirus';

/** One thing the person can do, in the order the verdict lists them (most urgent first). */
export interface VerdictAction {
  readonly code: ActionCode;
  /** One plain sentence, an instruction ("Turn on ..."), never a restated problem. */
  readonly text: string;
  readonly detectionIds: readonly string[];
}

export type DetectionStatus = 'installed' | 'running' | 'leftover';

export interface BanStatus {
  readonly banId: string;
  readonly jurisdiction: string;
  readonly summary: string;
  readonly binding: boolean;
  /** Who it concerns: 'consumers', 'businesses', 'federal-agencies', 'government', ... */
  readonly scope: readonly string[];
  /** ISO instant when updates stop (or stopped), if the ban has that milestone. */
  readonly updatesEndAt: string | null;
  readonly updatesEndDisplay: string | null;
  /** Whole days from the cutoff to now: negative before it. */
  readonly daysSinceUpdatesEnded: number | null;
  readonly updatesEnded: boolean;
}

export interface Detection {
  /** Catalog product id, or 'wsc:<displayName>' for a product the catalog does not know. */
  readonly id: string;
  readonly productId: string | null;
  readonly name: string;
  readonly vendor: string;
  readonly vendorId: string | null;
  readonly kind: string;
  readonly builtIn: boolean;
  readonly business: boolean;
  readonly version: string | null;
  /**
   * Where the version was read: the product's own report (Defender's AMProductVersion,
   * kesl-control's Version), a Programs and Features DisplayVersion, or, where nothing better
   * says it, a name that carries it (a folder "Kaspersky Total Security 21.2", a service
   * "AVP21.3", a display name "F-Secure Client Security 12.00"). null when there is no version.
   */
  readonly versionFrom: ValueOrigin | null;
  readonly status: DetectionStatus;
  /** Real-time protection: null when no source tells. */
  readonly realtime: boolean | null;
  readonly signatures: {
    /** ISO instant of the database release/update, when a source shows it. */
    readonly date: string | null;
    /** The field the date rests on ('AntivirusSignatureLastUpdated', 'Protection_BasesDate', …). */
    readonly dateFrom: ValueOrigin | null;
    /** Database version as the product prints it ("daily 25784"). */
    readonly version: string | null;
    /** Whole days between that date and now. */
    readonly ageDays: number | null;
    /** Judged by Handover: false for a banned product past its cutoff, whatever its own flag says. */
    readonly upToDate: boolean | null;
    /** What the product itself reports, before the ban is applied. */
    readonly reportedUpToDate: boolean | null;
  };
  /** A ban in force for this region that covers this product, if any. */
  readonly ban: BanStatus | null;
  /** Non-binding warnings for this region (e.g. Germany's BSI). */
  readonly advisories: readonly BanStatus[];
  /** Is this product protecting the machine now: real-time on and signatures current. */
  readonly protecting: boolean | null;
  readonly passwordProtected: boolean | null;
  readonly managedBy: string | null;
  /** Where it is registered for removal (Programs and Features entries, packages), verbatim. */
  readonly uninstallEntries: readonly UninstallEntry[];
  readonly evidence: readonly Evidence[];
}

/** A registration the product can be removed through: its own uninstaller, or a package. */
export interface UninstallEntry {
  readonly name: string;
  /** 'HKLM64', 'HKLM32', 'HKCU', 'installer', 'dpkg', 'rpm', 'pkgutil', 'app-bundle'. */
  readonly registry: string;
  readonly identifier: string | null;
  readonly uninstallString: string | null;
  readonly quietUninstallString: string | null;
  readonly productCode: string | null;
  /** Windows: InstallLocation as registered (the product's folder), verbatim; null when not registered. */
  readonly installLocation: string | null;
}

export type RegionSource = 'override' | 'windows-home-location' | 'locale' | 'time-zone' | 'unknown';

export interface RegionInfo {
  /** ISO 3166 alpha-2, or null when unknown. */
  readonly code: string | null;
  readonly name: string | null;
  readonly source: RegionSource;
  /** Plain words: "from Windows' home location". */
  readonly explanation: string;
}

export interface Verdict {
  readonly level: VerdictLevel;
  /** The one sentence a home user reads first. */
  readonly headline: string;
  /** Why: the facts behind the level, actions first. */
  readonly reasons: readonly Reason[];
  /** What needs doing, in order: what decides the verdict first, then what restores protection. */
  readonly actions: readonly VerdictAction[];
  /** The cutoff that matters most on this machine, if any banned product is present. */
  readonly deadline: {
    readonly banId: string;
    readonly at: string;
    readonly display: string;
    readonly daysSince: number;
  } | null;
}

export interface ScanResult {
  /** Version of this shape: see docs/scan-result.md. */
  readonly schemaVersion: 1;
  readonly scannedAt: string;
  readonly capturedAt: string;
  readonly replayed: boolean;
  readonly machine: {
    readonly platform: 'windows' | 'macos' | 'linux';
    readonly osName: string | null;
    readonly osVersion: string | null;
    readonly isServer: boolean | null;
    /**
     * The processor architecture Windows reports (Win32_OperatingSystem.OSArchitecture), else the
     * probing process's (os.arch()); absent in results made before it was recorded.
     */
    readonly architecture?: 'x64' | 'x86' | 'arm64' | null;
    readonly hostname: string | null;
    /**
     * The id Handover shows for this machine: a hash of the id the OS keeps for it (Windows
     * MachineGuid, Linux /etc/machine-id, macOS IOPlatformUUID; core/machine/machine-id.ts), so
     * two machines with one host name stay apart. null when the capture did not record it.
     */
    readonly machineId: string | null;
    /** Why Windows is waiting for a restart (Component Based Servicing, Windows Update, pending
     * file renames), or [] when it is not; null when that could not be read. */
    readonly pendingRestart: readonly string[] | null;
    /** When the system last started (Windows), to tell whether a requested restart happened. */
    readonly bootedAt: string | null;
  };
  readonly region: RegionInfo;
  readonly verdict: Verdict;
  readonly detections: readonly Detection[];
  readonly sources: readonly SourceReport[];
  readonly timings: { readonly captureMs: number; readonly analyseMs: number };
}
