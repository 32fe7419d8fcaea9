/**
 * The help-desk part of the handler table (issue 4): the technician view's setting, support
 * codes, reports and diagnostics files. Built by the window's hosts with what only they can do
 * (file dialogs, printing to PDF, the clipboard); the CLI has none of it.
 */
import type { Capture } from '../core/capture';
import { type CompiledCatalog, loadCatalog } from '../core/catalog/load-catalog';
import { asTheySawIt } from '../core/diagnostics/as-they-saw-it';
import { buildDiagnosticsFile } from '../core/diagnostics/build-diagnostics';
import type { DiagnosticsFile } from '../core/diagnostics/diagnostics-file';
import { readDiagnosticsFile } from '../core/diagnostics/open-file';
import { wholeDaysBetween } from '../core/policy/days';
import { renderReportHtml } from '../core/report/render-report-html';
import type { Report } from '../core/report/report-schema';
import { reportSummaryText } from '../core/report/report-summary';
import { describeSupportFacts } from '../core/support-code/describe-facts';
import { decodeSupportCode, encodeSupportCode } from '../core/support-code/support-code';
import { supportCodeOf } from '../core/support-code/support-code-of';
import { personMessage, Refusal } from '../core/util/person-message';
import type { SettingsStore } from '../files/settings-store';
import type { HELP_DESK_METHODS } from './channels';
import type {
  Api,
  JourneyView,
  Outcome,
  ReportFormat,
  SavedFile,
  ScanResult,
  ViewingDiagnostics,
} from './contract';
import { createFleetHandlers } from './fleet-handlers';
import type { FleetSummaryOptions } from './fleet-summary';
import { CANCELLED, done, failed } from './outcome';
import { reportOfScan } from './report-of-scan';

export type HelpDeskApi = Pick<Api, (typeof HELP_DESK_METHODS)[number]>;

/** A machine opened from a diagnostics file: what the window shows, and how to judge it as they did. */
export interface ViewedMachine {
  readonly info: ViewingDiagnostics;
  readonly capture: Capture;
  /** The instant their scan was judged at: the verdict is shown as they saw it, not as of today. */
  readonly judgedAt: string;
  /** The country whose rules they had chosen, or null: resolved from the capture as on their machine. */
  readonly region: string | null;
}

/** What the handler table lends the help desk: the latest scan, the journey, the viewed machine. */
export interface HelpDeskContext {
  readonly now: () => Date;
  readonly host: string;
  readonly version: string;
  latest(): { readonly result: ScanResult; readonly capture: Capture } | null;
  /** The migration as the window sees it, or null (no migration in this host, or viewing a file). */
  journey(): Promise<JourneyView | null>;
  viewed(): ViewedMachine | null;
  /** Show another machine (read-only), or this one again (null). */
  view(machine: ViewedMachine | null): void;
}

/** Why a file is being saved: the host picks the dialog's title, file type and folder. */
export type SavePurpose =
  | 'report-json'
  | 'report-html'
  | 'report-pdf'
  | 'plan-pdf'
  | 'diagnostics'
  | 'fleet-csv';

export interface HelpDeskDeps {
  readonly settings: SettingsStore;
  /** Shows a save dialog; null when the person cancels. */
  chooseSaveFile(purpose: SavePurpose, suggestedName: string): Promise<string | null>;
  /** Shows an open dialog for a diagnostics file; null when the person cancels. */
  chooseDiagnosticsFile(): Promise<string | null>;
  /** Shows a folder dialog for a fleet folder (the Fleet screen); null when the person cancels. */
  chooseFleetFolder(): Promise<string | null>;
  /** Where fleet files are prepared (worker threads in the app: host-deps/fleet-worker-pool.ts); default: this thread. */
  readonly fleetPreparer?: FleetSummaryOptions['preparer'];
  /** The app's data folder, where the fleet summary keeps its cache; null: no cache. */
  readonly dataDir: string | null;
  readFile(path: string): Promise<Uint8Array>;
  writeFileAtomic(path: string, content: string | Uint8Array): Promise<void>;
  /** The report's HTML page printed to PDF (Electron's printToPDF; Chromium's in the harness). */
  renderPdf(html: string): Promise<Uint8Array>;
  /**
   * The window itself printed to PDF with its print stylesheet (the plan, without the controls):
   * Electron's webContents.printToPDF; the harness prints its page with Chromium's printer.
   */
  printWindowToPdf(): Promise<Uint8Array>;
  writeClipboard(text: string): Promise<void>;
  /** The app's own log entries, oldest first. */
  readAppLog(): Promise<readonly unknown[]>;
}

export type HelpDeskFactory = (context: HelpDeskContext) => HelpDeskApi;

const REPORT_EXTENSIONS: Readonly<Record<ReportFormat, string>> = { json: 'json', html: 'html', pdf: 'pdf' };

/** "handover-report-2026-11-29.html": the date says which scan it is; no host name in it. */
const fileNameFor = (stem: string, at: string, extension: string) =>
  `${stem}-${at.slice(0, 10)}.${extension}`;

export function createHelpDeskHandlers(
  deps: HelpDeskDeps,
  context: HelpDeskContext,
  catalog: Pick<CompiledCatalog, 'productsById'> = loadCatalog(),
): HelpDeskApi {
  function latestOrThrow() {
    const latest = context.latest();
    if (!latest) throw new Refusal('There is no scan yet: scan first, then try again.');
    return latest;
  }

  async function currentReport(): Promise<Report> {
    const { result } = latestOrThrow();
    return reportOfScan({
      scan: result,
      journey: await context.journey(),
      app: { version: context.version, host: context.host },
      generatedAt: context.now().toISOString(),
      catalog,
    });
  }

  /** Asks where, then writes; a cancelled dialog is not an error, a failed write says why. */
  async function saveAs(
    purpose: SavePurpose,
    suggestedName: string,
    content: () => Promise<string | Uint8Array>,
  ): Promise<Outcome<SavedFile>> {
    const path = await deps.chooseSaveFile(purpose, suggestedName);
    if (path === null) return CANCELLED;
    try {
      await deps.writeFileAtomic(path, await content());
      return done({ path });
    } catch (error) {
      return failed(`Could not save ${path}: ${personMessage(error)}`);
    }
  }

  const fleet = createFleetHandlers({
    now: context.now,
    version: context.version,
    dataDir: deps.dataDir,
    chooseFleetFolder: () => deps.chooseFleetFolder(),
    ...(deps.fleetPreparer ? { preparer: deps.fleetPreparer } : {}),
    view: (machine) => context.view(machine),
    saveAs: (suggestedName, content) => saveAs('fleet-csv', suggestedName, content),
  });

  return {
    ...fleet,
    async getSettings() {
      return done((await deps.settings.read()).settings);
    },

    async changeSettings(change) {
      const changed = await deps.settings.change(change);
      return changed.ok ? done(changed.value) : failed(changed.error);
    },

    async getSupportCode() {
      const viewed = context.viewed();
      if (viewed) return done(viewed.info.supportCode);
      const latest = context.latest();
      if (!latest) return done(null);
      const journey = await context.journey();
      return done(supportCodeOf(latest.result, journey?.progress ?? null, catalog));
    },

    async decodeSupportCode(code) {
      const decoded = decodeSupportCode(code);
      if (!decoded.ok) return failed(decoded.error);
      return done({ code: encodeSupportCode(decoded.value), lines: describeSupportFacts(decoded.value) });
    },

    async saveReport(format) {
      const report = await currentReport();
      const name = fileNameFor('handover-report', report.generatedAt, REPORT_EXTENSIONS[format]);
      return saveAs(`report-${format}`, name, async () => {
        if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
        const html = renderReportHtml(report);
        return format === 'html' ? html : deps.renderPdf(html);
      });
    },

    async savePlan() {
      if (context.viewed())
        throw new Refusal(
          'This window shows a diagnostics file: its plan is theirs to print, on their computer.',
        );
      const journey = await context.journey();
      if (!journey?.plan) throw new Refusal('There is no plan yet: scan first, then try again.');
      const name = fileNameFor('handover-plan', context.now().toISOString(), 'pdf');
      return saveAs('plan-pdf', name, () => deps.printWindowToPdf());
    },

    async copySummary() {
      const text = reportSummaryText(await currentReport());
      try {
        await deps.writeClipboard(text);
        return done({ copied: true, text });
      } catch {
        // The text is shown to copy by hand: the summary is still there, only the clipboard failed.
        return done({ copied: false, text });
      }
    },

    async saveDiagnostics({ hidePersonalDetails }) {
      const { capture } = latestOrThrow();
      const report = await currentReport();
      const createdAt = context.now().toISOString();
      const built = buildDiagnosticsFile(
        { capture, report, log: await deps.readAppLog() },
        { createdAt, hidePersonalDetails, appVersion: context.version },
      );
      if (!built.ok) return failed(`Could not make the diagnostics file: ${built.error}`);
      return saveAs(
        'diagnostics',
        fileNameFor('handover-diagnostics', createdAt, 'json'),
        async () => `${JSON.stringify(built.value, null, 2)}\n`,
      );
    },

    async openDiagnostics() {
      const path = await deps.chooseDiagnosticsFile();
      if (path === null) return CANCELLED;
      let bytes: Uint8Array;
      try {
        bytes = await deps.readFile(path);
      } catch (error) {
        return failed(`Could not open ${path}: ${personMessage(error)}`);
      }
      const read = readDiagnosticsFile(bytes, { byteLength: bytes.byteLength });
      if (!read.ok) return failed(`Could not open ${path}: ${read.error}.`);
      const machine = viewedMachineOf(read.value, context.now());
      context.view(machine);
      return done(machine.info);
    },

    async closeDiagnostics() {
      context.view(null);
      return done(null);
    },

    async getViewing() {
      const viewed = context.viewed();
      return done(viewed ? agedAt(viewed.info, context.now()) : null);
    },
  };
}

/** Whole days from an ISO stamp of the file to `now`, or null when the stamp is not a date. */
function daysAgo(iso: string, now: Date): number | null {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : wholeDaysBetween(at, now);
}

/** The file's ages counted again at `now`: a file left open overnight is a day older. */
function agedAt(info: ViewingDiagnostics, now: Date): ViewingDiagnostics {
  return {
    ...info,
    capturedDaysAgo: daysAgo(info.capturedAt, now),
    createdDaysAgo: daysAgo(info.createdAt, now),
  };
}

/** The machine in a diagnostics file, to be shown as the sender saw it; its ages counted at `now`. */
export function viewedMachineOf(file: DiagnosticsFile, now: Date): ViewedMachine {
  const seen = asTheySawIt(file);
  return {
    info: agedAt(
      {
        sender: file.sender.label,
        platform: file.sender.platform,
        capturedAt: file.capture.capturedAt,
        createdAt: file.createdAt,
        capturedDaysAgo: null,
        createdDaysAgo: null,
        personalDetailsHidden: file.personalDetailsHidden,
        step: seen.step,
        supportCode: seen.supportCode,
      },
      now,
    ),
    capture: file.capture,
    judgedAt: seen.judgedAt,
    region: seen.region,
  };
}

/** The help desk for a host's dependencies (the handler table supplies the context). */
export function helpDeskFrom(deps: HelpDeskDeps): HelpDeskFactory {
  return (context) => createHelpDeskHandlers(deps, context);
}
