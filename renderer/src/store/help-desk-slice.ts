/**
 * What lets someone help the person: the support code they read out, the technician's decoder,
 * reports, the summary for the clipboard and the diagnostics file. The handlers ask where to save
 * (a dialog in the main process) and write; this slice only calls and keeps the outcome to show.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { SavedFile } from '../../../electron/api/contract';
import { messageOf } from './journey-slice';
import type { AppState, HelpDeskOutcome, HelpDeskSlice, HelpDeskState, SavedWhat, StoreDeps } from './types';

export const initialHelpDeskState: HelpDeskState = {
  supportCode: null,
  busy: false,
  outcome: null,
  reading: null,
  decoding: false,
};

/** A cancelled dialog is no outcome at all: the person changed their mind. */
function savedOutcome(what: SavedWhat, file: SavedFile): HelpDeskOutcome | null {
  if (file.saved && file.path) return { kind: 'saved', what, path: file.path };
  if (file.error) return { kind: 'failed', what, error: file.error };
  return null;
}

export const createHelpDeskSlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], HelpDeskSlice> =>
  (set, get) => {
    const patch = (p: Partial<HelpDeskState>) => set((s) => ({ helpDesk: { ...s.helpDesk, ...p } }));
    // Codes are asked for after every scan and step change; only the latest answer is shown.
    let codeTicket = 0;
    let decodeTicket = 0;

    async function save(what: SavedWhat, run: () => Promise<SavedFile>): Promise<void> {
      patch({ busy: true, outcome: null });
      try {
        patch({ busy: false, outcome: savedOutcome(what, await run()) });
      } catch (error) {
        patch({ busy: false, outcome: { kind: 'failed', what, error: messageOf(error) } });
      }
    }

    return {
      helpDesk: initialHelpDeskState,

      async loadSupportCode() {
        const mine = ++codeTicket;
        // The code of a machine opened from a file is the one its file carries (ViewingDiagnostics).
        if (get().viewing.info) {
          patch({ supportCode: null });
          return;
        }
        try {
          const code = await deps.api.getSupportCode();
          if (mine === codeTicket) patch({ supportCode: code });
        } catch {
          // Without a code the person can still be helped with a report or a diagnostics file.
          if (mine === codeTicket) patch({ supportCode: null });
        }
      },

      async decodeSupportCode(code) {
        const mine = ++decodeTicket;
        patch({ decoding: true });
        try {
          const reading = await deps.api.decodeSupportCode(code);
          if (mine === decodeTicket) patch({ decoding: false, reading });
        } catch (error) {
          if (mine === decodeTicket)
            patch({ decoding: false, reading: { code: null, lines: [], error: messageOf(error) } });
        }
      },

      saveReport: (format) => save(format, () => deps.api.saveReport(format)),

      saveDiagnostics: (hidePersonalDetails) =>
        save('diagnostics', () => deps.api.saveDiagnostics({ hidePersonalDetails })),

      async copySummary() {
        patch({ busy: true, outcome: null });
        try {
          const { copied, text } = await deps.api.copySummary();
          patch({ busy: false, outcome: { kind: copied ? 'copied' : 'not-copied', text } });
        } catch (error) {
          patch({ busy: false, outcome: { kind: 'failed', what: 'summary', error: messageOf(error) } });
        }
      },
    };
  };
