/**
 * The one API Handover offers, shared as types with the renderer. It is implemented once
 * (createHandlers in ./handlers.ts) and served by three hosts: Electron IPC (electron/main),
 * the CLI (electron/cli) and the e2e harness (e2e/fixtures.ts). The renderer cannot tell which.
 *
 * Everything here is plain JSON data: it crosses IPC and is printed by `handover scan --json`.
 */
import type { AlternativeChoice } from '../core/catalog/load-alternatives';
import type { Evidence, SourceReport } from '../core/observations';
import type { MigrationPlan } from '../core/plan/build-plan';
import type { PlanProgress, StepId } from '../core/plan/migration-steps';
import type { TechnicianNote } from '../core/plan/technician-notes';
import type {
  ActionCode,
  BanStatus,
  Detection,
  DetectionStatus,
  Reason,
  ReasonCode,
  RegionInfo,
  RegionSource,
  ScanResult,
  UninstallEntry,
  Verdict,
  VerdictAction,
  VerdictLevel,
} from '../core/scan-result';
import type { Settings } from '../core/settings';

export type {
  ActionCode,
  AlternativeChoice,
  BanStatus,
  Detection,
  DetectionStatus,
  Evidence,
  MigrationPlan,
  PlanProgress,
  Reason,
  ReasonCode,
  RegionInfo,
  RegionSource,
  ScanResult,
  Settings,
  SourceReport,
  StepId,
  TechnicianNote,
  UninstallEntry,
  Verdict,
  VerdictAction,
  VerdictLevel,
};

export interface ScanOptions {
  /** ISO 3166 alpha-2 region override. */
  readonly region?: string;
}

export type ScanPhase = 'running' | 'done' | 'failed';

export interface ProbeProgress {
  readonly probe: string;
  readonly label: string;
  readonly state: 'pending' | 'running' | 'done' | 'failed';
}

export interface ScanProgress {
  readonly scanId: string;
  readonly phase: ScanPhase;
  readonly probes: readonly ProbeProgress[];
  readonly result: ScanResult | null;
  /** When phase is 'failed': why, in plain words. */
  readonly error: string | null;
}

export interface AppInfo {
  readonly version: string;
  readonly platform: 'windows' | 'macos' | 'linux';
  readonly host: 'electron' | 'cli' | 'harness';
}

/** The guided migration as the window sees it: rebuilt after every scan and every change. */
export interface JourneyView {
  /** Null until a scan has finished. */
  readonly plan: MigrationPlan | null;
  /** The saved progress, or null when no journey has started. */
  readonly progress: PlanProgress | null;
  /** The alternatives for this computer's system and audience, in the catalog's evidence order. */
  readonly alternatives: readonly AlternativeChoice[];
  /** Something the person must know: a progress file that could not be read was set aside. */
  readonly notice: string | null;
  /** For the technician view: what to say at each step and what the person should see. */
  readonly technicianNotes: Readonly<Record<StepId, TechnicianNote>> | null;
}

/** What the person did in the journey. */
export type JourneyChange =
  | { readonly kind: 'start' }
  | { readonly kind: 'move'; readonly stepId: StepId }
  | { readonly kind: 'tick'; readonly itemId: string; readonly ticked: boolean }
  | { readonly kind: 'choose'; readonly alternativeId: string }
  | { readonly kind: 'removed-another-way'; readonly detectionId: string }
  | { readonly kind: 'start-over' };

/** Exactly what an action will do, shown before the person confirms it. */
export interface ActionPreview {
  /** Present when it can run: confirm with it (single use, short-lived). */
  readonly token: string | null;
  readonly title: string;
  /** The command exactly as it will run, for the person to see. */
  readonly command: string | null;
  readonly notes: readonly string[];
  /** When it cannot run: why, and what to do instead. */
  readonly cannotRun: string | null;
}

export interface ActionOutcome {
  readonly ok: boolean;
  /** Plain words for the person. */
  readonly message: string;
  readonly restartNeeded: boolean;
  /** Scan again to see what changed. */
  readonly rescan: boolean;
}

export type PasswordExportFormat = 'bitwarden' | '1password' | 'chrome' | 'firefox';

export interface PasswordConversion {
  /** False when the person cancelled a file choice. */
  readonly done: boolean;
  readonly error: string | null;
  /** Where the converted file was written (the person chose the folder). */
  readonly writtenTo: string | null;
  readonly written: number;
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  readonly partial: readonly { readonly name: string; readonly reason: string }[];
}

export interface Api {
  appInfo(): Promise<AppInfo>;
  /** Scan and wait for the result (the CLI's way). */
  scan(options?: ScanOptions): Promise<ScanResult>;
  /** Start a scan and return at once; poll getScanProgress (the window's way: progress per source). */
  startScan(options?: ScanOptions): Promise<{ readonly scanId: string }>;
  getScanProgress(scanId: string): Promise<ScanProgress>;
  /** The migration plan for the latest scan and the saved progress. */
  getJourney(): Promise<JourneyView>;
  changeJourney(change: JourneyChange): Promise<JourneyView>;
  /** What removing a detected product would run; nothing runs until confirmAction. */
  previewRemoval(detectionId: string): Promise<ActionPreview>;
  /** Registering Handover to open once after the restart (Windows). */
  previewRestartResume(): Promise<ActionPreview>;
  /** Updating Microsoft Defender's signatures now (the Install step, when Defender was chosen). */
  previewSignatureUpdate(): Promise<ActionPreview>;
  /** Runs a previewed action. Only the token crosses: what runs is what was shown. */
  confirmAction(token: string): Promise<ActionOutcome>;
  /** Opens the chosen alternative's official download page (https, vendor domains only). */
  openDownloadPage(
    alternativeId: string,
  ): Promise<{ readonly opened: boolean; readonly reason: string | null }>;
  /** Asks for the Password Manager text export and a folder, converts, writes. */
  convertPasswordExport(format: PasswordExportFormat): Promise<PasswordConversion>;

  // What help-desk staff use: the technician view, reports, support codes, diagnostics.
  getSettings(): Promise<Settings>;
  changeSettings(change: Partial<Settings>): Promise<Settings>;
  /** The support code for the latest scan and the current migration step; null before a scan. */
  getSupportCode(): Promise<string | null>;
  decodeSupportCode(code: string): Promise<SupportCodeReading>;
  /** Asks where, then writes the report of the latest scan in that format. */
  saveReport(format: ReportFormat): Promise<SavedFile>;
  /** Puts a short plain-text summary on the clipboard; returns the text that was copied. */
  copySummary(): Promise<{ readonly copied: boolean; readonly text: string }>;
  /** Asks where, then writes one file with the capture, the report and the app's log. */
  saveDiagnostics(options: { readonly hidePersonalDetails: boolean }): Promise<SavedFile>;
  /**
   * Asks for a diagnostics file and, if it is one, shows that machine (read-only) until
   * closeDiagnostics: scans then replay its capture, as the sender saw it.
   */
  openDiagnostics(): Promise<{ readonly opened: boolean; readonly error: string | null }>;
  closeDiagnostics(): Promise<void>;
  /** The diagnostics file being viewed, or null when the window shows this computer. */
  getViewing(): Promise<ViewingDiagnostics | null>;
}

/** One line of a decoded support code, for the technician: "Real-time protection: on". */
export interface SupportCodeLine {
  readonly label: string;
  readonly value: string;
}

/** A support code read out over the phone, decoded: the facts, or why it cannot be read. */
export interface SupportCodeReading {
  /** The code as normalised ("HND-7KQ2-M9XD"), when it could be read. */
  readonly code: string | null;
  readonly lines: readonly SupportCodeLine[];
  readonly error: string | null;
}

export type ReportFormat = 'json' | 'html' | 'pdf';

/** A file written where the person chose (a save dialog), or why not. */
export interface SavedFile {
  /** False when the person cancelled the dialog, or when it failed (see error). */
  readonly saved: boolean;
  readonly path: string | null;
  readonly error: string | null;
}

/** Someone else's machine, opened from the diagnostics file they sent: shown read-only. */
export interface ViewingDiagnostics {
  /** Whose machine, as the file names it (a token when personal details were hidden). */
  readonly sender: string;
  readonly platform: 'windows' | 'macos' | 'linux';
  /** When their scan ran, and when the file was made. */
  readonly capturedAt: string;
  readonly createdAt: string;
  readonly personalDetailsHidden: boolean;
  /** The migration step they were on, in words, if they had started one. */
  readonly step: string | null;
  /** The support code their report carried, if any. */
  readonly supportCode: string | null;
}

export type ApiMethod = keyof Api;
