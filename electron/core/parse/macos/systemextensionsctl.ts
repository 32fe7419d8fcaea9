/**
 * `systemextensionsctl list`: 'N extension(s)', then per category a '--- com.apple.system_extension.…'
 * line, a header 'enabled active teamID bundleID (version) name [state]' and tab-separated rows:
 *   *\t*\tW5W395V82Y\tcom.nordvpn.macos.Shield (10.8.1/371)\tNordVPN protection\t[activated enabled]
 *   \t\tW5W395V82Y\tcom.nordvpn.macos.Shield (10.8.0/370)\tNordVPN protection\t[terminated waiting to uninstall on reboot]
 * (real transcripts: ref 63201184095, 57393989283, 14354540955). The first two columns are '*' or
 * empty; teamID may be '-' (ref 60593646375, where the tabs were printed as spaces).
 */
import { err, ok, type Result } from '../../util/result';

export interface SystemExtensionRow {
  readonly category: string | null;
  /** null when the row was printed with spaces instead of tabs and the stars cannot be placed. */
  readonly enabled: boolean | null;
  readonly active: boolean | null;
  readonly teamId: string | null;
  readonly bundleId: string;
  /** The '(1.8.0/1.8.0)' pair: short version and bundle version. */
  readonly version: string;
  readonly name: string;
  readonly state: string;
  readonly line: string;
}

const ROW =
  /^(?<flags>[*\s]*?)\s*(?<team>\S+)\s+(?<bundle>\S+) \((?<version>[^)]*)\)\s+(?<name>.*?)\s+\[(?<state>[^\]]*)\]\s*$/;

function flags(line: string, leading: string): { enabled: boolean | null; active: boolean | null } {
  if (line.includes('\t')) {
    const [enabled = '', active = ''] = line.split('\t');
    return { enabled: enabled.trim() === '*', active: active.trim() === '*' };
  }
  const stars = (leading.match(/\*/g) ?? []).length;
  if (stars === 2) return { enabled: true, active: true };
  if (stars === 0) return { enabled: false, active: false };
  return { enabled: null, active: null };
}

export function parseSystemExtensionsList(stdout: string): Result<readonly SystemExtensionRow[]> {
  const rows: SystemExtensionRow[] = [];
  let category: string | null = null;
  let sawHeader = false;
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') continue;
    if (/^\d+ extension\(s\)$/.test(line.trim())) {
      sawHeader = true;
      continue;
    }
    const section = /^---\s+(\S+)/.exec(line);
    if (section) {
      category = section[1] ?? null;
      continue;
    }
    if (/^enabled\s+active\s+teamID/.test(line.trim())) continue;
    const m = ROW.exec(line);
    if (!m?.groups) continue;
    const { team = '', bundle = '', version = '', name = '', state = '' } = m.groups;
    rows.push({
      category,
      ...flags(line, m.groups.flags ?? ''),
      teamId: team === '-' ? null : team,
      bundleId: bundle,
      version,
      name,
      state,
      line: line.replace(/\t/g, ' '),
    });
  }
  if (!sawHeader && rows.length === 0)
    return err('the output has no "N extension(s)" line and no extension rows');
  return ok(rows);
}
