/** Installed packages (dpkg, rpm) as InstalledProgramObservations, identifier = package name. */
import type { Capture } from '../../capture';
import { parseDpkgQuery } from '../../parse/linux/dpkg-query';
import { parseRpmQuery } from '../../parse/linux/rpm-query';
import {
  couldNotRead,
  evidence,
  readCommand,
  recordsOf,
  type Sink,
  sourceReport,
} from '../unix/record-status';

export const DPKG_LABEL = 'Installed packages (dpkg)';
export const RPM_LABEL = 'Installed packages (rpm)';

/**
 * Packages removed with their configuration left ('rc') or never installed ('un') are not
 * installed programs: they are skipped here (their leftover folders show up as paths).
 */
export function observeDpkg(capture: Capture, sink: Sink): void {
  const id = 'linux.dpkg';
  const records = recordsOf(capture, id);
  const read = readCommand(records, 'the installed packages (dpkg)');
  if (!read) return;
  if (!read.ok) {
    sink.sources.push(sourceReport(id, DPKG_LABEL, records, read.status, read.reason));
    return;
  }
  const parsed = parseDpkgQuery(read.record.stdout);
  if (!parsed.ok) {
    sink.sources.push(
      sourceReport(
        id,
        DPKG_LABEL,
        records,
        'unreadable',
        couldNotRead('the installed packages (dpkg)', parsed.error),
      ),
    );
    return;
  }
  for (const pkg of parsed.value) {
    if (!pkg.installed) continue;
    sink.observations.push({
      kind: 'installed-program',
      name: pkg.name,
      ...(pkg.version ? { version: pkg.version } : {}),
      ...(pkg.maintainer ? { publisher: pkg.maintainer } : {}),
      registry: 'dpkg',
      identifier: pkg.name,
      evidence: evidence(id, pkg.line.replace(/\t/g, ' | ')),
    });
  }
  sink.sources.push(sourceReport(id, DPKG_LABEL, records, 'read'));
}

export function observeRpm(capture: Capture, sink: Sink): void {
  const id = 'linux.rpm';
  const records = recordsOf(capture, id);
  const read = readCommand(records, 'the installed packages (rpm)');
  if (!read) return;
  if (!read.ok) {
    sink.sources.push(sourceReport(id, RPM_LABEL, records, read.status, read.reason));
    return;
  }
  const parsed = parseRpmQuery(read.record.stdout);
  if (!parsed.ok) {
    sink.sources.push(
      sourceReport(
        id,
        RPM_LABEL,
        records,
        'unreadable',
        couldNotRead('the installed packages (rpm)', parsed.error),
      ),
    );
    return;
  }
  for (const pkg of parsed.value) {
    sink.observations.push({
      kind: 'installed-program',
      name: pkg.name,
      ...(pkg.version ? { version: pkg.version } : {}),
      ...(pkg.vendor ? { publisher: pkg.vendor } : {}),
      registry: 'rpm',
      identifier: pkg.name,
      evidence: evidence(id, pkg.line.replace(/\t/g, ' | ')),
    });
  }
  sink.sources.push(sourceReport(id, RPM_LABEL, records, 'read'));
}
