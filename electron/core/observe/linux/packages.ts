/**
 * Installed packages (dpkg, rpm) as InstalledProgramObservations, identifier = package name. The
 * version is the upstream one a person recognises ('1.4.6', not '1.4.6+dfsg-0+deb12u1'); the
 * packaged version is kept in the evidence.
 */
import type { Capture } from '../../capture';
import type { Evidence } from '../../observations';
import { parseDpkgQuery } from '../../parse/linux/dpkg-query';
import { upstreamVersion } from '../../parse/linux/package-version';
import { parseRpmQuery } from '../../parse/linux/rpm-query';
import type { ProbeId, SourceId } from '../../sources';
import { evidence, readParsedCommand, type Sink } from '../unix/record-status';

/** The version to show and the evidence holding the package's line and its packaged version. */
export function versioned(
  source: SourceId,
  line: string,
  packaged: string,
): { version?: string; packageVersion?: string; evidence: Evidence } {
  const shown = line.replace(/\t/g, ' | ');
  if (!packaged) return { evidence: evidence(source, shown) };
  return {
    version: upstreamVersion(packaged),
    packageVersion: packaged,
    evidence: evidence(source, shown, { 'Package version': packaged }),
  };
}

/**
 * Packages removed with their configuration left ('rc') or never installed ('un') are not
 * installed programs: they are skipped here (their leftover folders show up as paths).
 */
export function observeDpkg(capture: Capture, sink: Sink): void {
  const id: ProbeId = 'linux.dpkg';
  const read = readParsedCommand(
    capture,
    sink,
    { id, what: 'the installed packages (dpkg)' },
    parseDpkgQuery,
  );
  for (const pkg of read?.value ?? []) {
    if (!pkg.installed) continue;
    sink.observations.push({
      kind: 'installed-program',
      name: pkg.name,
      ...(pkg.maintainer ? { publisher: pkg.maintainer } : {}),
      registry: 'dpkg',
      identifier: pkg.name,
      ...versioned(id, pkg.line, pkg.version),
    });
  }
}

export function observeRpm(capture: Capture, sink: Sink): void {
  const id: ProbeId = 'linux.rpm';
  const read = readParsedCommand(capture, sink, { id, what: 'the installed packages (rpm)' }, parseRpmQuery);
  for (const pkg of read?.value ?? []) {
    sink.observations.push({
      kind: 'installed-program',
      name: pkg.name,
      ...(pkg.vendor ? { publisher: pkg.vendor } : {}),
      registry: 'rpm',
      identifier: pkg.name,
      ...versioned(id, pkg.line, pkg.version),
    });
  }
}
