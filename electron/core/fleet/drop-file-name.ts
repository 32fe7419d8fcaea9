/**
 * The name each machine's file gets in a fleet folder (`handover scan --json --drop-dir DIR` and
 * the Windows collector, which builds the same name in PowerShell: collector-script.ts):
 * `<host>-<machine id>.json`. The host name says whose file it is at a glance; the machine id
 * keeps two machines with one name apart (docs/scan-result.md, "The machine id"). The same
 * machine always writes the same name, so each run replaces its own file and nothing is ever
 * appended to a shared one.
 *
 * The host name is lower-cased (Windows names are case-insensitive, and so are the file systems
 * a share usually sits on) and reduced to letters, digits, '.', '_' and '-', the rest becoming
 * '_', so no name can climb out of the folder, hide as a dot file or hold a character a file
 * system refuses; at most 63 characters, DNS's longest label.
 */
export const NO_MACHINE_ID = 'no-machine-id';

export function safeHostPart(hostname: string | null | undefined): string {
  const cleaned = (hostname ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '_')
    .replace(/^[._-]+/, '')
    .slice(0, 63);
  return cleaned === '' ? 'unnamed' : cleaned;
}

export function dropFileName(hostname: string | null | undefined, machineId: string | null): string {
  return `${safeHostPart(hostname)}-${machineId ?? NO_MACHINE_ID}.json`;
}
