/**
 * The scan document's 'machine-id' section: `{ "MachineGuid": "<GUID>" }`, the REG_SZ value
 * HKLM\SOFTWARE\Microsoft\Cryptography\MachineGuid that Windows setup writes (scan-script.ts) →
 * the id Handover shows (core/machine/machine-id.ts).
 */
import { machineIdOf } from '../../machine/machine-id';
import { err, type Result } from '../../util/result';

export function parseMachineGuid(data: unknown): Result<string> {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return err('the machine-id section holds no record');
  const guid = (data as Record<string, unknown>).MachineGuid;
  if (typeof guid !== 'string')
    return err('Windows has no MachineGuid under HKLM\\SOFTWARE\\Microsoft\\Cryptography');
  const id = machineIdOf(guid);
  return id.ok ? id : err(`MachineGuid "${guid.slice(0, 80)}": ${id.error}`);
}

/** Whether the section holds a MachineGuid at all (its absence is "not present", not a failure). */
export function hasMachineGuid(data: unknown): boolean {
  return typeof data === 'object' && data !== null && Object.hasOwn(data, 'MachineGuid');
}
