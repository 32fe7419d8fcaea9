/**
 * The methods the window may call, and how they are named on the wire. The preload builds its
 * invoke-only bridge from this list and main registers exactly these channels; the e2e harness
 * builds the same bridge, so the renderer cannot tell the hosts apart.
 */
import type { ApiMethod } from './contract';

export const API_METHODS = [
  'appInfo',
  'scan',
  'startScan',
  'getScanProgress',
] as const satisfies readonly ApiMethod[];

/** The name the bridge has on `window` (window.handover). */
export const BRIDGE_NAME = 'handover';

export const channelFor = (method: ApiMethod): string => `handover:${method}`;
