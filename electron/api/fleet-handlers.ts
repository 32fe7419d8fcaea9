/**
 * The Fleet screen's part of the handler table (issue 13 §3): a folder many machines write into,
 * summarized the way `handover fleet summarize` does it (fleet-summary.ts), one machine of it
 * opened read-only like a diagnostics file, the rows saved as CSV. The folder and its summary
 * are kept here, in the main process: the window names a machine by its file, and only a file
 * the summary lists is ever opened.
 */
import type { Capture } from '../core/capture';
import { fleetCsv } from '../core/fleet/fleet-csv';
import type { FleetSummary } from '../core/fleet/fleet-summary';
import { personMessage } from '../core/util/person-message';
import type { Outcome, SavedFile, ViewingDiagnostics } from './contract';
import { type FleetSummaryOptions, readFleetMachine, summarizeFleetFolder } from './fleet-summary';
import { CANCELLED, done, failed } from './outcome';

export interface FleetHandlerDeps {
  readonly now: () => Date;
  readonly version: string;
  /** Where the cache is kept (the app's data folder); null: none. */
  readonly dataDir: string | null;
  /** Shows a folder dialog; null when the person cancels. */
  chooseFleetFolder(): Promise<string | null>;
  /** Where the folder's files are prepared; default: this thread (fleet-summary.ts). */
  readonly preparer?: FleetSummaryOptions['preparer'];
  /** Shows one machine read-only (the handler table's view), judged as of `judgedAt`. */
  view(machine: {
    readonly info: ViewingDiagnostics;
    readonly capture: Capture;
    readonly judgedAt: string;
    readonly region: string | null;
  }): void;
  /** Asks where (a CSV file), then writes. */
  saveAs(suggestedName: string, content: () => Promise<string>): Promise<Outcome<SavedFile>>;
}

export interface FleetHandlers {
  openFleetFolder(): Promise<Outcome<FleetSummary>>;
  viewFleetMachine(file: string): Promise<Outcome<ViewingDiagnostics>>;
  exportFleetCsv(): Promise<Outcome<SavedFile>>;
}

export function createFleetHandlers(deps: FleetHandlerDeps): FleetHandlers {
  let open: { readonly folder: string; readonly summary: FleetSummary } | null = null;

  return {
    async openFleetFolder() {
      const folder = await deps.chooseFleetFolder();
      if (folder === null) return CANCELLED;
      const summary = await summarizeFleetFolder({
        folder,
        now: deps.now(),
        version: deps.version,
        dataDir: deps.dataDir,
        ...(deps.preparer ? { preparer: deps.preparer } : {}),
      });
      if (!summary.ok) return failed(`Could not read the folder: ${summary.error}.`);
      open = { folder, summary: summary.value };
      return done(summary.value);
    },

    async viewFleetMachine(file) {
      if (!open) return failed('Open a fleet folder first.');
      const row = open.summary.rows.find((r) => r.file === file);
      if (!row) return failed('That machine is not in the open folder.');
      const capture = await readFleetMachine(open.folder, file);
      if (!capture.ok) return failed(`Could not open ${capture.error}.`);
      const info: ViewingDiagnostics = {
        sender: row.machine ?? row.file,
        platform: capture.value.platform,
        capturedAt: capture.value.capturedAt,
        createdAt: capture.value.capturedAt,
        // The summary's own count, from the same clock it judged with.
        capturedDaysAgo: row.staleDays,
        createdDaysAgo: row.staleDays,
        personalDetailsHidden: false,
        step: null,
        supportCode: row.supportCode,
        fleetFolder: open.folder,
      };
      // Judged as the summary judged it: today, with each machine's own region.
      deps.view({
        info,
        capture: capture.value,
        judgedAt: open.summary.judgedAt,
        region: open.summary.region,
      });
      return done(info);
    },

    async exportFleetCsv() {
      const current = open;
      if (!current) return failed('Open a fleet folder first.');
      const day = current.summary.judgedAt.slice(0, 10);
      try {
        return await deps.saveAs(`handover-fleet-${day}.csv`, async () =>
          fleetCsv(current.summary.rows, { bom: true }),
        );
      } catch (error) {
        return failed(`Could not save the CSV: ${personMessage(error)}`);
      }
    },
  };
}
