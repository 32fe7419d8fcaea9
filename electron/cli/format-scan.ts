/** The short, plain human output of `handover scan`. */
import type { Detection, ScanResult, VerdictLevel } from '../api/contract';
import { dayCount } from '../core/policy/days';

const LEVEL_WORDS: Record<VerdictLevel, string> = {
  protected: 'PROTECTED',
  'at-risk': 'AT RISK',
  unprotected: 'NOT PROTECTED',
  'cannot-tell': 'CANNOT TELL',
};

/**
 * A value from the capture stays on the line of ours it is part of: a name with a line break
 * cannot start a line that looks like Handover's ("PROTECTED: ..."). Control characters are made
 * visible by the CLI's output (main.ts) for everything printed.
 */
const line = (text: string) => text.replace(/[\r\n\v\f\u0085\u2028\u2029]+/g, ' ');

function onOff(value: boolean | null): string {
  return value === null ? 'unknown' : value ? 'on' : 'off';
}

/**
 * The signature state in words, with what each figure counts. Without a date, Security Center's
 * bit (or the product's flag) is the product's claim, and is worded so.
 */
function signatures(d: Detection): string {
  const { date, ageDays, upToDate, reportedUpToDate } = d.signatures;
  const state = upToDate === null ? '' : upToDate ? ', current' : ', out of date';
  if (date)
    return `${date.slice(0, 10)} (${ageDays === null ? 'age unknown' : `${dayCount(ageDays)} old`}${state})`;
  if (d.ban?.updatesEnded) return `no date shown, no updates since ${d.ban.updatesEndDisplay}`;
  if (reportedUpToDate === true) return 'no date shown, the product reports them up to date';
  if (reportedUpToDate === false) return 'no date shown, the product reports them out of date';
  return 'unknown';
}

function productLines(d: Detection, steppedAside: ReadonlySet<string>): string[] {
  const version = d.version ? ` ${d.version}` : '';
  const banned = d.ban ? `; BANNED in ${d.ban.jurisdiction}` : '';
  const aside = steppedAside.has(d.id) ? '; stepped aside for another antivirus, as designed' : '';
  const lines = [line(`  - ${d.name}${version} (${d.kind}, ${d.status})${banned}${aside}`)];
  // Real-time protection and virus signatures are an antivirus's: a VPN or password manager has none.
  if (d.kind === 'antivirus' && d.status !== 'leftover') {
    lines.push(line(`      real-time protection ${onOff(d.realtime)}; virus signatures: ${signatures(d)}`));
  }
  return lines;
}

/** supportCode: the code to read out to whoever helps (docs/support-code.md), printed last. */
export function formatScan(result: ScanResult, supportCode: string | null = null): string {
  const { verdict, region, machine } = result;
  const out: string[] = [];
  const where = [machine.hostname, machine.osName].filter(Boolean).join(', ');
  out.push(line(`Handover ${result.replayed ? 'replay' : 'scan'}${where ? ` of ${where}` : ''}`));
  out.push('');
  out.push(line(`${LEVEL_WORDS[verdict.level]}: ${verdict.headline}`));
  if (verdict.deadline) {
    const d = verdict.deadline;
    out.push(
      d.daysSince >= 0
        ? `Updates ended on ${d.display} (${dayCount(d.daysSince)} ago).`
        : `Updates end on ${d.display} (in ${dayCount(-d.daysSince)}).`,
    );
  }
  if (verdict.actions.length > 0) {
    out.push('', 'What needs doing:');
    verdict.actions.forEach((action, i) => {
      const how =
        action.code === 'choose-region' ? ' Pass --region with its code or name (US, "Germany").' : '';
      out.push(line(`  ${i + 1}. ${action.text}${how}`));
    });
  }
  const why = verdict.reasons.filter((r) => r.code !== 'source-unreadable');
  if (why.length > 0) {
    out.push('', 'Why:');
    for (const reason of why) out.push(line(`  - ${reason.text}`));
  }
  const steppedAside = new Set(
    verdict.reasons.filter((r) => r.code === 'stepped-aside').flatMap((r) => r.detectionIds),
  );
  out.push('', result.detections.length > 0 ? 'Found:' : 'No security products found.');
  for (const d of result.detections) out.push(...productLines(d, steppedAside));
  const unreadable = result.sources.filter((s) => s.status === 'unreadable');
  if (unreadable.length > 0) {
    out.push('', 'Could not read:');
    for (const s of unreadable) out.push(line(`  - ${s.label}: ${s.reason ?? 'unknown reason'}`));
  }
  out.push(
    '',
    line(
      region.code
        ? `Region: ${region.name} (${region.code}), ${region.explanation}.`
        : `Region: unknown (${region.explanation}). Pass --region with a country's code or name to choose one.`,
    ),
  );
  if (supportCode) out.push(`Support code: ${supportCode} (read it to whoever helps you).`);
  return `${out.join('\n')}\n`;
}
