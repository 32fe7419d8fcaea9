/**
 * What lets someone help the person: the support code they read out, the technician's decoder,
 * reports, the summary for the clipboard and the diagnostics file. The handlers ask where to save
 * (a dialog in the main process) and write; this slice only calls and keeps the outcome to show.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Outcome, SavedFile } from '../../../electron/api/contract';
import type { AppState, HelpDeskOutcome, HelpDeskSlice, HelpDeskState, SavedWhat, StoreDeps } from './types';

export const initialHelpDeskState: HelpDeskState = {
  supportCode: null,
  busy: false,
  outcome: null,
  reading: null,
  decoding: false,
};

/** A cancelled dialog is no outcome at all: the person changed their mind. */
function savedOutcome(what: SavedWhat, answer: Outcome<SavedFile>): HelpDeskOutcome | null {
  if (answer.kind === 'done') return { kind: 'saved', what, path: answer.value.path };
  if (answer.kind === 'failed') return { kind: 'failed', what, error: answer.message };
  return null;
}

export const createHelpDeskSlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], HelpDeskSlice> =>
  (set, get) => {
    const patch = (p: Partial<HelpDeskState>) => set((s) => ({ helpDesk: { ...s.helpDesk, ...p } }));
    // Codes are asked for after every scan and step change; only the latest answer is shown.
    let codeTicket = 0;
    let decodeTicket = 0;

    async function save(what: SavedWhat, run: () => Promise<Outcome<SavedFile>>): Promise<void> {
      patch({ busy: true, outcome: null });
      patch({ busy: false, outcome: savedOutcome(what, await run()) });
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
        const code = await deps.api.getSupportCode();
        // Without a code the person can still be helped with a report or a diagnostics file.
        if (mine === codeTicket) patch({ supportCode: code.kind === 'done' ? code.value : null });
      },

      async decodeSupportCode(code) {
        const mine = ++decodeTicket;
        patch({ decoding: true });
        const answer = await deps.api.decodeSupportCode(code);
        if (mine !== decodeTicket) return;
        patch({
          decoding: false,
          reading:
            answer.kind === 'done'
              ? { ...answer.value, error: null }
              : {
                  code: null,
                  lines: [],
                  error: answer.kind === 'failed' ? answer.message : 'It was not decoded.',
                },
        });
      },

      saveReport: (format) => save(format, () => deps.api.saveReport(format)),

      savePlan: () => save('plan', () => deps.api.savePlan()),

      saveDiagnostics: (hidePersonalDetails) =>
        save('diagnostics', () => deps.api.saveDiagnostics({ hidePersonalDetails })),

      async copySummary() {
        patch({ busy: true, outcome: null });
        const answer = await deps.api.copySummary();
        if (answer.kind === 'done') {
          const { copied, text } = answer.value;
          patch({ busy: false, outcome: { kind: copied ? 'copied' : 'not-copied', text } });
        } else
          patch({
            busy: false,
            outcome:
              answer.kind === 'failed' ? { kind: 'failed', what: 'summary', error: answer.message } : null,
          });
      },
    };
  };
