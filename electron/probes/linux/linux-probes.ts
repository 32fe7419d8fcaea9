/** Every Linux probe. They share nothing, so the capture runner may run them all at once. */
import { machineIdProbe } from '../host/machine-id-probe';
import { osInfoProbe } from '../host/os-info-probe';
import { processesProbe } from '../host/processes-probe';
import type { Probe } from '../probe-context';
import { clamavDbProbe, clamscanVersionProbe, freshclamLogProbe } from './clamav-probes';
import { kasperskyFilesProbe, kav4fsProbe, keslProbe, klnagentAvStateProbe } from './kaspersky-probes';
import { dpkgProbe, rpmProbe } from './package-probes';
import { systemdProbe } from './systemd-probe';
import { linuxVendorProbes } from './vendor-probes';

export function linuxProbes(): Probe[] {
  return [
    dpkgProbe(),
    rpmProbe(),
    kasperskyFilesProbe(),
    keslProbe(),
    kav4fsProbe(),
    klnagentAvStateProbe(),
    clamavDbProbe(),
    freshclamLogProbe(),
    clamscanVersionProbe(),
    ...linuxVendorProbes(),
    systemdProbe(),
    processesProbe('linux'),
    osInfoProbe('linux'),
    machineIdProbe('linux'),
  ];
}
