/**
 * Words for the screen. Dates are formatted in ./dates.ts, the one module that formats them.
 */
import type { DetectionStatus, ProbeProgress, SourceReport, VerdictLevel } from '../../electron/api/contract';

const count = new Intl.NumberFormat('en');

/** Age of a database: 0 → "from today", 1 → "1 day old", 3020 → "3,020 days old". */
export function ageInDays(days: number): string {
  if (days <= 0) return 'from today';
  return `${count.format(days)} ${days === 1 ? 'day' : 'days'} old`;
}

export const LEVEL_WORDS: Record<VerdictLevel, string> = {
  protected: 'Protected',
  'at-risk': 'At risk',
  unprotected: 'Not protected',
  'cannot-tell': 'Cannot tell',
};

export const STATUS_WORDS: Record<DetectionStatus, string> = {
  installed: 'Installed',
  running: 'Installed and running',
  leftover: 'Left behind (parts of a removed program)',
};

export function onOffUnknown(value: boolean | null): string {
  if (value === null) return 'Not known';
  return value ? 'On' : 'Off';
}

export function yesNoUnknown(value: boolean | null): string {
  if (value === null) return 'Not known';
  return value ? 'Yes' : 'No';
}

export const PROBE_STATE_WORDS: Record<ProbeProgress['state'], string> = {
  pending: 'Waiting',
  running: 'Checking…',
  done: 'Done',
  failed: 'Could not finish',
};

export const SOURCE_STATUS_WORDS: Record<SourceReport['status'], string> = {
  read: 'Read',
  unreadable: 'Could not read',
  'not-present': 'Not on this computer',
};
