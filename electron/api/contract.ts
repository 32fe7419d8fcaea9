/**
 * The one API Handover offers, shared as types with the renderer. It is implemented once
 * (createHandlers in ./handlers.ts) and served by three hosts: Electron IPC (electron/main),
 * the CLI (electron/cli) and the e2e harness (e2e/fixtures.ts). The renderer cannot tell which.
 *
 * Everything here is plain JSON data: it crosses IPC and is printed by `handover scan --json`.
 */
import type { AlternativeChoice } from '../core/catalog/load-alternatives';
import type {
  FleetBannedProduct,
  FleetDuplicate,
  FleetRow,
  FleetSkippedFile,
  FleetSummary,
  FleetTotals,
} from '../core/fleet/fleet-summary';
import type { Evidence, SourceReport } from '../core/observations';
import type { MigrationPlan } from '../core/plan/build-plan';
import type { JourneyChange } from '../core/plan/journey';
import type { PlanProgress, StepId } from '../core/plan/migration-steps';
import type { PreflightReport } from '../core/plan/preflight';
import type { ChoiceList, RankedChoice } from '../core/plan/rank-choices';
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
import type { Settings, Theme } from '../core/settings';

export type {
  ActionCode,
  AlternativeChoice,
  BanStatus,
  ChoiceList,
  Detection,
  DetectionStatus,
  Evidence,
  FleetBannedProduct,
  FleetDuplicate,
  FleetRow,
  FleetSkippedFile,
  FleetSummary,
  FleetTotals,
  JourneyChange,
  MigrationPlan,
  PlanProgress,
  PreflightReport,
  RankedChoice,
  Reason,
  ReasonCode,
  RegionInfo,
  RegionSource,
  ScanResult,
  Settings,
  SourceReport,
  StepId,
  TechnicianNote,
  Theme,
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
  /**
   * The steps the person can go to now (done ones, and the one they went back from), in order:
   * the progress rail links these, and Back goes to the last one before the current step.
   */
  readonly reachable: readonly StepId[];
  /**
   * The last pre-flight for the chosen alternative (battery, disk, system, restart, network), or
   * null before it ran: shown on the first step that changes the machine.
   */
  readonly preflight: PreflightReport | null;
  /** The alternatives for this computer's system and audience, in the catalog's evidence order. */
  readonly alternatives: readonly AlternativeChoice[];
  /** The Choose step's list: the best fit, a few others, the rest folded (core/plan/rank-choices.ts). */
  readonly choices: ChoiceList | null;
  /** Something the person must know: a progress file that could not be read was set aside. */
  readonly notice: string | null;
  /** For the technician view: what to say at each step and what the person should see. */
  readonly technicianNotes: Readonly<Record<StepId, TechnicianNote>> | null;
}

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

/** What a confirmed action did, when it ran to the end (a failure is a failed Outcome with its reason). */
export interface ActionResult {
  /** Plain words for the person. */
  readonly message: string;
  readonly restartNeeded: boolean;
  /** Scan again to see what changed. */
  readonly rescan: boolean;
}

export type PasswordExportFormat = 'bitwarden' | '1password' | 'chrome' | 'firefox';

/** A Password Manager export turned into the new manager's format (cancelling a file choice is Outcome 'cancelled'). */
export interface PasswordConversion {
  /** Where the converted file was written (the person chose the folder). */
  readonly writtenTo: string;
  readonly written: number;
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  readonly partial: readonly { readonly name: string; readonly reason: string }[];
}

/**
 * How every call to the api ends, on every host: done with its answer; cancelled, when the person
 * closed a dialog and nothing happened; or failed, with the reason in plain words (made by one
 * function, personMessage in electron/core/util/person-message.ts). A call never throws across a
 * host: the handler table, the preload and the e2e bridge each turn anything thrown into 'failed'.
 */
export type Outcome<T> =
  | { readonly kind: 'done'; readonly value: T }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

/** The converted password file Handover deleted, at the person's request. */
export interface DeletedFile {
  readonly path: string;
  /** It was gone already (the person deleted it, or their password manager moved it). */
  readonly alreadyGone: boolean;
}

/** A file written where the person chose it (a save dialog). */
export interface SavedFile {
  readonly path: string;
}

export interface Api {
  appInfo(): Promise<Outcome<AppInfo>>;
  /** Scan and wait for the result (the CLI's way). */
  scan(options?: ScanOptions): Promise<Outcome<ScanResult>>;
  /** Start a scan and return at once; poll getScanProgress (the window's way: progress per source). */
  startScan(options?: ScanOptions): Promise<Outcome<{ readonly scanId: string }>>;
  getScanProgress(scanId: string): Promise<Outcome<ScanProgress>>;
  /** The migration plan for the latest scan and the saved progress. */
  getJourney(): Promise<Outcome<JourneyView>>;
  changeJourney(change: JourneyChange): Promise<Outcome<JourneyView>>;
  /** Checks what would make the move fail half way, for the chosen alternative (issue 12 §3). */
  checkPreflight(): Promise<Outcome<JourneyView>>;
  /** What removing a detected product would run; nothing runs until confirmAction. */
  previewRemoval(detectionId: string): Promise<Outcome<ActionPreview>>;
  /** Registering Handover to open once after the restart (Windows). */
  previewRestartResume(): Promise<Outcome<ActionPreview>>;
  /** Updating Microsoft Defender's signatures now (the Install step, when Defender was chosen). */
  previewSignatureUpdate(): Promise<Outcome<ActionPreview>>;
  /** Runs a previewed action. Only the token crosses: what runs is what was shown. */
  confirmAction(token: string): Promise<Outcome<ActionResult>>;
  /** Opens the chosen alternative's official download page (https, vendor domains only). */
  openDownloadPage(alternativeId: string): Promise<Outcome<null>>;
  /** Asks for the Password Manager text export and a folder, converts, writes. */
  convertPasswordExport(format: PasswordExportFormat): Promise<Outcome<PasswordConversion>>;
  /**
   * Deletes the converted file convertPasswordExport wrote at this path (its writtenTo), once the
   * person has imported it: only a file this app wrote in this session, unchanged since, and once.
   */
  deleteConvertedFile(path: string): Promise<Outcome<DeletedFile>>;

  // What help-desk staff use: the technician view, reports, support codes, diagnostics.
  getSettings(): Promise<Outcome<Settings>>;
  changeSettings(change: Partial<Settings>): Promise<Outcome<Settings>>;
  /** The support code for the latest scan and the current migration step; null before a scan. */
  getSupportCode(): Promise<Outcome<string | null>>;
  /** The facts a support code carries, or (failed) why it cannot be read. */
  decodeSupportCode(code: string): Promise<Outcome<SupportCodeReading>>;
  /** Asks where, then writes the report of the latest scan in that format. */
  saveReport(format: ReportFormat): Promise<Outcome<SavedFile>>;
  /** The migration plan as the window prints it (its print stylesheet), saved as a PDF where the person chooses. */
  savePlan(): Promise<Outcome<SavedFile>>;
  /** Puts a short plain-text summary on the clipboard; the text is there to copy by hand if that failed. */
  copySummary(): Promise<Outcome<{ readonly copied: boolean; readonly text: string }>>;
  /** Asks where, then writes one file with the capture, the report and the app's log. */
  saveDiagnostics(options: { readonly hidePersonalDetails: boolean }): Promise<Outcome<SavedFile>>;
  /**
   * Asks for a diagnostics file and, if it is one, shows that machine (read-only) until
   * closeDiagnostics: scans then replay its capture, as the sender saw it. This computer's latest
   * scan and journey are kept apart and are what the handlers answer for again once it is closed.
   */
  openDiagnostics(): Promise<Outcome<ViewingDiagnostics>>;
  closeDiagnostics(): Promise<Outcome<null>>;
  /** The diagnostics file being viewed, or null when the window shows this computer. */
  getViewing(): Promise<Outcome<ViewingDiagnostics | null>>;

  // Small offices (issue 13 §3): a folder many machines write into, in one view.
  /** Asks for a folder, then reads and judges every file in it (docs/fleet.md): one row per machine. */
  openFleetFolder(): Promise<Outcome<FleetSummary>>;
  /**
   * Shows one machine of the open folder (a file its summary lists), read-only like an opened
   * diagnostics file, judged today; closeDiagnostics returns to this computer.
   */
  viewFleetMachine(file: string): Promise<Outcome<ViewingDiagnostics>>;
  /** Asks where, then writes the open folder's rows as CSV (safe for spreadsheets). */
  exportFleetCsv(): Promise<Outcome<SavedFile>>;
}

/** One line of a decoded support code, for the technician: "Real-time protection: on". */
export interface SupportCodeLine {
  readonly label: string;
  readonly value: string;
}

/** A support code read out over the phone, decoded. */
export interface SupportCodeReading {
  /** The code as normalised ("HND-7KQ2-M9XD"). */
  readonly code: string;
  readonly lines: readonly SupportCodeLine[];
}

export type ReportFormat = 'json' | 'html' | 'pdf';

/** Someone else's machine, opened from the diagnostics file they sent: shown read-only. */
export interface ViewingDiagnostics {
  /** Whose machine, as the file names it (a token when personal details were hidden). */
  readonly sender: string;
  readonly platform: 'windows' | 'macos' | 'linux';
  /** When their scan ran, and when the file was made. */
  readonly capturedAt: string;
  readonly createdAt: string;
  /**
   * How many whole days ago each was, counted with the handlers' clock when the file was opened
   * or asked for (the same clock the scans use), so the window shows the age beside the date
   * without a clock of its own; null when the stamp is not a date.
   */
  readonly capturedDaysAgo: number | null;
  readonly createdDaysAgo: number | null;
  readonly personalDetailsHidden: boolean;
  /** The migration step they were on, in words, if they had started one. */
  readonly step: string | null;
  /** The support code their report carried, if any. */
  readonly supportCode: string | null;
  /** Set when the machine was opened from a fleet folder (the folder), not from a diagnostics file. */
  readonly fleetFolder?: string;
}

export type ApiMethod = keyof Api;

/** What a method answers when it is done. */
export type AnswerOf<M extends ApiMethod> = Awaited<ReturnType<Api[M]>> extends Outcome<infer T> ? T : never;
