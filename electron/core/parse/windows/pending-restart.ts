/**
 * Pending-restart markers → PendingRestartObservation. Windows is waiting for a restart when one
 * of the markers Microsoft's own PendingReboot resource checks is set (ComputerManagementDsc's
 * PendingReboot, whose trigger list is ComponentBasedServicing, WindowsUpdate, PendingFileRename,
 * PendingComputerRename and CcmClientSDK; the Scripting Guys' "Determine Pending Reboot
 * Status—PowerShell Style!", 2013, lists the same places):
 *
 * - Component Based Servicing: HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based
 *   Servicing\RebootPending exists;
 * - Windows Update: HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\
 *   RebootRequired exists;
 * - a computer rename: ActiveComputerName\ComputerName differs from ComputerName\ComputerName;
 * - Configuration Manager: CCM_ClientUtilities.DetermineIfRebootPending (root\ccm\ClientSDK)
 *   says RebootPending or IsHardRebootPending (Microsoft Learn, Configuration Manager SDK).
 *
 * PendingFileRenameOperations (where MoveFileEx with MOVEFILE_DELAY_UNTIL_REBOOT records its
 * work) is counted but never taken as a pending restart on its own (issue 10 point 5): most
 * machines always have entries there, which is why the PendingReboot resource lets it be skipped.
 *
 * Two data shapes: the /2 script's {markers: {ComponentBasedServicing, WindowsUpdate,
 * PendingComputerRename?, ConfigurationManager?}, PendingFileRenameOperations: <count>}, and the
 * /1 script's {CbsRebootPending, WindowsUpdateRebootRequired, PendingFileRenameOperations: <bool>}
 * of older captures.
 */
import type { PendingRestartObservation } from '../../observations';
import type { SourceId } from '../../sources';
import { err, ok, type Result } from '../../util/result';
import { evidenceRecord, fieldReader, isRecord, type JsonRecord } from './convert-to-json-values';

/** Stable reason codes, in the order the script checks them, with the /2 and /1 field names. */
export const PENDING_RESTART_MARKERS = [
  { reason: 'component-based-servicing', field: 'ComponentBasedServicing', v1: 'CbsRebootPending' },
  { reason: 'windows-update', field: 'WindowsUpdate', v1: 'WindowsUpdateRebootRequired' },
  { reason: 'computer-rename', field: 'PendingComputerRename', v1: null },
  { reason: 'configuration-manager', field: 'ConfigurationManager', v1: null },
] as const;

function renameCount(value: unknown): string | undefined {
  if (typeof value === 'number' && value > 0) {
    return `${value} file ${value === 1 ? 'operation waits' : 'operations wait'} for a restart (PendingFileRenameOperations); on its own that is not a pending restart`;
  }
  if (value === true) {
    return 'file operations wait for a restart (PendingFileRenameOperations); on its own that is not a pending restart';
  }
  return undefined;
}

/** The observation when something waits for a restart; null when nothing does. */
export function parsePendingRestart(
  data: unknown,
  source: SourceId,
): Result<PendingRestartObservation | null> {
  if (!isRecord(data)) return err('the pending-restart markers are not an object');
  const v2 = isRecord(data.markers);
  const markers: JsonRecord = v2 ? (data.markers as JsonRecord) : data;
  const f = fieldReader(markers, 'pending restart');
  const reasons: string[] = [];
  const seen: Record<string, string> = {};
  let known = 0;
  for (const marker of PENDING_RESTART_MARKERS) {
    const field = v2 ? marker.field : marker.v1;
    if (field === null) continue;
    const value = f.boolean(field);
    if (value === undefined) continue;
    known++;
    if (value) {
      reasons.push(marker.reason);
      seen[marker.reason] = `${field} is set`;
    }
  }
  if (f.problems.length > 0) return err(f.problems.join('; '));
  if (known === 0 && !v2) return err('none of the pending-restart markers was read');
  if (known === 0) return err('none of the pending-restart markers could be read');
  if (reasons.length === 0) return ok(null);
  const renames = renameCount(data.PendingFileRenameOperations);
  if (renames) seen.PendingFileRenameOperations = renames;
  return ok({
    kind: 'pending-restart',
    reasons,
    evidence: { source, record: evidenceRecord(data), decoded: seen },
  });
}
