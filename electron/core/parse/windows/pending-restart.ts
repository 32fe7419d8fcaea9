/**
 * Pending-restart markers → PendingRestartObservation: the Component Based Servicing
 * RebootPending key, the WindowsUpdate\Auto Update\RebootRequired key, and a
 * PendingFileRenameOperations value under Session Manager (where MoveFileEx with
 * MOVEFILE_DELAY_UNTIL_REBOOT records its work: Microsoft Learn, "MoveFileExW"). A removal
 * that must finish at restart shows up here, so the migration plan can ask for one.
 */
import type { PendingRestartObservation } from '../../observations';
import type { SourceId } from '../../sources';
import { err, ok, type Result } from '../../util/result';
import { evidenceRecord, fieldReader, isRecord } from './convert-to-json-values';

/** Stable reason codes, in the order the script checks them. */
export const PENDING_RESTART_MARKERS = [
  ['CbsRebootPending', 'component-based-servicing'],
  ['WindowsUpdateRebootRequired', 'windows-update'],
  ['PendingFileRenameOperations', 'pending-file-rename'],
] as const;

/** The observation when something waits for a restart; null when nothing does. */
export function parsePendingRestart(
  data: unknown,
  source: SourceId,
): Result<PendingRestartObservation | null> {
  if (!isRecord(data)) return err('the pending-restart markers are not an object');
  const f = fieldReader(data, 'pending restart');
  const reasons: string[] = [];
  let known = 0;
  for (const [field, reason] of PENDING_RESTART_MARKERS) {
    const value = f.boolean(field);
    if (value !== undefined) known++;
    if (value) reasons.push(reason);
  }
  if (f.problems.length > 0) return err(f.problems.join('; '));
  if (known === 0) return err('none of the pending-restart markers was read');
  return ok(
    reasons.length > 0
      ? { kind: 'pending-restart', reasons, evidence: { source, record: evidenceRecord(data) } }
      : null,
  );
}
