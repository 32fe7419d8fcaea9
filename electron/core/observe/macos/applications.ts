/**
 * App bundles (macos.applications) as InstalledProgramObservations (registry 'app-bundle'): bundle
 * id, name and version from Contents/Info.plist; an app whose plist cannot be read is still
 * reported by its folder name.
 */
import type { Capture } from '../../capture';
import { type InfoPlist, parseInfoPlist } from '../../parse/macos/plist-info';
import type { ProbeId } from '../../sources';
import {
  couldNotRead,
  directoryRecords,
  evidence,
  failureOf,
  fileRecords,
  recordsOf,
  type Sink,
  sourceReport,
} from '../unix/record-status';

export function observeApplications(capture: Capture, sink: Sink): void {
  const id: ProbeId = 'macos.applications';
  const records = recordsOf(capture, id);
  const listings = directoryRecords(records);
  if (listings.length === 0) return;
  const plists = new Map(fileRecords(records).map((record) => [record.path, record]));
  const failures: string[] = [];
  const plistProblems: string[] = [];
  let listed = 0;
  for (const listing of listings) {
    if (listing.outcome === 'missing') continue;
    if (listing.outcome !== 'ok') {
      failures.push(failureOf(listing));
      continue;
    }
    listed += 1;
    for (const app of listing.entries.filter((name) => name.endsWith('.app'))) {
      const location = `${listing.path.replace(/\/$/, '')}/${app}`;
      const plistPath = `${location}/Contents/Info.plist`;
      const record = plists.get(plistPath);
      let info: InfoPlist = {};
      if (record?.outcome === 'ok') {
        const parsed = parseInfoPlist(record.content, record.encoding);
        if (parsed.ok) info = parsed.value;
        else plistProblems.push(`${plistPath}: ${parsed.error}`);
      } else if (record) {
        plistProblems.push(failureOf(record));
      }
      const name = info.name ?? app.slice(0, -'.app'.length);
      const shown = [location, info.bundleId, info.version].filter(Boolean).join(' | ');
      sink.observations.push({
        kind: 'installed-program',
        name,
        ...(info.version ? { version: info.version } : {}),
        installLocation: location,
        registry: 'app-bundle',
        ...(info.bundleId ? { identifier: info.bundleId } : {}),
        evidence: evidence(id, shown),
      });
    }
  }
  if (listed === 0 && failures.length > 0) {
    sink.sources.push(
      sourceReport(id, records, 'unreadable', couldNotRead('the Applications folders', failures.join('; '))),
    );
    return;
  }
  const problems = [...failures, ...plistProblems];
  const reason =
    problems.length > 0 ? `${problems.length} item(s) could not be read, first: ${problems[0]}` : undefined;
  sink.sources.push(sourceReport(id, records, listed === 0 ? 'not-present' : 'read', reason));
}
