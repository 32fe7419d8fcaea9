/**
 * The methods the window may call, and how they are named on the wire. The preload builds its
 * invoke-only bridge from this list and main registers exactly these channels; the e2e harness
 * builds the same bridge, so the renderer cannot tell the hosts apart.
 */
import type { ApiMethod } from './contract';

/** The scan's part, which every host has. */
export const SCAN_METHODS = [
  'appInfo',
  'scan',
  'startScan',
  'getScanProgress',
] as const satisfies readonly ApiMethod[];

/** The guided migration's part: the window's hosts have it, the CLI answers that it has not. */
export const JOURNEY_METHODS = [
  'getJourney',
  'changeJourney',
  'checkPreflight',
  'previewRemoval',
  'previewRestartResume',
  'previewSignatureUpdate',
  'confirmAction',
  'openDownloadPage',
  'convertPasswordExport',
  'deleteConvertedFile',
] as const satisfies readonly ApiMethod[];

/** The help desk's part (settings, support codes, reports, diagnostics): the window's hosts only. */
export const HELP_DESK_METHODS = [
  'getSettings',
  'changeSettings',
  'getSupportCode',
  'decodeSupportCode',
  'saveReport',
  'savePlan',
  'copySummary',
  'saveDiagnostics',
  'openDiagnostics',
  'closeDiagnostics',
  'getViewing',
  'openFleetFolder',
  'viewFleetMachine',
  'exportFleetCsv',
] as const satisfies readonly ApiMethod[];

export const API_METHODS = [...SCAN_METHODS, ...JOURNEY_METHODS, ...HELP_DESK_METHODS] as const;

/** Empty when every Api method is listed above: the check below fails to compile otherwise. */
type UnlistedMethods = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
export const EVERY_METHOD_LISTED: [UnlistedMethods] extends [never] ? true : never = true;

/** The name the bridge has on `window` (window.handover). */
export const BRIDGE_NAME = 'handover';

export const channelFor = (method: ApiMethod): string => `handover:${method}`;
