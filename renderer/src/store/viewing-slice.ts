/**
 * Someone else's machine, opened from the diagnostics file they sent. While it is open the
 * handlers replay its capture for every scan and refuse the migration (it acts on THIS computer),
 * so the window shows it read-only under a banner, and goes back to this computer on close.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState, StoreDeps, ViewingSlice, ViewingState } from './types';

export const initialViewingState: ViewingState = { info: null, busy: false, error: null };

export const createViewingSlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], ViewingSlice> =>
  (set, get) => {
    const patch = (p: Partial<ViewingState>) => set((s) => ({ viewing: { ...s.viewing, ...p } }));

    /** What the host says is open: the file, or nothing (also when it cannot tell). */
    async function askHost() {
      const answer = await deps.api.getViewing();
      return answer.kind === 'done' ? answer.value : null;
    }

    return {
      viewing: initialViewingState,

      async loadViewing() {
        patch({ info: await askHost() });
      },

      async openDiagnostics() {
        patch({ busy: true, error: null });
        const answer = await deps.api.openDiagnostics();
        // A refused file changes nothing: this computer stays on screen, with one clear message.
        if (answer.kind !== 'done') {
          patch({ busy: false, error: answer.kind === 'failed' ? answer.message : null });
          return;
        }
        // The answer says whose machine it is: the banner is made from it.
        const info = answer.value;
        get().closeJourney();
        patch({ busy: false, info });
        await get().startScan();
      },

      async closeDiagnostics() {
        patch({ busy: true, error: null });
        const answer = await deps.api.closeDiagnostics();
        if (answer.kind === 'failed') {
          patch({ busy: false, error: answer.message });
          return;
        }
        patch({ busy: false, info: null });
        await get().startScan();
      },
    };
  };
