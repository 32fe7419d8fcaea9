/** The machine id an imported capture carries (core/machine/machine-id.ts), as MachineFacts spread it. */
import type { Capture } from '../../capture';
import { machineIdOfHostIdentifier } from '../../machine/machine-id';

export function withMachineId(capture: Capture): { readonly machineId?: string } {
  const id = machineIdOfHostIdentifier(capture.origin.hostIdentifier);
  return id ? { machineId: id } : {};
}
