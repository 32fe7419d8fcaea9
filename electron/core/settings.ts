/**
 * The person's preferences, kept between runs (electron/files/settings-store.ts writes them):
 * their shape and defaults, shared by the store, the API and the window.
 */

/** How the window looks: as the system says (prefers-color-scheme), or always light or dark. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface Settings {
  /** Adds the evidence, the reasoning, timings and what to say to the person, everywhere. */
  readonly technicianView: boolean;
  /** Light or dark; 'system' follows the operating system's setting. */
  readonly theme: Theme;
}

export const DEFAULT_SETTINGS: Settings = { technicianView: false, theme: 'system' };
