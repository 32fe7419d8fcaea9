/**
 * Words for the technician view and the help-desk section. Pure, so they are unit-tested. The
 * technician view shows the data behind the plain sentence (ids, codes, what the product itself
 * reports); the help-desk outcomes stay in plain words, since the person presses those buttons.
 */
import type { Detection, Reason, ScanResult, SourceReport } from '../../electron/api/contract';
import { daysAgo, formatDate } from './dates';
import { ageInDays, onOffUnknown, yesNoUnknown } from './format';
import type { HelpDeskOutcome, SavedWhat } from './store/types';

export interface FactLine {
  readonly label: string;
  readonly value: string;
}

/** The label a source report gives an evidence source id ("windows.wsc.antivirus" → "Windows Security Center"). */
export function sourceLabel(sources: readonly SourceReport[], id: string): string {
  return sources.find((s) => s.id === id)?.label ?? id;
}

const count = new Intl.NumberFormat('en');

/** Milliseconds as a person reads them: "31 ms", "1.2 s". */
export function duration(ms: number): string {
  if (ms < 1000) return `${count.format(Math.round(ms))} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The names of the detections a reason is about, in the reason's order; unknown ids as they are. */
export function reasonSubjects(reason: Reason, detections: readonly Detection[]): string[] {
  return reason.detectionIds.map((id) => detections.find((d) => d.id === id)?.name ?? id);
}

function banLine(d: Detection): string {
  const ban = d.ban;
  if (!ban)
    return d.advisories.length > 0
      ? `No (advisories only: ${d.advisories.map((a) => a.banId).join(', ')})`
      : 'No';
  const parts = [`Yes: ${ban.banId} (${ban.jurisdiction}, ${ban.binding ? 'binding' : 'not binding'})`];
  const cutoff = formatDate(ban.updatesEndAt) ?? ban.updatesEndDisplay;
  if (cutoff && ban.daysSinceUpdatesEnded !== null) {
    parts.push(
      `${ban.updatesEnded ? 'updates ended' : 'updates end'} ${cutoff}, ${daysAgo(ban.daysSinceUpdatesEnded)}`,
    );
  }
  if (ban.scope.length > 0) parts.push(`applies to ${ban.scope.join(', ')}`);
  return parts.join('; ');
}

function ageLine(d: Detection): string {
  const { date, dateFrom, ageDays, version } = d.signatures;
  const when = formatDate(date);
  const parts = [when ? (ageDays === null ? when : `${when} (${ageInDays(ageDays)})`) : 'date not shown'];
  if (version) parts.push(`version ${version}`);
  if (when && dateFrom) parts.push(`read from ${dateFrom.field}`);
  return parts.join(', ');
}

/** The version, and the field it was read from (a report, a DisplayVersion, or a name). */
function versionLine(d: Detection): string {
  if (!d.version) return 'not shown';
  return d.versionFrom ? `${d.version}, read from ${d.versionFrom.field}` : d.version;
}

/**
 * Why Handover judged this product as it did: each input to the verdict, with what the product
 * itself reports where Handover's judgement differs (a banned product past its cutoff says its
 * signatures are up to date; they no longer are, whatever it says).
 */
export function detectionReasoning(d: Detection): FactLine[] {
  const { upToDate, reportedUpToDate } = d.signatures;
  const lines: FactLine[] = [
    {
      label: 'Ids',
      value: `detection ${d.id}; catalog product ${d.productId ?? 'none (not in the catalog)'}`,
    },
    {
      label: 'Status',
      value: `${d.status}${d.builtIn ? ', built in' : ''}${d.business ? ', business edition' : ''}`,
    },
    { label: 'Version', value: versionLine(d) },
    { label: 'Ban in force', value: banLine(d) },
    { label: 'Signatures up to date, judged by Handover', value: yesNoUnknown(upToDate) },
    { label: 'Signatures up to date, as the product reports', value: yesNoUnknown(reportedUpToDate) },
  ];
  if (upToDate !== reportedUpToDate && upToDate === false && d.ban?.updatesEnded) {
    lines.push({
      label: 'Why they differ',
      value: 'The ban stopped its updates: its own flag cannot be trusted after the cutoff.',
    });
  }
  lines.push(
    { label: 'Signature database', value: ageLine(d) },
    { label: 'Real-time protection', value: onOffUnknown(d.realtime) },
    { label: 'Protecting now (real-time on and signatures current)', value: yesNoUnknown(d.protecting) },
  );
  return lines;
}

/** The reasons of the verdict that concern this detection. */
export function reasonsAbout(result: ScanResult, detectionId: string): Reason[] {
  return result.verdict.reasons.filter((r) => r.detectionIds.includes(detectionId));
}

/** Records longer than this are folded away (a <details>), so one record does not fill the screen. */
export function isLongRecord(record: string): boolean {
  return record.length > 400 || record.split('\n').length > 8;
}

const SAVED_WORDS: Readonly<Record<SavedWhat, string>> = {
  pdf: 'the report (PDF)',
  html: 'the report (web page)',
  json: 'the report (JSON data)',
  diagnostics: 'the diagnostics file',
  plan: 'the plan (PDF)',
};

/** The outcome of a save or copy in one plain sentence; the copied text itself is shown below it. */
export function outcomeText(outcome: HelpDeskOutcome): string {
  switch (outcome.kind) {
    case 'saved':
      return `Saved ${SAVED_WORDS[outcome.what]} to ${outcome.path}`;
    case 'failed':
      // The handlers say it whole ("Could not save /path: disk full", "There is no scan yet: …").
      return outcome.error;
    case 'copied':
      return 'Copied. This summary is now on the clipboard, ready to paste into an e-mail or a message:';
    case 'not-copied':
      return 'The clipboard could not be used. Select this summary and copy it yourself:';
  }
}
