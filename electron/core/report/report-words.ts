/**
 * The report's values in plain words, shared by the HTML page and the summary so both say the
 * same thing. Written for someone who has never heard of Handover: "virus definitions", not
 * "signatures"; "cannot tell", not "null".
 */
import type { Report, ReportDetection, ReportMigration } from './report-schema';

type Level = Report['verdict']['level'];

export const LEVEL_WORDS: Readonly<Record<Level, string>> = {
  protected: 'Protected',
  'at-risk': 'At risk',
  unprotected: 'Not protected',
  'cannot-tell': 'Cannot tell',
};

/** What the level means, one sentence, for someone reading the report cold. */
export const LEVEL_MEANING: Readonly<Record<Level, string>> = {
  protected: 'An antivirus is protecting this computer and its virus definitions are current.',
  'at-risk': 'Something protects this computer today, but a product on it needs attention.',
  unprotected: 'Nothing is protecting this computer as it should.',
  'cannot-tell': 'Handover could not tell whether this computer is protected: a person should look.',
};

export const PLATFORM_WORDS: Readonly<Record<Report['machine']['platform'], string>> = {
  windows: 'Windows',
  macos: 'macOS',
  linux: 'Linux',
};

export const STATUS_WORDS: Readonly<Record<ReportDetection['status'], string>> = {
  installed: 'installed',
  running: 'installed and running',
  leftover: 'parts left behind by a removed product',
};

export const STEP_STATE_WORDS: Readonly<Record<ReportMigration['steps'][number]['state'], string>> = {
  done: 'Done',
  current: 'Current step',
  upcoming: 'Still to do',
  skipped: 'Skipped',
};

export const SOURCE_STATUS_WORDS: Readonly<Record<Report['sources'][number]['status'], string>> = {
  read: 'Read',
  unreadable: 'Could not be read',
  'not-present': 'Not present',
};

export const ROUTE_WORDS: Readonly<
  Record<ReportMigration['removals'][number]['routes'][number]['kind'], string>
> = {
  'registered-uninstaller': "The product's own uninstaller",
  'package-manager': 'The package manager',
  'settings-apps': 'Settings › Apps',
  'vendor-uninstaller-app': "The vendor's uninstaller app",
};

/**
 * What needs doing, in order. A report of format 1 recorded no actions (null): it listed the
 * reasons that needed action instead, so those stand in, as that report showed them.
 */
export function actionTexts(report: Report): readonly string[] {
  return (
    report.verdict.actions?.map((a) => a.text) ??
    report.verdict.reasons.filter((r) => r.severity === 'action').map((r) => r.text)
  );
}

/** Real-time state, virus definitions and "protecting" are an antivirus's: a VPN has none. */
export const hasSignatures = (d: Pick<ReportDetection, 'kind'>) => d.kind === 'antivirus';

export function yesNo(value: boolean | null, unknown = 'cannot tell'): string {
  return value === null ? unknown : value ? 'yes' : 'no';
}

export function realtimeWords(value: boolean | null): string {
  return value === null ? 'real-time protection unknown' : `real-time protection ${value ? 'on' : 'off'}`;
}

/** The virus definitions' state as Handover judged it (the ban applied): "out of date (3020 days old)". */
export function definitionsWords(d: ReportDetection): string {
  const age = d.signatures.ageDays === null ? '' : ` (${daysWords(d.signatures.ageDays)} old)`;
  if (d.signatures.upToDate === null) return `unknown${age}`;
  return `${d.signatures.upToDate ? 'up to date' : 'out of date'}${age}`;
}

export function protectingWords(value: boolean | null): string {
  return value === null ? 'cannot tell whether it protects' : value ? 'protecting' : 'not protecting';
}

export function daysWords(days: number): string {
  return `${days} ${Math.abs(days) === 1 ? 'day' : 'days'}`;
}

/** "Kaspersky Endpoint Security for Windows 10 SP1" (the version only when known). */
export function productWithVersion(d: ReportDetection): string {
  return d.version ? `${d.name} ${d.version}` : d.name;
}

/** "banned in US: updates ended 29 September 2024", or null. */
export function banWords(d: ReportDetection): string | null {
  if (!d.ban) return null;
  const cutoff = d.ban.updatesEndDisplay;
  if (!cutoff) return `banned in ${d.ban.jurisdiction}`;
  return `banned in ${d.ban.jurisdiction}: updates ${d.ban.updatesEnded ? 'ended' : 'end'} ${cutoff}`;
}

/** The computer in words: "Windows 10 Pro 10.0.19045", or just the platform. */
export function systemWords(machine: Report['machine']): string {
  const os = [machine.osName, machine.osVersion].filter((p): p is string => Boolean(p)).join(' ');
  const base = os || PLATFORM_WORDS[machine.platform];
  return machine.isServer ? `${base} (server)` : base;
}

/** "United States (US), set by you", or "unknown" with how the search went. */
export function regionWords(region: Report['region']): string {
  const name = region.name && region.code ? `${region.name} (${region.code})` : (region.code ?? 'unknown');
  return `${name}, ${region.explanation}`;
}
