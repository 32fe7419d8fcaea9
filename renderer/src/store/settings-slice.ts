/**
 * The person's preferences as the window holds them: the technician view and the theme. The main
 * process keeps them between runs (settings.json); this slice reads them at start and sends each
 * change, showing the saved answer.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Settings } from '../../../electron/api/contract';
import type { AppState, SettingsSlice, SettingsState, StoreDeps } from './types';

export const initialSettingsState: SettingsState = { technicianView: false, theme: 'system', error: null };

/** What the person would call each setting, for the sentence saying it could not be saved. */
const SETTING_WORDS: Readonly<Record<keyof Settings, string>> = {
  technicianView: 'The technician view',
  theme: 'The theme',
};

export const createSettingsSlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], SettingsSlice> =>
  (set, get) => {
    const patch = (p: Partial<SettingsState>) => set((s) => ({ settings: { ...s.settings, ...p } }));
    // A change made while the first read is still under way must not be undone by that read.
    let changes = 0;

    /** One setting changed: shown at once, then the saved answer (or the old value and why). */
    async function change<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
      changes += 1;
      const mine = changes;
      const before = get().settings[key];
      patch({ [key]: value, error: null });
      const saved = await deps.api.changeSettings({ [key]: value });
      if (mine !== changes) return;
      if (saved.kind === 'done') patch({ [key]: saved.value[key] });
      else
        patch({
          [key]: before,
          error: `${SETTING_WORDS[key]} could not be saved: ${saved.kind === 'failed' ? saved.message : 'the change was cancelled'}`,
        });
    }

    return {
      settings: initialSettingsState,

      async loadSettings() {
        const before = changes;
        const saved = await deps.api.getSettings();
        // The home user's screen does not need them: without saved settings the defaults apply.
        if (saved.kind === 'done' && before === changes)
          patch({ technicianView: saved.value.technicianView, theme: saved.value.theme ?? 'system' });
      },

      setTechnicianView: (on) => change('technicianView', on),
      setTheme: (theme) => change('theme', theme),
    };
  };
