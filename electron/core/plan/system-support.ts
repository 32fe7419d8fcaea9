/**
 * Whether an alternative runs on this machine, as its sources state (the catalog's one field for
 * it, `systems`: catalog/alternative-schema.ts). Both the Choose step (rank-choices.ts: which to
 * offer) and the pre-flight (preflight.ts: whether to go on) read it here, so the two can never
 * disagree on a version again (they once did: Windows 8.1 offered by one, blocked by the other).
 */
import type { AlternativePlatform, Architecture, SystemSupport } from '../catalog/alternative-schema';

/** The machine as the systems' entries are matched against it (from the scan). */
export interface SystemFacts {
  readonly os: AlternativePlatform;
  /** "Microsoft Windows 8.1 Pro", "Debian GNU/Linux": a Linux entry's distribution is found in it. */
  readonly osName: string | null;
  /** The OS's own version ("6.3.9600", "14.4.1 (23E224)", "12 (bookworm)"), when read. */
  readonly osVersion: string | null;
  readonly architecture: Architecture | null;
}

export type SystemFit =
  /** An entry states it runs on this version (and processor, where it names processors). */
  | { readonly state: 'runs'; readonly entry: SystemSupport }
  /**
   * No entry states which versions it runs on here (`stated` empty), or the machine's version is
   * not known (`stated`: what the entries for this system do say).
   */
  | { readonly state: 'not-stated'; readonly stated: readonly SystemSupport[] }
  /** The entries state it needs a newer version (`oldest`: the oldest they name) or another processor. */
  | { readonly state: 'unsupported'; readonly why: 'version'; readonly oldest: SystemSupport }
  | { readonly state: 'unsupported'; readonly why: 'architecture'; readonly architecture: Architecture };

/** "10.0.19045" → [10, 0, 19045]; "14.4.1 (23E224)" → [14, 4, 1]; null when it has no leading number. */
export function versionNumbers(version: string | null): readonly number[] | null {
  const match = version?.trim().match(/^\d+(\.\d+)*/);
  return match ? match[0].split('.').map(Number) : null;
}

/** a ≥ b, comparing part by part (a missing part counts as 0). */
export function atLeast(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** The entries for this machine's system: its platform, and on Linux its distribution where one is named. */
function entriesFor(systems: readonly SystemSupport[], machine: SystemFacts): SystemSupport[] {
  const name = machine.osName?.toLowerCase() ?? '';
  return systems.filter(
    (s) =>
      s.platform === machine.os &&
      (s.distribution === undefined || name.includes(s.distribution.toLowerCase())),
  );
}

export function systemFit(systems: readonly SystemSupport[], machine: SystemFacts): SystemFit {
  const entries = entriesFor(systems, machine);
  const version = versionNumbers(machine.osVersion);
  if (entries.length === 0 || version === null) return { state: 'not-stated', stated: entries };
  const forVersion = entries.filter((s) => atLeast(version, versionNumbers(s.minVersion) ?? [0]));
  if (forVersion.length === 0) {
    const oldest = [...entries].sort((x, y) =>
      atLeast(versionNumbers(x.minVersion) ?? [0], versionNumbers(y.minVersion) ?? [0]) ? 1 : -1,
    )[0] as SystemSupport;
    return { state: 'unsupported', why: 'version', oldest };
  }
  const arch = machine.architecture;
  const fits = forVersion.find((s) => !s.architectures || arch === null || s.architectures.includes(arch));
  if (!fits) return { state: 'unsupported', why: 'architecture', architecture: arch as Architecture };
  return { state: 'runs', entry: fits };
}
