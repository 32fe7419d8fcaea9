/**
 * Kaspersky Network Agent's AVState text files [S70] as a ProductStatusObservation (hint
 * 'kaspersky'): databases release date (UTC), real-time protection state, administration server.
 */
import type { ProbeRecord } from '../../capture';
import type { ProductStatusObservation } from '../../observations';
import { parseKlnagentAvState } from '../../parse/linux/klnagent-avstate';
import type { SourceId } from '../../sources';
import { couldNotRead, directoryRecords, evidence, failureOf, fileRecords } from './record-status';

export interface AvStateResult {
  readonly observation: ProductStatusObservation | null;
  readonly status: 'read' | 'unreadable' | 'not-present';
  readonly reason?: string;
}

export function observeAvState(
  source: SourceId,
  folder: string,
  records: readonly ProbeRecord[],
): AvStateResult {
  const listing = directoryRecords(records).find((record) => record.path === folder);
  if (!listing || listing.outcome === 'missing')
    return { observation: null, status: 'not-present', reason: `${folder} does not exist` };
  if (listing.outcome !== 'ok')
    return {
      observation: null,
      status: 'unreadable',
      reason: couldNotRead('Network Agent’s protection state', failureOf(listing)),
    };
  const prefix = `${folder.replace(/\/$/, '')}/`;
  const files = fileRecords(records).filter((record) => record.path.startsWith(prefix));
  const readable = files.filter((record) => record.outcome === 'ok');
  if (readable.length === 0)
    return files.length === 0
      ? { observation: null, status: 'read' }
      : {
          observation: null,
          status: 'unreadable',
          reason: couldNotRead('Network Agent’s protection state', failureOf(files[0] as ProbeRecord)),
        };
  const state = parseKlnagentAvState(
    readable.map((record) => ({ name: record.path.slice(prefix.length), content: record.content })),
  );
  const decoded: Record<string, string> = {};
  if (state.basesDatePrinted) decoded.Protection_BasesDate = `${state.basesDatePrinted} (UTC per [S70])`;
  if (state.rtpState !== null)
    decoded.Protection_RtpState = `${state.rtpState} = ${state.rtpStateName ?? 'not a documented value'}`;
  const avRunning = state.values.get('Protection_AvRunning');
  if (avRunning !== undefined) decoded.Protection_AvRunning = avRunning;
  if (state.avInstalled !== null)
    decoded.Protection_AvInstalled = state.avInstalled ? '1 (installed)' : '0 (not installed)';
  if (state.nagentVersion) decoded.Protection_NagentVersion = state.nagentVersion;
  const shown = [...state.values].map(([key, value]) => `${key}=${value}`).join('; ');
  const observation: ProductStatusObservation = {
    kind: 'product-status',
    hint: 'kaspersky',
    realtime: state.realtime,
    signaturesDate: state.basesDate,
    ...(state.adminServer ? { managedBy: state.adminServer } : {}),
    evidence: evidence(source, `${folder}: ${shown}`, decoded),
  };
  return { observation, status: 'read' };
}
