/**
 * Choosing a product's version among what its sources say, and saying where it came from. The
 * product's own report is best (Defender's AMProductVersion, kesl-control's "Version"), a
 * Programs and Features DisplayVersion next ("10.3.0.6294" [S7]), and a version read from a
 * name last, where nothing better says it: an install folder "Kaspersky Total Security 21.2"
 * [S45], a service "AVP21.3", a display name "F-Secure Client Security 12.00" [S35], a driver
 * folder "AVP21.25" [S64]. Among names, a path outranks a registered name, which outranks a bare
 * process or driver name (observation-keys.ts); at equal strength the longer version is the more
 * precise one ("21.3.10.391" over "21.3").
 */
import type { ValueOrigin } from '../observations';

export interface VersionCandidate {
  readonly version: string;
  readonly origin: ValueOrigin;
  readonly strength: number;
}

export const REPORTED_VERSION = 100;
export const PROGRAM_VERSION = 50;

/** A name's version is as strong as the key it was read from: 1 (bare name) to 3 (a path). */
export const nameVersionStrength = (rank: 1 | 2 | 3): number => rank;

/** The better of two candidates (the current one on a tie). */
export function betterVersion(
  current: VersionCandidate | null,
  offered: VersionCandidate | null,
): VersionCandidate | null {
  if (!offered?.version.trim()) return current;
  if (!current) return offered;
  if (offered.strength !== current.strength) return offered.strength > current.strength ? offered : current;
  return offered.version.length > current.version.length ? offered : current;
}
