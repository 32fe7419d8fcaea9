/** Folder-shaped gathering shared by Linux and macOS probes: a folder and its subfolders, a folder of small text files. */
import type { ProbeRecord } from '../../core/capture';
import type { ProbeId } from '../../core/sources';
import { mapLimited } from '../../core/util/map-limited';
import type { ProbeContext } from '../probe-context';
import { joinPath, listDirectory, readFile } from './read-steps';

/**
 * Lists a folder and then each of its entries (one level down, at most maxEntries). An entry that
 * lists is a folder; one that does not is stored with its failure, so the capture says which.
 */
export async function listFolderTree(
  context: ProbeContext,
  probe: ProbeId,
  root: string,
  maxEntries = 64,
): Promise<ProbeRecord[]> {
  const top = await listDirectory(context, probe, root);
  if (top.outcome !== 'ok') return [top];
  const children = await mapLimited(top.entries.slice(0, maxEntries), 4, (entry) =>
    listDirectory(context, probe, joinPath(root, entry)),
  );
  return [top, ...children];
}

/** Lists a folder and reads every file in it (the first maxBytes of each, at most maxFiles files). */
export async function readTextFolder(
  context: ProbeContext,
  probe: ProbeId,
  folder: string,
  options: { maxFiles: number; maxBytes: number; accept?: (name: string) => boolean },
): Promise<ProbeRecord[]> {
  const listing = await listDirectory(context, probe, folder);
  if (listing.outcome !== 'ok') return [listing];
  const names = listing.entries.filter((name) => !name.startsWith('.') && (options.accept?.(name) ?? true));
  const files = await mapLimited(names.slice(0, options.maxFiles), 4, (name) =>
    readFile(context, probe, joinPath(folder, name), { maxBytes: options.maxBytes }),
  );
  return [listing, ...files];
}
