/**
 * A system extension's identity from its Info.plist. Its Mach service name is prefixed with the
 * team id: Kaspersky's sysext declares NEMachServiceName '2Y8XE5CQ94.com.kaspersky.kav.sysext'
 * (team 2Y8XE5CQ94, bundle com.kaspersky.kav.sysext) [S91]. The rest of the name is not always the
 * bundle id (other vendors append '.xpc'), so CFBundleIdentifier wins when the plist has one.
 */
import { err, ok, type Result } from '../../util/result';
import { type InfoPlist, parseInfoPlist } from './plist-info';

export interface SysextIdentity {
  readonly bundleId: string;
  readonly teamId?: string;
  readonly version?: string;
  readonly machServiceName?: string;
}

/** Apple team ids are ten upper-case letters and digits. */
export function splitMachServiceName(name: string): { teamId: string; rest: string } | null {
  const m = /^([A-Z0-9]{10})\.(.+)$/.exec(name);
  return m ? { teamId: m[1] ?? '', rest: m[2] ?? '' } : null;
}

export function sysextIdentity(info: InfoPlist): SysextIdentity | null {
  const split = info.machServiceName ? splitMachServiceName(info.machServiceName) : null;
  const bundleId = info.bundleId ?? split?.rest;
  if (!bundleId) return null;
  return {
    bundleId,
    ...(split ? { teamId: split.teamId } : {}),
    ...(info.version ? { version: info.version } : {}),
    ...(info.machServiceName ? { machServiceName: info.machServiceName } : {}),
  };
}

export function parseSysextPlist(content: string, encoding: 'utf8' | 'base64'): Result<SysextIdentity> {
  const info = parseInfoPlist(content, encoding);
  if (!info.ok) return info;
  const identity = sysextIdentity(info.value);
  return identity ? ok(identity) : err('it names neither a bundle identifier nor a Mach service');
}
