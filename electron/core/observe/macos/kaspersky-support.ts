/**
 * /Library/Application Support/Kaspersky Lab (macos.kaspersky-support): its folders as paths, and
 * Network Agent's AVState files [S70] as a product status.
 */
import type { Capture } from '../../capture';
import type { ProbeId } from '../../sources';
import { observeAvState } from '../unix/avstate';
import { observeFolderTrees } from '../unix/folders';
import { recordsOf, type Sink, sourceReport } from '../unix/record-status';

export const KASPERSKY_SUPPORT_FOLDER = '/Library/Application Support/Kaspersky Lab';
export const MACOS_AVSTATE_FOLDER = `${KASPERSKY_SUPPORT_FOLDER}/klnagent/Data/1103/1.0.0.0/Statistics/AVState`;

export function observeKasperskySupport(capture: Capture, sink: Sink): void {
  const id: ProbeId = 'macos.kaspersky-support';
  const records = recordsOf(capture, id);
  if (records.length === 0) return;
  const avStatePrefix = `${MACOS_AVSTATE_FOLDER}/`;
  const treeRecords = records.filter(
    (r) => !('path' in r) || (r.path !== MACOS_AVSTATE_FOLDER && !r.path.startsWith(avStatePrefix)),
  );
  const tree = observeFolderTrees(
    id,
    [KASPERSKY_SUPPORT_FOLDER],
    treeRecords,
    'the Kaspersky Application Support folder',
  );
  sink.observations.push(...tree.paths);
  const avState = observeAvState(id, MACOS_AVSTATE_FOLDER, records);
  if (avState.observation) sink.observations.push(avState.observation);
  const reason = [tree.reason, avState.status === 'unreadable' ? avState.reason : undefined]
    .filter(Boolean)
    .join('; ');
  sink.sources.push(sourceReport(id, records, tree.status, reason || undefined));
}
