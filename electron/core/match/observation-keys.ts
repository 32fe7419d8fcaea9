/**
 * Which catalog signature fields an observation is tested against, and how strongly each
 * identifies a product: an install path names the edition ("Kaspersky Total Security 21.2\"),
 * a service display name may be shared by a whole line, a process name even more so.
 */
import type { Platform } from '../capture';
import type { Observation } from '../observations';

export interface ObservationKey {
  readonly field: string;
  readonly value: string;
  /** 3 = a path or bundle/package id, 2 = a registered product name, 1 = a bare process/driver name. */
  readonly rank: 1 | 2 | 3;
}

const fileName = (path: string) => path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;

export function observationKeys(observation: Observation, platform: Platform): ObservationKey[] {
  const keys: ObservationKey[] = [];
  const add = (field: string, value: string | undefined, rank: ObservationKey['rank']) => {
    if (value?.trim()) keys.push({ field, value: value.trim(), rank });
  };
  switch (observation.kind) {
    case 'wsc-product':
      add('wscExe', observation.productExe, 3);
      add('wscExe', observation.reportingExe, 3);
      add('wscDisplayName', observation.displayName, 2);
      break;
    case 'installed-program':
      if (platform === 'windows') {
        add('uninstallName', observation.name, 2);
        add('path', observation.installLocation, 3);
      } else if (platform === 'macos') {
        if (observation.registry === 'pkgutil') add('pkgId', observation.identifier, 3);
        else {
          add('bundleId', observation.identifier, 3);
          add('appName', observation.name, 2);
        }
      } else {
        add('package', observation.identifier ?? observation.name, 3);
      }
      break;
    case 'service':
      if (observation.serviceType === 'systemd-unit') add('systemdUnit', observation.name, 2);
      else if (observation.serviceType === 'launchd-job') add('launchdLabel', observation.name, 2);
      else if (observation.serviceType === 'kernel-driver') {
        add('servicePath', observation.path, 3);
        add('driver', observation.name, 1);
        if (observation.path) add('driver', fileName(observation.path), 1);
      } else {
        add('servicePath', observation.path, 3);
        add('service', observation.name, 2);
        add('serviceDisplayName', observation.displayName, 2);
      }
      break;
    case 'process':
      add(platform === 'windows' ? 'processPath' : 'path', observation.path, 3);
      add('process', observation.name, 1);
      break;
    case 'path':
      add('path', observation.path, 3);
      break;
    case 'system-extension':
      add('systemExtension', observation.bundleId, 3);
      break;
    case 'defender-status':
    case 'product-status':
    case 'pending-restart':
      break;
  }
  return keys;
}
