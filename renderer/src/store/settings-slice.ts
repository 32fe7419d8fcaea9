/**
 * The person's preferences as the window holds them: today only the technician view. The main
 * process keeps them between runs (settings.json); this slice reads them at start and sends each
 * change, showing the saved answer.
 */
import type { StateCreator } from 'zustand/vanilla';
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
        const saved = await deps.api.getSettings();
        // The home user's screen does not need them: without saved settings the defaults apply.
        if (saved.kind === 'done' && before === changes)
          patch({ technicianView: saved.value.technicianView });
      },

      async setTechnicianView(on) {
        changes += 1;
        const mine = changes;
        const before = get().settings.technicianView;
        // The switch follows the click at once; the saved answer replaces it.
        patch({ technicianView: on, error: null });
        const saved = await deps.api.changeSettings({ technicianView: on });
        if (mine !== changes) return;
        if (saved.kind === 'done') patch({ technicianView: saved.value.technicianView });
        else
          patch({
            technicianView: before,
            error: `The technician view could not be saved: ${saved.kind === 'failed' ? saved.message : 'the change was cancelled'}`,
          });
      },
    };
  };
