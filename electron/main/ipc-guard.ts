/**
 * The checks every IPC call passes before a handler runs (no 'electron' import, so they are
 * unit-tested in plain Node): the sender must be our own window showing our own page
 * (checklist item 17), and the arguments must match the method's schema (api/argument-schemas.ts,
 * which the e2e bridge runs too).
 */
import { checkArguments } from '../api/argument-schemas';
import type { ApiMethod } from '../api/contract';

/** The origin our renderer is served from (see app-protocol.ts). */
export const APP_ORIGIN = 'app://handover';

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
  const checked = checkArguments(method, args);
  return checked.ok ? { ok: true, args: checked.value } : { ok: false, error: checked.error };
}
