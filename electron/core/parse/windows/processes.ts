/**
 * Win32_Process Name, ProcessId, ExecutablePath → ProcessObservation. ExecutablePath is empty
 * for processes the scanning user may not open (protected and other users' processes), so it is
 * optional. Kaspersky's processes: avp.exe, avpui.exe, ksde.exe, ksdeui.exe, kpm.exe [S45].
 */
import type { ProcessObservation } from '../../observations';
import type { SourceId } from '../../sources';
import { err, ok, type Result } from '../../util/result';
import { asList, fieldReader, isRecord, lazyEvidence } from './convert-to-json-values';

export function parseProcesses(data: unknown, source: SourceId): Result<ProcessObservation[]> {
  const observations: ProcessObservation[] = [];
  for (const [index, record] of asList(data).entries()) {
    const where = `process ${index + 1}`;
    if (!isRecord(record)) return err(`${where} is not an object`);
    const f = fieldReader(record, where);
    const name = f.string('Name');
    const pid = f.number('ProcessId');
    const path = f.string('ExecutablePath');
    if (f.problems.length > 0) return err(f.problems.join('; '));
    if (name === undefined) return err(`${where} has no Name`);
    observations.push({
      kind: 'process',
      name,
      ...(path ? { path } : {}),
      ...(pid !== undefined ? { pid } : {}),
      evidence: lazyEvidence(source, record),
    });
  }
  return ok(observations);
}
