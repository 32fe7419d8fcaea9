/**
 * What osquery cannot tell, said where it matters. An imported capture holds only what osquery's
 * tables read (fleet.md §1.3): no product's own status (kesl-control, mdatp health, Defender's
 * Get-MpComputerStatus, Network Agent's AVState files), no file contents (ClamAV's database
 * headers, freshclam's log). So an antivirus found through osquery may have no known protection
 * state or signature date. For each such antivirus the finding gets one more piece of evidence,
 * "cannot tell from osquery", saying what osquery did see and what to check; and the scan gets an
 * unreadable source naming them, which the verdict lists among its reasons. Nothing is guessed:
 * the state stays unknown, and the verdict's own rules say "could not tell" (level-rules.ts).
 */
import type { Evidence, SourceReport } from '../observations';
import type { Detection } from '../scan-result';
import { type SourceId, sourceLabel } from '../sources';

const SOURCE: SourceId = 'osquery.product-status';

const PLATFORM_CHECK: Readonly<Record<'windows' | 'macos' | 'linux', string>> = {
  windows:
    "run Handover on the computer (handover scan reads Security Center's full record and Defender's own status), or check the product's console",
  linux:
    "run Handover on the computer (handover scan asks the product itself: kesl-control, mdatp health, freshclam's log, ClamAV's database headers), or check the product's console",
  macos:
    "run Handover on the Mac (handover scan asks the product itself: mdatp health, sentinelctl, falconctl, Network Agent's files), or check the product's console",
};

function unknowns(detection: Detection): string[] {
  const missing: string[] = [];
  if (detection.realtime === null) missing.push('whether its real-time protection is on');
  if (detection.signatures.upToDate === null) missing.push('how old its virus signatures are');
  return missing;
}

function seenIn(detection: Detection): string {
  const labels = [...new Set(detection.evidence.map((e) => sourceLabel(e.source)))];
  return labels.join('; ');
}

export interface OsqueryGaps {
  readonly detections: readonly Detection[];
  readonly source: SourceReport | null;
}

/** The detections with "cannot tell from osquery" where their state is unknown, and the source to report. */
export function osqueryGaps(
  detections: readonly Detection[],
  platform: 'windows' | 'macos' | 'linux',
): OsqueryGaps {
  const gaps: string[] = [];
  const annotated = detections.map((detection): Detection => {
    if (detection.kind !== 'antivirus' || detection.status === 'leftover' || detection.protecting !== null)
      return detection;
    const missing = unknowns(detection);
    if (missing.length === 0) return detection;
    gaps.push(detection.name);
    const note: Evidence = {
      source: SOURCE,
      record: `${detection.name}: cannot tell from osquery ${missing.join(' or ')}`,
      decoded: {
        'What osquery saw': seenIn(detection),
        'Cannot tell from osquery': `${missing.join('; ')}: osquery runs no commands and reads no file contents, and this product reports them only that way`,
        'To check': PLATFORM_CHECK[platform],
      },
    };
    return { ...detection, evidence: [...detection.evidence, note] };
  });
  if (gaps.length === 0) return { detections: annotated, source: null };
  return {
    detections: annotated,
    source: {
      id: SOURCE,
      label: sourceLabel(SOURCE),
      status: 'unreadable',
      reason: `could not read the protection state of ${gaps.join(', ')} because osquery cannot tell it: to know, ${PLATFORM_CHECK[platform]}`,
      records: 0,
    },
  };
}
