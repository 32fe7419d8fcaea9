/**
 * Someone else's machine, opened from the diagnostics file they sent. While it is open the
 * handlers replay its capture for every scan and refuse the migration (it acts on THIS computer),
 * so the window shows it read-only under a banner, and goes back to this computer on close.
 */
import type { StateCreator } from 'zustand/vanilla';
import { messageOf } from './journey-slice';
import type { AppState, StoreDeps, ViewingSlice, ViewingState } from './types';

export const initialViewingState: ViewingState = { info: null, busy: false, error: null };

export const createViewingSlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], ViewingSlice> =>
  (set, get) => {
    const patch = (p: Partial<ViewingState>) => set((s) => ({ viewing: { ...s.viewing, ...p } }));

    /** What the host says is open: the file, or nothing (also when it cannot tell). */
    async function askHost() {
      try {
        return await deps.api.getViewing();
      } catch {
        return null;
      }
    }

    return {
      viewing: initialViewingState,

      async loadViewing() {
        patch({ info: await askHost() });
      },

      async openDiagnostics() {
        patch({ busy: true, error: null });
        let answer: Awaited<ReturnType<typeof deps.api.openDiagnostics>>;
        try {
          answer = await deps.api.openDiagnostics();
        } catch (error) {
          patch({ busy: false, error: messageOf(error) });
          return;
        }
        // A refused file changes nothing: this computer stays on screen, with one clear message.
        if (answer.error !== null || !answer.opened) {
          patch({ busy: false, error: answer.error });
          return;
        }
        const info = await askHost();
        if (!info) {
          // Without knowing whose machine it is there could be no banner, and the sender's machine
          // would pass for this one: close it again rather than show it unlabelled.
          await deps.api.closeDiagnostics().catch(() => undefined);
          patch({
            busy: false,
            error: 'Handover opened the file but could not tell whose computer it shows.',
          });
          return;
        }
        get().closeJourney();
        patch({ busy: false, info });
        await get().startScan();
      },

      async closeDiagnostics() {
        patch({ busy: true, error: null });
        try {
          await deps.api.closeDiagnostics();
        } catch (error) {
          patch({ busy: false, error: messageOf(error) });
          return;
        }
        patch({ busy: false, info: null });
        await get().startScan();
      },
    };
  };
