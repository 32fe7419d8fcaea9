/**
 * App bundles (macos.applications) as InstalledProgramObservations (registry 'app-bundle'): every
 * bundle Spotlight or the Applications folders name (parse/macos/app-paths.ts), with its bundle
 * id, name and version from Contents/Info.plist; an app whose plist cannot be read is still
 * reported by its folder name. Parallels' and VMware's shims of a Windows guest's programs are set
 * aside, with a count in the source report: a guest's Kaspersky is not a product on this Mac.
 */
import type { Capture } from '../../capture';
import { appPathsOf, windowsGuestShim } from '../../parse/macos/app-paths';
import { type InfoPlist, parseInfoPlist } from '../../parse/macos/plist-info';
import type { ProbeId } from '../../sources';
import {
  commandRecords,
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
  const spotlight = commandRecords(records);
  if (listings.length === 0 && spotlight.length === 0) return;
  const plists = new Map(fileRecords(records).map((record) => [record.path, record]));
  const failures = [...listings, ...spotlight]
    .filter((r) => r.outcome !== 'ok' && r.outcome !== 'missing')
    .map(failureOf);
  const read = [...listings, ...spotlight].filter((r) => r.outcome === 'ok').length;
  const plistProblems: string[] = [];
  const shims: string[] = [];
  for (const location of appPathsOf(records)) {
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
    const shim = windowsGuestShim(location, info.bundleId);
    if (shim) {
      shims.push(`${location} (${shim})`);
      continue;
    }
    const name = info.name ?? (location.split('/').at(-1) ?? location).replace(/\.app$/, '');
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
  if (read === 0 && failures.length > 0) {
    sink.sources.push(
      sourceReport(
        id,
        records,
        'unreadable',
        couldNotRead('the installed applications', failures.join('; ')),
      ),
    );
    return;
  }
  const notes: string[] = [];
  const problems = [...failures, ...plistProblems];
  if (problems.length > 0) notes.push(`${problems.length} item(s) could not be read, first: ${problems[0]}`);
  if (shims.length > 0)
    notes.push(
      `${shims.length} app(s) set aside as shims of a Windows guest's programs (Parallels, VMware), not programs of this Mac: ${shims.slice(0, 3).join(', ')}`,
    );
  sink.sources.push(
    sourceReport(id, records, read === 0 ? 'not-present' : 'read', notes.join('; ') || undefined),
  );
}
