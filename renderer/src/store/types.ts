import type {
  ActionPreview,
  ActionResult,
  Api,
  AppInfo,
  FleetSummary,
  JourneyChange,
  JourneyView,
  PasswordConversion,
  PasswordExportFormat,
  ProbeProgress,
  ReportFormat,
  ScanResult,
  StepId,
  SupportCodeReading,
  Theme,
  ViewingDiagnostics,
} from '../../../electron/api/contract';

export type ScanStatus = 'idle' | 'scanning' | 'done' | 'failed';

export interface ScanState {
  readonly status: ScanStatus;
  readonly scanId: string | null;
  readonly probes: readonly ProbeProgress[];
  readonly result: ScanResult | null;
  /** Plain words when status is 'failed'. */
  readonly error: string | null;
  /** Counts finished scans, so the view can move focus once per result. */
  readonly completedScans: number;
}

export interface ScanSlice {
  readonly scan: ScanState;
  /** The country the person chose for the rules (ISO code), or null: the one the OS says. */
  readonly regionChoice: string | null;
  /** Choose the country whose rules apply (null: back to the OS's), then scan again. */
  chooseRegion(code: string | null): Promise<void>;
  /** Start a scan (or start over: a running poll is abandoned) and follow it to the end. */
  startScan(): Promise<void>;
  /** startScan, unless a scan has already been started (the screen calls this when it opens). */
  startFirstScan(): Promise<void>;
}

export interface AppInfoSlice {
  readonly appInfo: AppInfo | null;
  loadAppInfo(): Promise<void>;
}

/** Which action a confirmation dialog is about. */
export type PendingActionKind = 'removal' | 'restart-resume' | 'signature-update';

export interface JourneyState {
  /** 'idle' until the first load; 'failed' when getJourney itself failed (error says why). */
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly view: JourneyView | null;
  /** True once the person pressed Start or Resume in this window: the journey screen shows. */
  readonly open: boolean;
  /** A call is under way: buttons are disabled so nothing is sent twice. */
  readonly busy: boolean;
  /** The last Api error, in plain words; cleared by the next successful call. */
  readonly error: string | null;
  /** A previewed action waiting for Confirm or Cancel. */
  readonly pending: {
    readonly kind: PendingActionKind;
    readonly subject: string | null;
    readonly preview: ActionPreview;
  } | null;
  /** What a preview that cannot run said, per product (detection id), 'restart' or 'signatures'. */
  readonly cannotRun: Readonly<Record<string, string>>;
  /**
   * What the last confirmed action did (or why it did not work), on the step it was taken on:
   * shown there until the next attempt, and dropped once the plan moves to another step, so no
   * step shows what belongs to another one's attempt (issue 12 §1: the 1603 box at Verify).
   */
  readonly outcome: ActionOutcomeShown | null;
  /** The last password export conversion: what was written, or why not. */
  readonly conversion: ConversionShown | null;
  /** Why the download page did not open; null when it opened or nothing was asked. */
  readonly download: { readonly opened: boolean; readonly reason: string | null } | null;
  /** Names of products seen by scans in this window, so Done can name what was removed. */
  readonly names: Readonly<Record<string, string>>;
}

/** A confirmed action's end as the step shows it: what it did, or why it did not work. */
export type ActionOutcomeShown = { readonly stepId: StepId } & (
  | (ActionResult & { readonly ok: true; readonly kind: PendingActionKind })
  | { readonly ok: false; readonly message: string; readonly kind: PendingActionKind }
);

/** A conversion as Keep your data shows it: what was written, or (done false) why nothing was. */
export type ConversionShown =
  | ({
      readonly done: true;
      readonly error: null;
      readonly deletion: DeletionShown | null;
    } & PasswordConversion)
  | { readonly done: false; readonly error: string | null };

/** Deleting the converted file after import: deleted (or gone already), or why it was not. */
export type DeletionShown =
  | { readonly deleted: true; readonly alreadyGone: boolean; readonly error: null }
  | { readonly deleted: false; readonly error: string };

export interface JourneySlice {
  readonly journey: JourneyState;
  /** Reads the plan for the latest scan and the saved progress. */
  loadJourney(): Promise<void>;
  /** Start (or Resume a saved journey): the journey screen opens. */
  startJourney(): Promise<void>;
  resumeJourney(): void;
  /** Clears the saved journey and starts again from the beginning. */
  startOver(): Promise<void>;
  /** Back to the scan result, keeping the journey saved. */
  closeJourney(): void;
  changeJourney(change: JourneyChange): Promise<void>;
  /** Runs the check before the first change (battery, disk, system, restart, network). */
  checkPreflight(): Promise<void>;
  previewRemoval(detectionId: string): Promise<void>;
  previewRestartResume(): Promise<void>;
  /** Install step with Defender chosen: update its signatures now (previewed, then confirmed). */
  previewSignatureUpdate(): Promise<void>;
  /** Runs the pending action, then scans again when the outcome asks for it. */
  confirmPending(): Promise<void>;
  cancelPending(): void;
  openDownloadPage(alternativeId: string): Promise<void>;
  convertPasswordExport(format: PasswordExportFormat): Promise<void>;
  /** Deletes the file the last conversion wrote (through the main process, once). */
  deleteConvertedFile(): Promise<void>;
  /** Scan again, then read the journey for the new result. */
  rescan(): Promise<void>;
}

export interface SettingsState {
  /** Adds the evidence, the reasoning, timings and what to say to the person, everywhere. */
  readonly technicianView: boolean;
  /** Light, dark, or as the system says. */
  readonly theme: Theme;
  /** Why the last change could not be saved, in plain words; cleared by the next change. */
  readonly error: string | null;
}

export interface SettingsSlice {
  readonly settings: SettingsState;
  /** Reads the saved settings (at start); the defaults stay when they cannot be read. */
  loadSettings(): Promise<void>;
  /** Turns the technician view on or off, and saves it for the next run. */
  setTechnicianView(on: boolean): Promise<void>;
  /** Chooses light, dark or the system's look, and saves it for the next run. */
  setTheme(theme: Theme): Promise<void>;
}

/** What a help-desk action ended with, shown in the help section's live region. */
export type HelpDeskOutcome =
  | { readonly kind: 'saved'; readonly what: SavedWhat; readonly path: string }
  | { readonly kind: 'failed'; readonly what: SavedWhat | 'summary'; readonly error: string }
  /** The clipboard took the text; it is shown too, so the person sees what was copied. */
  | { readonly kind: 'copied'; readonly text: string }
  /** The clipboard refused: the text is shown to copy by hand. */
  | { readonly kind: 'not-copied'; readonly text: string };

/** What a save dialog was for: a report in one format, or the diagnostics file. */
export type SavedWhat = ReportFormat | 'diagnostics' | 'plan';

export interface HelpDeskState {
  /** The code for the latest scan and the current step, or null (before a scan, or none given). */
  readonly supportCode: string | null;
  /** A save or copy is under way: its buttons are disabled so nothing is done twice. */
  readonly busy: boolean;
  /** The last save or copy; null after a cancelled dialog. */
  readonly outcome: HelpDeskOutcome | null;
  /** The last code decoded in the technician view: its lines, or why it cannot be read. */
  readonly reading: DecodedCode | null;
  readonly decoding: boolean;
}

/** A code the technician typed: its normalised form and lines, or why it cannot be read. */
export type DecodedCode =
  | (SupportCodeReading & { readonly error: null })
  | { readonly code: null; readonly lines: readonly []; readonly error: string };

export interface HelpDeskSlice {
  readonly helpDesk: HelpDeskState;
  /** Reads the support code again (after each scan and each step change). */
  loadSupportCode(): Promise<void>;
  decodeSupportCode(code: string): Promise<void>;
  saveReport(format: ReportFormat): Promise<void>;
  /** The migration plan, as the window prints it, saved as a PDF (a save dialog first). */
  savePlan(): Promise<void>;
  copySummary(): Promise<void>;
  saveDiagnostics(hidePersonalDetails: boolean): Promise<void>;
}

export interface ViewingState {
  /** The diagnostics file being shown (read-only), or null: the window shows this computer. */
  readonly info: ViewingDiagnostics | null;
  readonly busy: boolean;
  /** Why a diagnostics file could not be opened, in plain words. */
  readonly error: string | null;
}

export interface ViewingSlice {
  readonly viewing: ViewingState;
  /** Asks the host whether a diagnostics file is open (at start: the window may have reloaded). */
  loadViewing(): Promise<void>;
  /** Asks for a diagnostics file; when one opens, the window shows that machine (a new scan). */
  openDiagnostics(): Promise<void>;
  /** Back to this computer: closes the file and scans again. */
  closeDiagnostics(): Promise<void>;
}

export interface FleetState {
  /** The Fleet screen is shown (until closed); a machine opened from it shows under the banner. */
  readonly open: boolean;
  readonly summary: FleetSummary | null;
  readonly busy: boolean;
  /** Why the folder, a machine or the CSV could not be opened or saved, in plain words. */
  readonly error: string | null;
  /** Where the CSV was saved, once it was. */
  readonly saved: string | null;
}

export interface FleetSlice {
  readonly fleet: FleetState;
  /** Asks for a folder and shows its summary. */
  openFleet(): Promise<void>;
  closeFleet(): void;
  /** Shows one machine of the folder, read-only, until the banner's close. */
  viewFleetMachine(file: string): Promise<void>;
  exportFleetCsv(): Promise<void>;
}

export type AppState = ScanSlice &
  AppInfoSlice &
  JourneySlice &
  SettingsSlice &
  HelpDeskSlice &
  ViewingSlice &
  FleetSlice;

/** What the slices need from outside: the Api and a way to wait (injected so tests run instantly). */
export interface StoreDeps {
  readonly api: Api;
  /** Delay between progress polls. */
  readonly pollMs: number;
  readonly wait: (ms: number) => Promise<void>;
}
