/**
 * 'linux.systemd': the state of the security units we know, in one systemctl call. kesl.service
 * [S102], kesl-supervisor and klnagent64 [S103], Debian's ClamAV units (clamav-daemon,
 * clamav-freshclam, clamav-clamonacc) and kav4fs-supervisor.
 */

import { listDirectory, runCommand } from '../host/read-steps';
import type { Probe } from '../probe-context';

export const SYSTEMD_UNITS = [
  'kesl.service',
  'kesl-supervisor.service',
  'klnagent64.service',
  'clamav-daemon.service',
  'clamav-freshclam.service',
  'clamav-clamonacc.service',
  'kav4fs-supervisor.service',
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
      return [await runCommand(context, 'linux.systemd', 'systemctl', SYSTEMCTL_SHOW_ARGS, 10_000)];
    },
  };
}
