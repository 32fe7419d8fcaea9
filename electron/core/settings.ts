/**
 * The person's preferences, kept between runs (electron/files/settings-store.ts writes them):
 * their shape and defaults, shared by the store, the API and the window.
 */
export interface Settings {
  /** Adds the evidence, the reasoning, timings and what to say to the person, everywhere. */
  readonly technicianView: boolean;
}

export const DEFAULT_SETTINGS: Settings = { technicianView: false };
