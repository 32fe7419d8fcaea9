/**
 * A Linux capture → observations and source reports. Each source is read on its own: one that is
 * absent (rpm on Debian, kesl-control without KESL) is 'not-present', one that failed is
 * 'unreadable' with the reason, and the rest of the scan goes on.
 */
import type { Capture } from '../capture';
import type { ObservedMachine } from '../observations';
import { observeClamavDatabases, observeFreshclamLog } from './linux/clamav';
import { observeKasperskyFiles, observeKav4fs, observeKesl, observeLinuxAvState } from './linux/kaspersky';
import { observeDpkg, observeRpm } from './linux/packages';
import { observeSystemd } from './linux/systemd';
import { machineFacts, observeOsInfo } from './unix/host-machine';
import { observeMachineId } from './unix/machine-id';
import { observeProcesses } from './unix/processes';
import type { Sink } from './unix/record-status';
import { observeVendorStatuses } from './unix/vendor-status';

export function observeLinux(capture: Capture): ObservedMachine {
  const sink: Sink = { observations: [], sources: [] };
  const os = observeOsInfo(capture, sink);
  const machineId = observeMachineId(capture, sink);
  observeDpkg(capture, sink);
  observeRpm(capture, sink);
  observeKasperskyFiles(capture, sink);
  observeKesl(capture, sink);
  observeKav4fs(capture, sink);
  observeLinuxAvState(capture, sink);
  const units = observeSystemd(capture, sink);
  const processes = observeProcesses(capture, 'linux.processes', sink);
  observeClamavDatabases(capture, sink, processes, units);
  observeFreshclamLog(capture, sink);
  observeVendorStatuses(capture, sink, 'linux');
  return {
    machine: machineFacts(capture, 'linux', os, machineId),
    observations: sink.observations,
    sources: sink.sources,
  };
}
