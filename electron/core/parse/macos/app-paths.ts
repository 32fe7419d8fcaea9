/**
 * Which application bundles a macOS scan reads, from Spotlight's answer (`mdfind`, one path a
 * line) and the folder listings of /Applications and ~/Applications. Shared by the probe (which
 * reads their Info.plists) and the observer (which reads those records back), so both agree.
 */
import type { ProbeRecord } from '../../capture';

/** A top-level app bundle: not a helper inside another bundle, not Apple's /System ones, not in the Trash or on another volume. */
export function isReadableAppPath(path: string): boolean {
  if (!path.startsWith('/') || !path.endsWith('.app')) return false;
  if (path.slice(0, -4).includes('.app/')) return false;
  return !/^\/(System|Volumes)\//.test(path) && !path.includes('/.Trash/');
}

const join = (folder: string, name: string) => `${folder.replace(/\/+$/, '')}/${name}`;

/** Every app bundle path the records name, in order, once each. */
export function appPathsOf(records: readonly ProbeRecord[]): string[] {
  const paths = new Set<string>();
  for (const record of records) {
    if (record.kind === 'command' && record.outcome === 'ok') {
      for (const line of record.stdout.split('\n'))
        if (isReadableAppPath(line.trim())) paths.add(line.trim());
    } else if (record.kind === 'directory' && record.outcome === 'ok') {
      for (const name of record.entries) if (name.endsWith('.app')) paths.add(join(record.path, name));
    }
  }
  return [...paths];
}

/**
 * Parallels Desktop and VMware Fusion put a small app on the Mac for each program of a Windows
 * guest (Parallels' "Windows applications" in '~/Applications (Parallels)/{…} Applications.localized/',
 * bundle ids 'com.parallels.winapp.…'; VMware's Unity 'com.vmware.proxyApp.…'). They launch the
 * guest's program; they are not programs of the Mac. munkireport and Fleet leave both prefixes out
 * of software inventories (munkireport bundleid_ignorelist; Fleet's "parallels windows software on
 * MacOS host" test), Karabiner-Elements treats them as the VM's windows.
 */
export function windowsGuestShim(path: string, bundleId: string | undefined): 'Parallels' | 'VMware' | null {
  if (bundleId && /^com\.parallels\.winapp\./i.test(bundleId)) return 'Parallels';
  if (bundleId && /^com\.vmware\.proxyApp\./i.test(bundleId)) return 'VMware';
  if (path.includes('/Applications (Parallels)/')) return 'Parallels';
  return null;
}
