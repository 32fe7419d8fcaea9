/** The short, plain human output of `handover scan`. */
import type { Detection, ScanResult, VerdictLevel } from '../api/contract';

const LEVEL_WORDS: Record<VerdictLevel, string> = {
  protected: 'PROTECTED',
  'at-risk': 'AT RISK',
  unprotected: 'NOT PROTECTED',
  'cannot-tell': 'CANNOT TELL',
};

function onOff(value: boolean | null): string {
  return value === null ? 'unknown' : value ? 'on' : 'off';
}

function signatures(d: Detection): string {
  const { date, ageDays, upToDate } = d.signatures;
  const state = upToDate === null ? '' : upToDate ? ', current' : ', out of date';
  if (date) return `${date.slice(0, 10)} (${ageDays} days old${state})`;
  if (upToDate === false) return d.signatures.reportedUpToDate === true ? 'out of date' : 'none found';
  return upToDate ? 'current (no date shown)' : 'unknown';
}

function productLine(d: Detection): string {
  const version = d.version ? ` ${d.version}` : '';
  const banned = d.ban ? `; BANNED in ${d.ban.jurisdiction}` : '';
  const lines = [`  - ${d.name}${version} (${d.kind}, ${d.status})${banned}`];
  if (d.kind === 'antivirus' && d.status !== 'leftover') {
    lines.push(`      real-time protection ${onOff(d.realtime)}; signatures ${signatures(d)}`);
  }
  return lines.join('\n');
}

/** supportCode: the code to read out to whoever helps (docs/support-code.md), printed last. */
export function formatScan(result: ScanResult, supportCode: string | null = null): string {
  const { verdict, region, machine } = result;
  const out: string[] = [];
  const where = [machine.hostname, machine.osName].filter(Boolean).join(', ');
  out.push(`Handover ${result.replayed ? 'replay' : 'scan'}${where ? ` of ${where}` : ''}`);
  out.push('');
  out.push(`${LEVEL_WORDS[verdict.level]}: ${verdict.headline}`);
  if (verdict.deadline) {
    const d = verdict.deadline;
    out.push(
      d.daysSince >= 0
        ? `Updates ended on ${d.display} (${d.daysSince} days ago).`
        : `Updates end on ${d.display} (in ${-d.daysSince} days).`,
    );
  }
  const actions = verdict.reasons.filter((r) => r.severity === 'action');
  if (actions.length > 0) {
    out.push('', 'What needs doing:');
    for (const reason of actions) out.push(`  - ${reason.text}`);
  }
  out.push('', result.detections.length > 0 ? 'Found:' : 'No security products found.');
  for (const d of result.detections) out.push(productLine(d));
  const unreadable = result.sources.filter((s) => s.status === 'unreadable');
  if (unreadable.length > 0) {
    out.push('', 'Could not read:');
    for (const s of unreadable) out.push(`  - ${s.label}: ${s.reason ?? 'unknown reason'}`);
  }
  out.push(
    '',
    region.code
      ? `Region: ${region.name} (${region.code}), ${region.explanation}.`
      : `Region: unknown (${region.explanation}). Pass --region CC to choose one.`,
  );
  if (supportCode) out.push(`Support code: ${supportCode} (read it to whoever helps you).`);
  return `${out.join('\n')}\n`;
}

/** 0 protected, 1 action needed, 2 could not run (set by the caller). */
export function exitCodeFor(result: ScanResult): 0 | 1 {
  return result.verdict.level === 'protected' ? 0 : 1;
}
