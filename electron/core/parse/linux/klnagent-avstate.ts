/**
 * Kaspersky Network Agent's anti-virus state. On Windows it is the registry key
 * Components\34\1103\1.0.0.0\Statistics\AVState; on Linux and macOS the same values are "separate
 * text files, one for each type of data" in …/1103/1.0.0.0/Statistics/AVState/ [S70]. Keys:
 * Protection_BasesDate ('DD-MM-YYYY HH-MM-SS', UTC, databases release), Protection_RtpState
 * (0 unknown, 1 disabled, 2 paused, 3 starting, 4 enabled, 5 high, 6 low, 7 recommended,
 * 8 custom, 9 failure), Protection_AvRunning (1 = RTP enabled), Protection_AvInstalled,
 * Protection_AdmServer, Protection_LastConnected, Protection_NagentVersion [S70].
 * That each file is named after its key is our reading of "one for each type of data": no real
 * listing of the folder has been published (the parser also accepts a '.txt'-style extension).
 */
import { isoFromNagentDate } from './printed-dates';

export interface AvStateFile {
  readonly name: string;
  readonly content: string;
}

export interface KlnagentAvState {
  readonly values: ReadonlyMap<string, string>;
  readonly basesDatePrinted: string | null;
  /** ISO 8601 (the source is UTC). */
  readonly basesDate: string | null;
  readonly rtpState: number | null;
  readonly rtpStateName: string | null;
  /** From Protection_RtpState, else Protection_AvRunning; null when neither tells. */
  readonly realtime: boolean | null;
  readonly adminServer: string | null;
  readonly avInstalled: boolean | null;
  readonly nagentVersion: string | null;
}

const RTP_STATES = [
  'unknown',
  'disabled',
  'paused',
  'starting',
  'enabled',
  'high',
  'low',
  'recommended',
  'custom',
  'failure',
] as const;

/** 4–8 are protection levels that are on; 1, 2 and 9 are off; 0 and 3 do not tell. */
function rtpRealtime(state: number): boolean | null {
  if (state >= 4 && state <= 8) return true;
  if (state === 1 || state === 2 || state === 9) return false;
  return null;
}

function flag(value: string | undefined): boolean | null {
  if (value === '1') return true;
  if (value === '0') return false;
  return null;
}

export function parseKlnagentAvState(files: readonly AvStateFile[]): KlnagentAvState {
  const values = new Map<string, string>();
  for (const file of files) {
    const key = file.name.replace(/\.[A-Za-z]{1,4}$/, '');
    values.set(
      key,
      file.content
        .replace(/^\uFEFF/, '')
        .replace(/\0/g, '')
        .trim(),
    );
  }
  const basesDatePrinted = values.get('Protection_BasesDate') || null;
  const rtpText = values.get('Protection_RtpState');
  const rtpState = rtpText && /^\d+$/.test(rtpText) ? Number(rtpText) : null;
  const fromRtp = rtpState === null ? null : rtpRealtime(rtpState);
  return {
    values,
    basesDatePrinted,
    basesDate: basesDatePrinted ? isoFromNagentDate(basesDatePrinted) : null,
    rtpState,
    rtpStateName: rtpState === null ? null : (RTP_STATES[rtpState] ?? null),
    realtime: fromRtp ?? flag(values.get('Protection_AvRunning')),
    adminServer: values.get('Protection_AdmServer') || null,
    avInstalled: flag(values.get('Protection_AvInstalled')),
    nagentVersion: values.get('Protection_NagentVersion') || null,
  };
}
