/**
 * `systemctl show --property=Id,LoadState,ActiveState,SubState,UnitFileState <units…>`: one block
 * of Key=Value lines per unit, blocks separated by an empty line (systemctl(1)). A unit that does
 * not exist still gets a block, with LoadState=not-found. Units asked for: kesl.service,
 * kesl-supervisor.service, klnagent64.service [S102][S103], ClamAV's daemon, freshclam and
 * clamonacc units, kav4fs-supervisor.service.
 */
import { err, ok, type Result } from '../../util/result';

export interface SystemdUnit {
  readonly id: string;
  readonly loadState: string;
  readonly activeState: string;
  readonly subState: string;
  readonly unitFileState: string;
  /** The block as printed, one line per property. */
  readonly block: string;
}

/** systemctl prints this when systemd is not the init system (containers): there are no units to read. */
export function isSystemdNotRunning(stderr: string): boolean {
  return /has not been booted with systemd|Failed to connect to bus|System has not been booted/i.test(stderr);
}

export function parseSystemdShow(stdout: string): Result<readonly SystemdUnit[]> {
  const units: SystemdUnit[] = [];
  const blocks = stdout.split(/\r?\n\s*\r?\n/).filter((block) => block.trim() !== '');
  for (const block of blocks) {
    const props = new Map<string, string>();
    for (const line of block.split(/\r?\n/)) {
      const eq = line.indexOf('=');
      if (eq > 0) props.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
    }
    const id = props.get('Id');
    if (!id) continue;
    units.push({
      id,
      loadState: props.get('LoadState') ?? '',
      activeState: props.get('ActiveState') ?? '',
      subState: props.get('SubState') ?? '',
      unitFileState: props.get('UnitFileState') ?? '',
      block: block.trim(),
    });
  }
  if (units.length === 0 && blocks.length > 0) return err('none of its blocks has an Id= line');
  return ok(units);
}
