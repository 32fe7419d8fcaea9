/**
 * 'linux.systemd': the state of the security units we know, in one systemctl call. kesl.service
 * [S102], kesl-supervisor and klnagent64 [S103], Debian's ClamAV units (clamav-daemon,
 * clamav-freshclam, clamav-clamonacc) and kav4fs-supervisor; the other vendors' units as their
 * catalog files cite them (mdatp, sentinelone, traps_pmd, eea, eraagent, bdsec-daemon,
 * ds_agent, splx, drweb-configd, sav-protect, sophos-spl, sophoslinuxsensor, mfetpd, cma,
 * falcon-sensor, f-secure-linuxsecurity-scand, rtvscand, sisamdagent). A unit systemd does not
 * know costs nothing: it answers LoadState=not-found.
 */

import { runProgram, SYSTEM_PROGRAMS } from '../host/programs';
import { listDirectory } from '../host/read-steps';
import type { Probe } from '../probe-context';

export const SYSTEMD_UNITS = [
  'kesl.service',
  'kesl-supervisor.service',
  'klnagent64.service',
  'clamav-daemon.service',
  'clamav-freshclam.service',
  'clamav-clamonacc.service',
  'kav4fs-supervisor.service',
  'mdatp.service',
  'sentinelone.service',
  'traps_pmd.service',
  'eea.service',
  'eraagent.service',
  'bdsec-daemon.service',
  'ds_agent.service',
  'splx.service',
  'drweb-configd.service',
  'sav-protect.service',
  'sophos-spl.service',
  'sophoslinuxsensor.service',
  'mfetpd.service',
  'cma.service',
  'falcon-sensor.service',
  'f-secure-linuxsecurity-scand.service',
  'rtvscand.service',
  'sisamdagent.service',
] as const;

export const SYSTEMD_RUNTIME_DIR = '/run/systemd/system';

export const SYSTEMCTL_SHOW_ARGS = [
  'show',
  '--property=Id,LoadState,ActiveState,SubState,UnitFileState',
  ...SYSTEMD_UNITS,
] as const;

export function systemdProbe(): Probe {
  return {
    id: 'linux.systemd',
    async run(context) {
      // sd_booted(3): systemd is the running init system exactly when this folder exists. Without
      // it systemctl can only fail, so the folder's absence is the record (no process started).
      const booted = await listDirectory(context, 'linux.systemd', SYSTEMD_RUNTIME_DIR);
      if (booted.outcome === 'missing') return [booted];
      return runProgram(
        context,
        'linux.systemd',
        SYSTEM_PROGRAMS.linux.systemctl,
        SYSTEMCTL_SHOW_ARGS,
        10_000,
      );
    },
  };
}
