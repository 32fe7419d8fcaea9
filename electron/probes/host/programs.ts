/**
 * Programs are started by full path, never looked up on PATH: a PATH entry the person (or another
 * program) controls must not decide which `ps` or `systemctl` a scan runs. Where a program lives
 * in different places on different systems (before and after the /usr merge, a vendor's own
 * folder and its /usr/bin link), the probe lists every checked location and runs the first that
 * exists. The runner answers 'missing' for an absent path without starting anything, so the
 * locations cost a file-system check each.
 */
import type { CommandRecord } from '../../core/capture';
import type { ProbeId } from '../../core/sources';
import type { ProbeContext } from '../probe-context';
import { runCommand } from './read-steps';

/** Where a program is looked for, in order. Every entry is an absolute path. */
export type ProgramLocations = readonly [string, ...string[]];

/**
 * System programs. Debian and Ubuntu before the /usr merge keep ps and systemctl in /bin
 * (procps, systemd packages); merged systems, Fedora and RHEL have them in /usr/bin, with /bin a
 * link. dpkg-query and rpm have always been in /usr/bin on Debian and RPM systems (dpkg, rpm
 * packages' file lists); old RPM systems also shipped /bin/rpm. On macOS the base system's tools
 * sit at fixed paths (ps(1), sw_vers(1), pkgutil(1), systemextensionsctl(8), mdfind(1), ioreg(8)).
 */
export const SYSTEM_PROGRAMS = {
  linux: {
    ps: ['/usr/bin/ps', '/bin/ps'],
    systemctl: ['/usr/bin/systemctl', '/bin/systemctl'],
    journalctl: ['/usr/bin/journalctl', '/bin/journalctl'],
    dpkgQuery: ['/usr/bin/dpkg-query'],
    rpm: ['/usr/bin/rpm', '/bin/rpm'],
  },
  macos: {
    ps: ['/bin/ps'],
    swVers: ['/usr/bin/sw_vers'],
    pkgutil: ['/usr/sbin/pkgutil'],
    systemextensionsctl: ['/usr/bin/systemextensionsctl'],
    mdfind: ['/usr/bin/mdfind'],
    ioreg: ['/usr/sbin/ioreg'],
  },
} as const satisfies Record<string, Record<string, ProgramLocations>>;

/**
 * Runs the program found first among `locations` with `args`. Every location tried is kept as a
 * record (the absent ones as 'missing'), so the capture shows where Handover looked.
 */
export async function runProgram(
  context: ProbeContext,
  probe: ProbeId,
  locations: ProgramLocations,
  args: readonly string[],
  timeoutMs: number,
): Promise<CommandRecord[]> {
  const records: CommandRecord[] = [];
  for (const file of locations) {
    const record = await runCommand(context, probe, file, args, timeoutMs);
    records.push(record);
    if (record.outcome !== 'missing') break;
  }
  return records;
}

/** The location that ran (the first record that is not 'missing'), or null when none exists. */
export function foundLocation(records: readonly CommandRecord[]): string | null {
  return records.find((record) => record.outcome !== 'missing')?.command.file ?? null;
}
