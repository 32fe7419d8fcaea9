/**
 * One store per Api, made of slices (zustand's slices pattern, docs/learn/guides/slices-pattern.md in the zustand repository).
 * A factory rather than a module-level store, so each test and each window gets its own.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../../electron/api/contract';
import { createAppInfoSlice } from './app-info-slice';
import { createFleetSlice } from './fleet-slice';
import { createHelpDeskSlice } from './help-desk-slice';
import { createJourneySlice } from './journey-slice';
import { createScanSlice } from './scan-slice';
import { createSettingsSlice } from './settings-slice';
import type { AppState, StoreDeps } from './types';
import { createViewingSlice } from './viewing-slice';

export type AppStore = StoreApi<AppState>;

export interface AppStoreOptions {
  /** Delay between progress polls; about 150 ms in the window. */
  readonly pollMs?: number;
  readonly wait?: (ms: number) => Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createAppStore(api: Api, options: AppStoreOptions = {}): AppStore {
  const deps: StoreDeps = { api, pollMs: options.pollMs ?? 150, wait: options.wait ?? sleep };
  return createStore<AppState>()((...a) => ({
    ...createScanSlice(deps)(...a),
    ...createAppInfoSlice(deps)(...a),
    ...createJourneySlice(deps)(...a),
    ...createSettingsSlice(deps)(...a),
    ...createHelpDeskSlice(deps)(...a),
    ...createViewingSlice(deps)(...a),
    ...createFleetSlice(deps)(...a),
  }));
}
