/**
 * 'linux.dpkg' and 'linux.rpm': the installed package databases. Both run on every Linux machine;
 * the one whose tool is absent (rpm on Debian) ends as 'missing', which the observer reads as
 * "not present", not as an error.
 */

import { runProgram, SYSTEM_PROGRAMS } from '../host/programs';
import type { Probe } from '../probe-context';

export const DPKG_QUERY = {
  locations: SYSTEM_PROGRAMS.linux.dpkgQuery,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own ${field} format, not a JS template
  args: ['-W', '-f', '${Package}\\t${Version}\\t${db:Status-Abbrev}\\t${Maintainer}\\n'],
  timeoutMs: 15_000,
} as const;

export const RPM_QUERY = {
  locations: SYSTEM_PROGRAMS.linux.rpm,
  args: ['-qa', '--qf', '%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{VENDOR}\\n'],
  timeoutMs: 30_000,
} as const;

export function dpkgProbe(): Probe {
  return {
    id: 'linux.dpkg',
    async run(context) {
      return runProgram(context, 'linux.dpkg', DPKG_QUERY.locations, DPKG_QUERY.args, DPKG_QUERY.timeoutMs);
    },
  };
}

export function rpmProbe(): Probe {
  return {
    id: 'linux.rpm',
    async run(context) {
      return runProgram(context, 'linux.rpm', RPM_QUERY.locations, RPM_QUERY.args, RPM_QUERY.timeoutMs);
    },
  };
}
