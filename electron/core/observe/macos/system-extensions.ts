/**
 * System extensions (macos.system-extensions): rows of `systemextensionsctl list` and the
 * Info.plist of each installed .systemextension bundle. Kaspersky's is com.kaspersky.kav.sysext,
 * team 2Y8XE5CQ94 [S91].
 */
import type { Capture } from '../../capture';
import { parseSysextPlist } from '../../parse/macos/sysext-plist';
import { parseSystemExtensionsList } from '../../parse/macos/systemextensionsctl';
import type { ProbeId } from '../../sources';
import {
  commandLine,
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

export function observeSystemExtensions(capture: Capture, sink: Sink): void {
  const id: ProbeId = 'macos.system-extensions';
  const records = recordsOf(capture, id);
  if (records.length === 0) return;
  const problems: string[] = [];
  let read = 0;
  for (const record of commandRecords(records)) {
    if (record.outcome !== 'ok') {
      problems.push(
        record.outcome === 'missing'
          ? failureOf(record)
          : couldNotRead('systemextensionsctl list', failureOf(record)),
      );
      continue;
    }
    const rows = parseSystemExtensionsList(record.stdout);
    if (!rows.ok) {
      problems.push(couldNotRead('systemextensionsctl list', rows.error));
      continue;
    }
    read += 1;
    for (const row of rows.value) {
      sink.observations.push({
        kind: 'system-extension',
        bundleId: row.bundleId,
        ...(row.teamId ? { teamId: row.teamId } : {}),
        version: row.version,
        state: row.state,
        evidence: evidence(id, `${commandLine(record)}: ${row.line}`, {
          ...(row.category ? { category: row.category } : {}),
          ...(row.enabled !== null ? { enabled: row.enabled ? 'yes' : 'no' } : {}),
          ...(row.active !== null ? { active: row.active ? 'yes' : 'no' } : {}),
        }),
      });
    }
  }
  for (const listing of directoryRecords(records)) {
    if (listing.outcome === 'ok') read += 1;
    else if (listing.outcome !== 'missing') problems.push(couldNotRead(listing.path, failureOf(listing)));
  }
  for (const file of fileRecords(records)) {
    if (file.outcome !== 'ok') {
      problems.push(couldNotRead(file.path, failureOf(file)));
      continue;
    }
    const identity = parseSysextPlist(file.content, file.encoding);
    if (!identity.ok) {
      problems.push(couldNotRead(file.path, identity.error));
      continue;
    }
    read += 1;
    const { bundleId, teamId, version, machServiceName } = identity.value;
    sink.observations.push({
      kind: 'system-extension',
      bundleId,
      ...(teamId ? { teamId } : {}),
      ...(version ? { version } : {}),
      evidence: evidence(id, file.path, machServiceName ? { 'Mach service': machServiceName } : undefined),
    });
  }
  const status =
    read > 0
      ? 'read'
      : problems.length > 0 && records.some((r) => r.outcome !== 'missing')
        ? 'unreadable'
        : 'not-present';
  sink.sources.push(sourceReport(id, records, status, problems.join('; ') || undefined));
}
