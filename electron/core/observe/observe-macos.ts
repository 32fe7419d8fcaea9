/**
 * A macOS capture → observations and source reports: app bundles, installer receipts, system
 * extensions, launchd jobs, Kaspersky's support folder and Network Agent state, processes.
 * Every source is read on its own; one that failed is 'unreadable' and the rest goes on.
 */
import type { Capture } from '../capture';
import type { ObservedMachine } from '../observations';
import { observeApplications } from './macos/applications';
import { observeKasperskySupport } from './macos/kaspersky-support';
import { observeLaunchd } from './macos/launchd';
import { observePkgReceipts } from './macos/receipts';
import { observeSystemExtensions } from './macos/system-extensions';
import { machineFacts, observeOsInfo } from './unix/host-machine';
import { observeMachineId } from './unix/machine-id';
import { observeProcesses } from './unix/processes';
import type { Sink } from './unix/record-status';
import { observeVendorStatuses } from './unix/vendor-status';

export function observeMacos(capture: Capture): ObservedMachine {
  const sink: Sink = { observations: [], sources: [] };
  const os = observeOsInfo(capture, sink);
  const machineId = observeMachineId(capture, sink);
  observeApplications(capture, sink);
  observePkgReceipts(capture, sink);
  observeSystemExtensions(capture, sink);
  observeLaunchd(capture, sink);
  observeKasperskySupport(capture, sink);
  observeProcesses(capture, 'macos.processes', sink);
  observeVendorStatuses(capture, sink, 'macos');
  return {
    machine: machineFacts(capture, 'macos', os, machineId),
    observations: sink.observations,
    sources: sink.sources,
  };
}
