/**
 * Product folders found by listing (Kaspersky's /opt/kaspersky, /etc/kaspersky, /var/opt/kaspersky,
 * /Library/Application Support/Kaspersky Lab) as PathObservations. A root that lists is a folder;
 * each entry is a folder when its own listing worked, else a file (or unreadable).
 */
import type { DirectoryRecord, ProbeRecord } from '../../capture';
import type { PathObservation } from '../../observations';
import type { SourceId } from '../../sources';
import { couldNotRead, directoryRecords, evidence, failureOf } from './record-status';

export interface FolderTreeResult {
  readonly paths: readonly PathObservation[];
  readonly status: 'read' | 'unreadable' | 'not-present';
  readonly reason?: string;
}

export function observeFolderTrees(
  source: SourceId,
  roots: readonly string[],
  records: readonly ProbeRecord[],
  what: string,
): FolderTreeResult {
  const listings = directoryRecords(records);
  const byPath = new Map<string, DirectoryRecord>(listings.map((record) => [record.path, record]));
  const paths: PathObservation[] = [];
  const failures: string[] = [];
  let found = 0;
  for (const root of roots) {
    const top = byPath.get(root);
    if (!top) continue;
    if (top.outcome === 'missing') continue;
    if (top.outcome !== 'ok') {
      failures.push(failureOf(top));
      continue;
    }
    found += 1;
    paths.push({
      kind: 'path',
      path: root,
      isDirectory: true,
      evidence: evidence(source, `${root}/ (folder)`),
    });
    for (const entry of top.entries) {
      const path = `${root.replace(/\/$/, '')}/${entry}`;
      const isDirectory = byPath.get(path)?.outcome === 'ok';
      paths.push({
        kind: 'path',
        path,
        isDirectory,
        evidence: evidence(source, isDirectory ? `${path}/ (folder)` : path),
      });
    }
  }
  if (failures.length > 0 && found === 0)
    return { paths, status: 'unreadable', reason: couldNotRead(what, failures.join('; ')) };
  if (found === 0) return { paths, status: 'not-present', reason: `none of ${roots.join(', ')} exists` };
  return failures.length > 0
    ? { paths, status: 'read', reason: `some of ${what} could not be read: ${failures.join('; ')}` }
    : { paths, status: 'read' };
}
