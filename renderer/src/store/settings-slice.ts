/**
 * The person's preferences as the window holds them: today only the technician view. The main
 * process keeps them between runs (settings.json); this slice reads them at start and sends each
 * change, showing the saved answer.
 */
import type { StateCreator } from 'zustand/vanilla';
import { messageOf } from './journey-slice';
import type { AppState, SettingsSlice, SettingsState, StoreDeps } from './types';

export const initialSettingsState: SettingsState = { technicianView: false, error: null };

export const createSettingsSlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], SettingsSlice> =>
  (set, get) => {
    const patch = (p: Partial<SettingsState>) => set((s) => ({ settings: { ...s.settings, ...p } }));
    // A change made while the first read is still under way must not be undone by that read.
    let changes = 0;

    return {
      settings: initialSettingsState,

      async loadSettings() {
        const before = changes;
        try {
          const saved = await deps.api.getSettings();
          if (before === changes) patch({ technicianView: saved.technicianView });
        } catch {
          // The home user's screen does not need them: without saved settings the defaults apply.
        }
      },

      async setTechnicianView(on) {
        changes += 1;
        const mine = changes;
        const before = get().settings.technicianView;
        // The switch follows the click at once; the saved answer replaces it.
        patch({ technicianView: on, error: null });
        try {
          const saved = await deps.api.changeSettings({ technicianView: on });
          if (mine === changes) patch({ technicianView: saved.technicianView });
        } catch (error) {
          if (mine === changes) {
            patch({
              technicianView: before,
              error: `The technician view could not be saved: ${messageOf(error)}`,
            });
          }
        }
      },
    };
  };
