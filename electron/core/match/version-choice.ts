/**
 * Which version a finding shows, and the evidence that says where it came from. A product's own
 * report (kesl-control's 'Version: 12.1.0.1297', mdatp's app_version, clamscan's engine) is the
 * best source; then the package database or the installed-programs list; then a version read
 * from a name ("Kaspersky Total Security 21.2"). The chosen source's evidence gets a 'Version
 * shown' note, and when the package database holds the same build in its own form
 * (12.1.0-1297) the note says so, so a technician can match the two.
 *
 * Some vendors put the build number in the package revision: Kaspersky's own download URL names
 * kesl_12.1.0-1297_amd64.deb as version 12.1.0.1297 (S99 ref 22159928077), and kav4fs 8.0.4-312
 * reports 'Version: 8.0.4.312' (malice-plugins/kaspersky tests/av_version.out). A catalog product
 * says so with `packageVersion: "build-revision"`, and its package version is shown that way.
 */
import type { Evidence } from '../observations';

export type VersionOrigin = 'product' | 'package' | 'name';

export interface VersionCandidate {
  readonly version: string;
  readonly origin: VersionOrigin;
  readonly evidence: Evidence;
  /** The package's version as it printed it, when it differs from `version`. */
  readonly packaged?: string;
}

const RANK: Readonly<Record<VersionOrigin, number>> = { product: 3, package: 2, name: 1 };

const WHY: Readonly<Record<VersionOrigin, string>> = {
  product: 'the product’s own report, the best source of its version',
  package: 'the installed package or program entry (the product itself did not report one)',
  name: 'read from a name that carries the version (nothing better reports one)',
};

/** '12.1.0-1297' → '12.1.0.1297' when the revision is a build number; else null. */
export function buildFromRevision(packaged: string): string | null {
  const m = /^(?:\d+:)?(\d+(?:\.\d+)*)-(\d+)$/.exec(packaged.trim());
  return m ? `${m[1]}.${m[2]}` : null;
}

export function chooseVersion(
  candidates: readonly VersionCandidate[],
): { version: string; evidence: Evidence; replaced: Evidence } | null {
  let best: VersionCandidate | null = null;
  for (const candidate of candidates)
    if (!best || RANK[candidate.origin] > RANK[best.origin]) best = candidate;
  if (!best) return null;
  const chosen = best;
  const packaged = candidates.find((c) => c.origin === 'package' && c !== chosen);
  const parts = [`${chosen.version}: ${WHY[chosen.origin]}`];
  if (chosen.packaged) parts.push(`the package records it as ${chosen.packaged}`);
  if (packaged) {
    const form = packaged.packaged ?? packaged.version;
    parts.push(
      form === chosen.version || packaged.version === chosen.version
        ? `the package database holds the same build (${form})`
        : `the package database holds ${form}`,
    );
  }
  const decoded = { ...(chosen.evidence.decoded ?? {}), 'Version shown': parts.join('; ') };
  return { version: chosen.version, evidence: { ...chosen.evidence, decoded }, replaced: chosen.evidence };
}
