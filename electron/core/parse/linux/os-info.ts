/**
 * systeminformation's osInfo() as the host.os probe stores it: platform, distro, release, codename,
 * kernel, arch, hostname (fqdn, serial and the rest are left out on purpose). On this Debian 12
 * machine: distro 'Debian GNU/Linux', release '12', codename 'bookworm' (toolchain.md §5).
 */
import { err, ok, type Result } from '../../util/result';

export interface OsInfo {
  readonly platform?: string;
  readonly distro?: string;
  readonly release?: string;
  readonly codename?: string;
  readonly kernel?: string;
  readonly arch?: string;
  readonly hostname?: string;
}

const KEYS = ['platform', 'distro', 'release', 'codename', 'kernel', 'arch', 'hostname'] as const;

export function parseOsInfo(data: unknown): Result<OsInfo> {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return err('the operating system facts are not an object');
  const source = data as Record<string, unknown>;
  const info: Record<string, string> = {};
  for (const key of KEYS) {
    const value = source[key];
    if (typeof value === 'string' && value.trim() !== '') info[key] = value.trim();
  }
  if (!info.distro && !info.platform) return err('the operating system facts name no system');
  return ok(info);
}
