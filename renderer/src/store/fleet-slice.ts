/**
 * The Fleet screen's state (issue 13 §3): the folder's summary as the main process made it, and
 * what the screen is doing. Opening one machine goes through the viewing slice's state (the
 * banner, the read-only verdict); closing it comes back here, since the fleet stays open.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState, FleetSlice, FleetState, StoreDeps } from './types';

export const initialFleetState: FleetState = {
  open: false,
  summary: null,
  busy: false,
  error: null,
  saved: null,
};

export const createFleetSlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], FleetSlice> =>
  (set, get) => {
    const patch = (p: Partial<FleetState>) => set((s) => ({ fleet: { ...s.fleet, ...p } }));
    return {
      fleet: initialFleetState,

      async openFleet() {
        patch({ busy: true, error: null, saved: null });
        const answer = await deps.api.openFleetFolder();
        if (answer.kind !== 'done') {
          patch({ busy: false, error: answer.kind === 'failed' ? answer.message : null });
          return;
        }
        get().closeJourney();
        patch({ busy: false, open: true, summary: answer.value });
      },

      closeFleet() {
        patch({ open: false, error: null, saved: null });
      },

      async viewFleetMachine(file) {
        patch({ busy: true, error: null });
        const answer = await deps.api.viewFleetMachine(file);
        if (answer.kind !== 'done') {
          patch({ busy: false, error: answer.kind === 'failed' ? answer.message : null });
          return;
        }
        patch({ busy: false });
        set((s) => ({ viewing: { ...s.viewing, info: answer.value, error: null } }));
        await get().startScan();
      },

      async exportFleetCsv() {
        patch({ busy: true, error: null, saved: null });
        const answer = await deps.api.exportFleetCsv();
        patch({
          busy: false,
          saved: answer.kind === 'done' ? answer.value.path : null,
          error: answer.kind === 'failed' ? answer.message : null,
        });
      },
    };
  };
