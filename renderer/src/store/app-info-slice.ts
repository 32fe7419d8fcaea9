import type { StateCreator } from 'zustand/vanilla';
import type { AppInfoSlice, AppState, StoreDeps } from './types';

export const createAppInfoSlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], AppInfoSlice> =>
  (set) => ({
    appInfo: null,
    async loadAppInfo() {
      try {
        const appInfo = await deps.api.appInfo();
        set({ appInfo });
      } catch {
        // The version line in the footer is optional; the scan reports its own errors.
      }
    },
  });
