/** Every macOS probe. They share nothing, so the capture runner may run them all at once. */
import { machineIdProbe } from '../host/machine-id-probe';
import { osInfoProbe } from '../host/os-info-probe';
import { processesProbe } from '../host/processes-probe';
import type { Probe } from '../probe-context';
import { applicationsProbe } from './applications-probe';
import { kasperskySupportProbe } from './kaspersky-support-probe';
import { launchdProbe } from './launchd-probe';
import { pkgReceiptsProbe } from './pkg-receipts-probe';
import { systemExtensionsProbe } from './system-extensions-probe';
import { macosVendorProbes } from './vendor-probes';

export function macosProbes(): Probe[] {
  return [
    applicationsProbe(),
    systemExtensionsProbe(),
    launchdProbe(),
    pkgReceiptsProbe(),
    kasperskySupportProbe(),
    ...macosVendorProbes(),
    processesProbe('macos'),
    osInfoProbe('macos'),
    machineIdProbe('macos'),
  ];
}
