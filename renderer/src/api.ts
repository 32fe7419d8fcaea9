/**
 * The only module that touches window.handover: the invoke-only bridge that the preload
 * (Electron) or the e2e harness (e2e/fixtures.ts) puts on window. The rest of the renderer
 * gets the Api passed in (createAppStore(api)), so tests can hand it a fake.
 */
import type { Api } from '../../electron/api/contract';

declare global {
  interface Window {
    /** Set by the preload or the e2e harness; absent when the page is opened on its own. */
    readonly handover?: Api;
  }
}

/** The bridge, or null when the page runs without a host (a plain browser tab). */
export function getBridge(): Api | null {
  return window.handover ?? null;
}
