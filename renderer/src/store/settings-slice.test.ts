import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../electron/api/contract';
import { apiWith } from '../test-support/partial-api';
import { createAppStore } from './create-app-store';
import { later } from './later';

describe('the settings slice', () => {
  it('starts with the technician view off, then shows what was saved', async () => {
    const s = createAppStore(
      apiWith({ getSettings: async () => ({ technicianView: true, theme: 'system' as const }) }),
    );
    expect(s.getState().settings.technicianView).toBe(false);
    await s.getState().loadSettings();
    expect(s.getState().settings).toEqual({ technicianView: true, theme: 'system', error: null });
  });

  it('keeps the defaults, quietly, when the settings cannot be read', async () => {
    const s = createAppStore(
      apiWith({
        getSettings: async () => {
          throw new Error('This is not available in the cli');
        },
      }),
    );
    await s.getState().loadSettings();
    expect(s.getState().settings).toEqual({ technicianView: false, theme: 'system', error: null });
  });

  it('sends each change to be saved, and shows the saved answer', async () => {
    const sent: Partial<Settings>[] = [];
    const s = createAppStore(
      apiWith({
        changeSettings: async (change) => {
          sent.push(change);
          return { technicianView: change.technicianView ?? false, theme: change.theme ?? 'system' };
        },
      }),
    );
    await s.getState().setTechnicianView(true);
    expect(sent).toEqual([{ technicianView: true }]);
    expect(s.getState().settings.technicianView).toBe(true);
    await s.getState().setTechnicianView(false);
    expect(sent).toEqual([{ technicianView: true }, { technicianView: false }]);
    expect(s.getState().settings.technicianView).toBe(false);
  });

  it('the switch follows the click at once, and goes back with a reason when saving fails', async () => {
    const answer = later<Settings>();
    const s = createAppStore(apiWith({ changeSettings: () => answer.promise }));
    const changing = s.getState().setTechnicianView(true);
    expect(s.getState().settings.technicianView).toBe(true);
    answer.reject(new Error('read-only folder'));
    await changing;
    expect(s.getState().settings).toEqual({
      technicianView: false,
      theme: 'system',
      error: 'The technician view could not be saved: read-only folder',
    });
  });

  it('a change made while the saved settings are still being read is not undone by that read', async () => {
    const saved = later<Settings>();
    const s = createAppStore(
      apiWith({
        getSettings: () => saved.promise,
        changeSettings: async () => ({ technicianView: true, theme: 'system' as const }),
      }),
    );
    const loading = s.getState().loadSettings();
    await s.getState().setTechnicianView(true);
    saved.resolve({ technicianView: false, theme: 'system' });
    await loading;
    expect(s.getState().settings.technicianView).toBe(true);
  });

  it('saves the theme like any setting, and keeps the old one with a reason when saving fails', async () => {
    const sent: Partial<Settings>[] = [];
    const s = createAppStore(
      apiWith({
        changeSettings: async (change) => {
          sent.push(change);
          if (change.theme === 'light') throw new Error('disk full');
          return { technicianView: false, theme: change.theme ?? 'system' };
        },
      }),
    );
    await s.getState().setTheme('dark');
    expect(sent).toEqual([{ theme: 'dark' }]);
    expect(s.getState().settings.theme).toBe('dark');
    await s.getState().setTheme('light');
    expect(s.getState().settings).toMatchObject({
      theme: 'dark',
      error: 'The theme could not be saved: disk full',
    });
  });
});
