/**
 * The guided migration as the window holds it: the handlers' JourneyView (plan + saved progress
 * + alternatives), whether the journey screen is open, and the preview → confirm round of the
 * actions that change the machine. Nothing is saved here: the main process saves progress after
 * every change (architecture.md, "State"); this slice only shows what it answers.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState, JourneySlice, JourneyState, StoreDeps } from './types';

export const initialJourneyState: JourneyState = {
  status: 'idle',
  view: null,
  open: false,
  busy: false,
  error: null,
  pending: null,
  cannotRun: {},
  outcome: null,
  conversion: null,
  download: null,
  names: {},
};

export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'Something went wrong while talking to Handover.';
}

export const createJourneySlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], JourneySlice> =>
  (set, get) => {
    const patch = (p: Partial<JourneyState>) => set((s) => ({ journey: { ...s.journey, ...p } }));

    /** Runs one Api call with busy/error handling; returns undefined when it failed. */
    async function call<T>(run: () => Promise<T>): Promise<T | undefined> {
      patch({ busy: true, error: null });
      try {
        const value = await run();
        patch({ busy: false });
        return value;
      } catch (error) {
        patch({ busy: false, error: messageOf(error) });
        return undefined;
      }
    }

    async function change(change: Parameters<JourneySlice['changeJourney']>[0]): Promise<boolean> {
      const before = get().journey.view;
      // A tick shows at once (a checkbox must follow the click); the saved answer replaces it,
      // and a failed save puts the box back as it was.
      if (change.kind === 'tick' && before?.progress) {
        const others = before.progress.ticked.filter((id) => id !== change.itemId);
        patch({
          view: {
            ...before,
            progress: { ...before.progress, ticked: change.ticked ? [...others, change.itemId] : others },
          },
        });
      }
      const view = await call(() => deps.api.changeJourney(change));
      // A message about the last action belongs to the step it was taken on.
      if (view && view.plan?.current !== before?.plan?.current) patch({ outcome: null, download: null });
      if (view) patch({ view, status: 'ready' });
      else if (change.kind === 'tick') patch({ view: before });
      // The support code carries the current step.
      if (view) await get().loadSupportCode();
      return view !== undefined;
    }

    const rescan = async () => {
      // The scan slice reads the journey again once the new result is in.
      await get().startScan();
    };

    return {
      journey: initialJourneyState,

      async loadJourney() {
        // A machine opened from a diagnostics file has no journey here: the migration acts on this
        // computer only (the handlers refuse it while viewing).
        if (get().viewing.info) {
          patch({ view: null, status: 'idle', open: false, error: null });
          await get().loadSupportCode();
          return;
        }
        const result = get().scan.result;
        const names = { ...get().journey.names };
        for (const d of result?.detections ?? []) names[d.id] = d.name;
        patch({ status: get().journey.view ? 'ready' : 'loading', names });
        try {
          const view = await deps.api.getJourney();
          patch({ view, status: 'ready', error: null });
        } catch (error) {
          patch({ status: 'failed', error: messageOf(error) });
        }
        // After every scan (which reads the journey) and every reload of the plan.
        await get().loadSupportCode();
      },

      async startJourney() {
        patch({ outcome: null, conversion: null, download: null, cannotRun: {} });
        if (await change({ kind: 'start' })) patch({ open: true });
      },

      resumeJourney() {
        patch({ open: true, error: null });
      },

      async startOver() {
        patch({ outcome: null, conversion: null, download: null, cannotRun: {} });
        if (await change({ kind: 'start-over' })) await get().startJourney();
      },

      closeJourney() {
        patch({ open: false, pending: null, error: null });
      },

      async changeJourney(c) {
        await change(c);
      },

      async previewRemoval(detectionId) {
        const preview = await call(() => deps.api.previewRemoval(detectionId));
        if (!preview) return;
        if (preview.cannotRun !== null || !preview.token) {
          patch({
            cannotRun: {
              ...get().journey.cannotRun,
              [detectionId]: preview.cannotRun ?? 'Handover cannot run this here.',
            },
          });
          return;
        }
        patch({ pending: { kind: 'removal', subject: detectionId, preview }, outcome: null });
      },

      async previewRestartResume() {
        const preview = await call(() => deps.api.previewRestartResume());
        if (!preview) return;
        if (preview.cannotRun !== null || !preview.token) {
          patch({
            cannotRun: {
              ...get().journey.cannotRun,
              restart: preview.cannotRun ?? 'Handover cannot do this here.',
            },
          });
          return;
        }
        patch({ pending: { kind: 'restart-resume', subject: null, preview }, outcome: null });
      },

      async previewSignatureUpdate() {
        const preview = await call(() => deps.api.previewSignatureUpdate());
        if (!preview) return;
        if (preview.cannotRun !== null || !preview.token) {
          patch({
            cannotRun: {
              ...get().journey.cannotRun,
              signatures: preview.cannotRun ?? 'Handover cannot do this here.',
            },
          });
          return;
        }
        patch({ pending: { kind: 'signature-update', subject: null, preview }, outcome: null });
      },

      async confirmPending() {
        const pending = get().journey.pending;
        const token = pending?.preview.token;
        if (!pending || !token) return;
        patch({ pending: null });
        const outcome = await call(() => deps.api.confirmAction(token));
        if (!outcome) return;
        patch({ outcome: { ...outcome, kind: pending.kind } });
        // A removal or a signature update is checked by scanning again; the restart
        // registration changes nothing a scan sees, so the plan is simply read again.
        if (pending.kind === 'removal' || (pending.kind === 'signature-update' && outcome.rescan))
          await rescan();
        else await get().loadJourney();
      },

      cancelPending() {
        patch({ pending: null });
      },

      async openDownloadPage(alternativeId) {
        const download = await call(() => deps.api.openDownloadPage(alternativeId));
        if (download) patch({ download });
      },

      async convertPasswordExport(format) {
        const conversion = await call(() => deps.api.convertPasswordExport(format));
        if (conversion) patch({ conversion });
      },

      rescan,
    };
  };
