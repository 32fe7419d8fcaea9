/**
 * The checks every IPC call passes before a handler runs (no 'electron' import, so they are
 * unit-tested in plain Node): the sender must be our own window showing our own page
 * (checklist item 17), and the arguments must match the method's schema.
 */
import { z } from 'zod';
import type { ApiMethod } from '../api/contract';
import { STEP_IDS } from '../core/plan/migration-steps';
import { isCountryCode } from '../core/region/countries';

/** The origin our renderer is served from (see app-protocol.ts). */
export const APP_ORIGIN = 'app://handover';

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
  changeJourney: z.tuple([journeyChange]),
  previewRemoval: z.tuple([shortId]),
  previewRestartResume: z.tuple([]),
  previewSignatureUpdate: z.tuple([]),
  confirmAction: z.tuple([z.string().regex(/^[0-9a-f]{32}$/)]),
  openDownloadPage: z.tuple([shortId]),
  convertPasswordExport: z.tuple([z.enum(['bitwarden', '1password', 'chrome', 'firefox'])]),
  getSettings: z.tuple([]),
  changeSettings: z.tuple([z.object({ technicianView: z.boolean().optional() }).strict()]),
  getSupportCode: z.tuple([]),
  // Generous: the decoder says what is wrong with a code; the guard only stops abuse.
  decodeSupportCode: z.tuple([z.string().max(64)]),
  saveReport: z.tuple([z.enum(['json', 'html', 'pdf'])]),
  copySummary: z.tuple([]),
  saveDiagnostics: z.tuple([z.object({ hidePersonalDetails: z.boolean() }).strict()]),
  openDiagnostics: z.tuple([]),
  closeDiagnostics: z.tuple([]),
  getViewing: z.tuple([]),
};

export function isTrustedSenderUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

export type GuardResult = { ok: true; args: unknown[] } | { ok: false; error: string };

export function checkCall(method: ApiMethod, senderUrl: string | undefined, args: unknown[]): GuardResult {
  if (!isTrustedSenderUrl(senderUrl))
    return { ok: false, error: `Refused ${method}: the sender is not Handover's window` };
  // Trailing undefined optional arguments arrive as-is from invoke(); drop them before checking.
  const trimmed = [...args];
  while (trimmed.length > 0 && trimmed.at(-1) === undefined) trimmed.pop();
  const parsed = argumentSchemas[method].safeParse(trimmed);
  if (!parsed.success) return { ok: false, error: `Refused ${method}: invalid arguments` };
  return { ok: true, args: parsed.data };
}
