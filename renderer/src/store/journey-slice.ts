/**
 * The guided migration as the window holds it: the handlers' JourneyView (plan + saved progress
 * + alternatives), whether the journey screen is open, and the preview → confirm round of the
 * actions that change the machine. Nothing is saved here: the main process saves progress after
 * every change (architecture.md, "State"); this slice only shows what it answers.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ActionPreview, JourneyView, Outcome } from '../../../electron/api/contract';
import type {
  AppState,
  DeletionShown,
  JourneySlice,
  JourneyState,
  PendingActionKind,
  StoreDeps,
} from './types';

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

export const createJourneySlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], JourneySlice> =>
  (set, get) => {
    const patch = (p: Partial<JourneyState>) => set((s) => ({ journey: { ...s.journey, ...p } }));

    /**
     * A new plan from the main process. What was said about an attempt (an action's outcome, a
     * download page, a preview that could not run) belongs to the step it was made on: once the
     * plan is on another step, it goes, so no step shows another one's attempt.
     */
    function showView(view: JourneyView): void {
      const before = get().journey;
      const moved = view.plan?.current !== before.view?.plan?.current;
      patch({
        view,
        status: 'ready',
        error: null,
        ...(moved ? { download: null, cannotRun: {} } : {}),
        ...(before.outcome && view.plan && before.outcome.stepId !== view.plan.current
          ? { outcome: null }
          : {}),
      });
    }

    /** Runs one Api call with busy/error handling; undefined when it failed (the error shows) or was cancelled. */
    async function call<T>(run: () => Promise<Outcome<T>>): Promise<T | undefined> {
      patch({ busy: true, error: null });
      const answer = await run();
      patch({ busy: false, ...(answer.kind === 'failed' ? { error: answer.message } : {}) });
      return answer.kind === 'done' ? answer.value : undefined;
    }

    /** A preview that can run waits for Confirm; one that cannot says why, under its key. */
    async function preview(
      kind: PendingActionKind,
      key: string,
      subject: string | null,
      run: () => Promise<Outcome<ActionPreview>>,
      fallback: string,
    ): Promise<void> {
      const shown = await call(run);
      if (!shown) return;
      if (shown.cannotRun !== null || !shown.token) {
        patch({ cannotRun: { ...get().journey.cannotRun, [key]: shown.cannotRun ?? fallback } });
        return;
      }
      patch({ pending: { kind, subject, preview: shown }, outcome: null });
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
      if (view) showView(view);
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
        const answer = await deps.api.getJourney();
        if (answer.kind === 'done') showView(answer.value);
        else patch({ status: 'failed', error: answer.kind === 'failed' ? answer.message : null });
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

      async checkPreflight() {
        const view = await call(() => deps.api.checkPreflight());
        if (view) showView(view);
      },

      previewRemoval: (detectionId) =>
        preview(
          'removal',
          detectionId,
          detectionId,
          () => deps.api.previewRemoval(detectionId),
          'Handover cannot run this here.',
        ),

      previewRestartResume: () =>
        preview(
          'restart-resume',
          'restart',
          null,
          () => deps.api.previewRestartResume(),
          'Handover cannot do this here.',
        ),

      previewSignatureUpdate: () =>
        preview(
          'signature-update',
          'signatures',
          null,
          () => deps.api.previewSignatureUpdate(),
          'Handover cannot do this here.',
        ),

      async confirmPending() {
        const pending = get().journey.pending;
        const token = pending?.preview.token;
        // The attempt belongs to the step on screen when it was confirmed.
        const stepId = get().journey.view?.plan?.current ?? 'check';
        if (!pending || !token) return;
        patch({ pending: null, busy: true, error: null });
        const answer = await deps.api.confirmAction(token);
        patch({ busy: false });
        if (answer.kind === 'cancelled') return;
        patch({
          outcome:
            answer.kind === 'done'
              ? { ...answer.value, ok: true, kind: pending.kind, stepId }
              : { ok: false, message: answer.message, kind: pending.kind, stepId },
        });
        // A removal or a signature update is checked by scanning again (a removal even when it
        // failed: it may have got part of the way); the restart registration changes nothing a
        // scan sees, so the plan is simply read again.
        const rescanAsked = answer.kind === 'done' && answer.value.rescan;
        if (pending.kind === 'removal' || (pending.kind === 'signature-update' && rescanAsked))
          await rescan();
        else await get().loadJourney();
      },

      cancelPending() {
        patch({ pending: null });
      },

      async openDownloadPage(alternativeId) {
        patch({ busy: true, error: null });
        const answer = await deps.api.openDownloadPage(alternativeId);
        patch({
          busy: false,
          download:
            answer.kind === 'failed'
              ? { opened: false, reason: answer.message }
              : { opened: true, reason: null },
        });
      },

      async convertPasswordExport(format) {
        patch({ busy: true, error: null });
        const answer = await deps.api.convertPasswordExport(format);
        patch({
          busy: false,
          conversion:
            answer.kind === 'done'
              ? { done: true, error: null, deletion: null, ...answer.value }
              : { done: false, error: answer.kind === 'failed' ? answer.message : null },
        });
      },

      async deleteConvertedFile() {
        const conversion = get().journey.conversion;
        if (!conversion?.done || conversion.deletion?.deleted) return;
        patch({ busy: true, error: null });
        const answer = await deps.api.deleteConvertedFile(conversion.writtenTo);
        const deletion: DeletionShown =
          answer.kind === 'done'
            ? { deleted: true, alreadyGone: answer.value.alreadyGone, error: null }
            : {
                deleted: false,
                error: answer.kind === 'failed' ? answer.message : 'The file was not deleted.',
              };
        const now = get().journey.conversion;
        patch({ busy: false, ...(now?.done ? { conversion: { ...now, deletion } } : {}) });
      },

      rescan,
    };
  };
