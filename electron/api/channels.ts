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
  'getJourney',
  'changeJourney',
  'previewRemoval',
  'previewRestartResume',
  'previewSignatureUpdate',
  'confirmAction',
  'openDownloadPage',
  'convertPasswordExport',
  'getSettings',
  'changeSettings',
  'getSupportCode',
  'decodeSupportCode',
  'saveReport',
  'copySummary',
  'saveDiagnostics',
  'openDiagnostics',
  'closeDiagnostics',
  'getViewing',
] as const satisfies readonly ApiMethod[];

/** Empty when every Api method is listed above: the check below fails to compile otherwise. */
type UnlistedMethods = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
export const EVERY_METHOD_LISTED: [UnlistedMethods] extends [never] ? true : never = true;

/** The name the bridge has on `window` (window.handover). */
export const BRIDGE_NAME = 'handover';

export const channelFor = (method: ApiMethod): string => `handover:${method}`;
