import type { StateCreator } from 'zustand/vanilla';
import type { AppInfoSlice, AppState, StoreDeps } from './types';

export const createAppInfoSlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], AppInfoSlice> =>
  (set) => ({
    appInfo: null,
    async loadAppInfo() {
      // The version line in the footer is optional; the scan reports its own errors.
      const answer = await deps.api.appInfo();
      if (answer.kind === 'done') set({ appInfo: answer.value });
    },
  });
