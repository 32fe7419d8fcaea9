/**
 * Which catalog signature fields an observation is tested against, and how strongly each
 * identifies a product: an install path names the edition ("Kaspersky Total Security 21.2\"),
 * a service display name may be shared by a whole line, a process name even more so. Each key
 * also names the field of the record it came from, so a version read from it can say where it
 * was read ("PathName", "pathToSignedProductExe").
 */
import type { Platform } from '../capture';
import type { Observation } from '../observations';

export interface ObservationKey {
  readonly field: string;
  readonly value: string;
  /** 3 = a path or bundle/package id, 2 = a registered product name, 1 = a bare process/driver name. */
  readonly rank: 1 | 2 | 3;
  /** The record's own name for the value: a WMI property, a registry value, a package field. */
  readonly recordField: string;
}

const fileName = (path: string) => path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;

export function observationKeys(observation: Observation, platform: Platform): ObservationKey[] {
  const keys: ObservationKey[] = [];
  const add = (
    field: string,
    value: string | undefined,
    rank: ObservationKey['rank'],
    recordField: string,
  ) => {
    if (value?.trim()) keys.push({ field, value: value.trim(), rank, recordField });
  };
  switch (observation.kind) {
    case 'wsc-product':
      add('wscExe', observation.productExe, 3, 'pathToSignedProductExe');
      add('wscExe', observation.reportingExe, 3, 'pathToSignedReportingExe');
      add('wscDisplayName', observation.displayName, 2, 'displayName');
      break;
    case 'installed-program':
      if (platform === 'windows') {
        add('uninstallName', observation.name, 2, 'DisplayName');
        add('path', observation.installLocation, 3, 'InstallLocation');
      } else if (platform === 'macos') {
        if (observation.registry === 'pkgutil') add('pkgId', observation.identifier, 3, 'package id');
        else {
          add('bundleId', observation.identifier, 3, 'CFBundleIdentifier');
          add('appName', observation.name, 2, 'application name');
        }
      } else {
        add('package', observation.identifier ?? observation.name, 3, 'Package');
      }
      break;
    case 'service':
      if (observation.serviceType === 'systemd-unit') add('systemdUnit', observation.name, 2, 'unit');
      else if (observation.serviceType === 'launchd-job') add('launchdLabel', observation.name, 2, 'Label');
      else if (observation.serviceType === 'kernel-driver') {
        add('servicePath', observation.path, 3, 'PathName');
        add('driver', observation.name, 1, 'Name');
        if (observation.path) add('driver', fileName(observation.path), 1, 'PathName');
      } else {
        add('servicePath', observation.path, 3, 'PathName');
        add('service', observation.name, 2, 'Name');
        add('serviceDisplayName', observation.displayName, 2, 'DisplayName');
      }
      break;
    case 'process':
      if (platform === 'windows') {
        add('processPath', observation.path, 3, 'ExecutablePath');
        add('process', observation.name, 1, 'Name');
      } else {
        add('path', observation.path, 3, 'exe');
        add('process', observation.name, 1, 'comm');
      }
      break;
    case 'path':
      add('path', observation.path, 3, 'path');
      break;
    case 'system-extension':
      add('systemExtension', observation.bundleId, 3, 'bundle id');
      break;
    case 'defender-status':
    case 'product-status':
    case 'pending-restart':
      break;
  }
  return keys;
}
