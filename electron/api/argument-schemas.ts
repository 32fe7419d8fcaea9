/**
 * What every api method accepts, as schemas: each call is checked against its method's schema
 * before a handler runs, by every host that takes calls from a window (Electron's IPC binding,
 * electron/main/ipc.ts, and the e2e bridge, e2e/fixtures.ts), so the tests exercise the same guard
 * the app runs. Generous where the handler itself says what is wrong (a support code), strict
 * everywhere else: unknown keys, wrong types and oversized strings are refused.
 */

import { z } from 'zod';
import { STEP_IDS } from '../core/plan/migration-steps';
import { isCountryCode } from '../core/region/countries';
import { THEMES } from '../core/settings';
import { err, ok, type Result } from '../core/util/result';
import type { ApiMethod } from './contract';

const scanOptions = z
  .object({
    // A country's ISO code, as the window's chooser offers them: "XX" or "EU" is no country.
    region: z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .refine((code) => isCountryCode(code.toUpperCase()))
      .optional(),
  })
  .strict();

const stepId = z.enum(STEP_IDS);
const shortId = z.string().min(1).max(200);
const journeyChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('start') }).strict(),
  z.object({ kind: z.literal('move'), stepId }).strict(),
  z.object({ kind: z.literal('tick'), itemId: shortId, ticked: z.boolean() }).strict(),
  z.object({ kind: z.literal('choose'), alternativeId: shortId }).strict(),
  z.object({ kind: z.literal('removed-another-way'), detectionId: shortId }).strict(),
  z.object({ kind: z.literal('start-over') }).strict(),
]);

export const argumentSchemas: Record<ApiMethod, z.ZodType<unknown[]>> = {
  appInfo: z.tuple([]),
  scan: z.tuple([scanOptions.optional()]),
  startScan: z.tuple([scanOptions.optional()]),
  getScanProgress: z.tuple([z.string().regex(/^scan-\d{1,9}$/)]),
  getJourney: z.tuple([]),
  checkPreflight: z.tuple([]),
  changeJourney: z.tuple([journeyChange]),
  previewRemoval: z.tuple([shortId]),
  previewRestartResume: z.tuple([]),
  previewSignatureUpdate: z.tuple([]),
  confirmAction: z.tuple([z.string().regex(/^[0-9a-f]{32}$/)]),
  openDownloadPage: z.tuple([shortId]),
  convertPasswordExport: z.tuple([z.enum(['bitwarden', '1password', 'chrome', 'firefox'])]),
  // The handler deletes only a path it wrote itself; the guard only stops abuse.
  deleteConvertedFile: z.tuple([z.string().min(1).max(4096)]),
  getSettings: z.tuple([]),
  changeSettings: z.tuple([
    z.object({ technicianView: z.boolean().optional(), theme: z.enum(THEMES).optional() }).strict(),
  ]),
  getSupportCode: z.tuple([]),
  // Generous: the decoder says what is wrong with a code; the guard only stops abuse.
  decodeSupportCode: z.tuple([z.string().max(64)]),
  saveReport: z.tuple([z.enum(['json', 'html', 'pdf'])]),
  savePlan: z.tuple([]),
  copySummary: z.tuple([]),
  saveDiagnostics: z.tuple([z.object({ hidePersonalDetails: z.boolean() }).strict()]),
  openDiagnostics: z.tuple([]),
  closeDiagnostics: z.tuple([]),
  getViewing: z.tuple([]),
  openFleetFolder: z.tuple([]),
  // The handler opens only a file the open folder's summary lists; the guard only stops abuse.
  viewFleetMachine: z.tuple([z.string().min(1).max(1024)]),
  exportFleetCsv: z.tuple([]),
};

/** The arguments as the handler will get them, or why the call is refused. */
export function checkArguments(method: ApiMethod, args: readonly unknown[]): Result<unknown[]> {
  // Trailing undefined optional arguments arrive as-is from invoke(); drop them before checking.
  const trimmed = [...args];
  while (trimmed.length > 0 && trimmed.at(-1) === undefined) trimmed.pop();
  const parsed = argumentSchemas[method].safeParse(trimmed);
  return parsed.success ? ok(parsed.data) : err(`Refused ${method}: invalid arguments`);
}
