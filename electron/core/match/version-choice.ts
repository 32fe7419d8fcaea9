/**
 * Which version a finding shows, where it was read, and the evidence that says so. A product's
 * own report (kesl-control's 'Version: 12.1.0.1297', mdatp's app_version, clamscan's engine,
 * Defender's AMProductVersion) is the best source; then the package database or the
 * installed-programs list (an Uninstall DisplayVersion, "10.3.0.6294" [S7]); then a version read
 * from a name, where nothing better says it: an install folder "Kaspersky Total Security 21.2"
 * [S45], a service "AVP21.3", a display name "F-Secure Client Security 12.00" [S35], a driver
 * folder "AVP21.25" [S64]. Among names, a path outranks a registered name, which outranks a bare
 * process or driver name (observation-keys.ts); at equal standing the longer version is the more
 * precise one ("21.3.10.391" over "21.3"). The chosen source's evidence gets a 'Version shown'
 * note, and when the package database holds the same build in its own form (12.1.0-1297) the
 * note says so, so a technician can match the two; the finding's `versionFrom` names the source
 * and field.
 *
 * Some vendors put the build number in the package revision: Kaspersky's own download URL names
 * kesl_12.1.0-1297_amd64.deb as version 12.1.0.1297 (S99 ref 22159928077), and kav4fs 8.0.4-312
 * reports 'Version: 8.0.4.312' (malice-plugins/kaspersky tests/av_version.out). A catalog product
 * says so with `packageVersion: "build-revision"`, and its package version is shown that way.
 */
import type { Evidence, ValueOrigin } from '../observations';

export type VersionOrigin = 'product' | 'package' | 'name';

export interface VersionCandidate {
  readonly version: string;
  readonly origin: VersionOrigin;
  readonly evidence: Evidence;
  /** The source and the record's field the version was read from. */
  readonly from: ValueOrigin;
  /** For a name: the rank of the key it was read from (3 a path, 2 a registered name, 1 a bare name). */
  readonly nameRank?: 1 | 2 | 3;
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

function better(candidate: VersionCandidate, best: VersionCandidate | null): boolean {
  if (!best) return true;
  if (RANK[candidate.origin] !== RANK[best.origin]) return RANK[candidate.origin] > RANK[best.origin];
  const rank = (c: VersionCandidate) => c.nameRank ?? 0;
  if (rank(candidate) !== rank(best)) return rank(candidate) > rank(best);
  return candidate.version.length > best.version.length;
}

export function chooseVersion(candidates: readonly VersionCandidate[]): {
  version: string;
  from: ValueOrigin;
  evidence: Evidence;
  replaced: Evidence;
} | null {
  let best: VersionCandidate | null = null;
  for (const candidate of candidates)
    if (candidate.version.trim() && better(candidate, best)) best = candidate;
  if (!best) return null;
  const chosen = best;
  const packaged = candidates.find((c) => c.origin === 'package' && c !== chosen);
  const parts = [`${chosen.version}: ${WHY[chosen.origin]} (${chosen.from.field})`];
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
  return {
    version: chosen.version,
    from: chosen.from,
    evidence: { ...chosen.evidence, decoded },
    replaced: chosen.evidence,
  };
}
