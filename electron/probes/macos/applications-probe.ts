/**
 * 'macos.applications': every application bundle, found the way macOS finds them, each with its
 * Contents/Info.plist stored as base64 (it may be a binary plist).
 *
 * Spotlight is asked first: `mdfind 'kMDItemContentType == "com.apple.application-bundle"'`
 * lists every indexed app bundle on the Mac (com.apple.application-bundle is the UTI Apple gives
 * bundled applications, kUTTypeApplicationBundle), wherever it sits: /Applications and its
 * vendor folders (/Applications/Sophos/Sophos Endpoint.app), ~/Applications, /Library/Application
 * Support. It needs no privileges and answers from the index. It is not enough alone: Spotlight
 * can be switched off or still indexing, and then it answers nothing. So /Applications and
 * ~/Applications are also listed, two levels deep, and the two lists are merged. (system_profiler
 * SPApplicationsDataType walks the same index and then reads every bundle's signature, which
 * takes far longer; lsregister -dump prints LaunchServices' whole database. Neither was chosen.)
 *
 * Bundles inside another bundle (helpers), in the Trash, on other volumes and Apple's own under
 * /System are left out; at most MAX_APPS plists are read. Parallels' and VMware's shims of a
 * Windows guest's apps are read like any bundle and set aside by the observer (their bundle ids
 * say what they are).
 */
import type { DirectoryRecord, ProbeRecord } from '../../core/capture';
import { appPathsOf } from '../../core/parse/macos/app-paths';
import { mapLimited } from '../../core/util/map-limited';
import { runProgram, SYSTEM_PROGRAMS } from '../host/programs';
import { joinPath, listDirectory, readFile } from '../host/read-steps';
import type { Probe, ProbeContext } from '../probe-context';

export const INFO_PLIST_MAX_BYTES = 256 * 1024;
export const MDFIND_APPLICATIONS_QUERY = 'kMDItemContentType == "com.apple.application-bundle"';
export const MDFIND_TIMEOUT_MS = 15_000;
const MAX_APPS = 600;

export function applicationFolders(homeDir: string): string[] {
  return ['/Applications', joinPath(homeDir, 'Applications')];
}

/** The folder, then each of its entries that is not a bundle (vendor folders, Utilities). */
async function listTwoLevels(context: ProbeContext, folder: string): Promise<DirectoryRecord[]> {
  const top = await listDirectory(context, 'macos.applications', folder);
  if (top.outcome !== 'ok') return [top];
  const subfolders = top.entries.filter((name) => !name.endsWith('.app') && !name.startsWith('.'));
  const listings = await mapLimited(subfolders.slice(0, 64), 8, (name) =>
    listDirectory(context, 'macos.applications', joinPath(folder, name)),
  );
  // An entry that does not list is a file, not a folder: nothing to keep.
  return [top, ...listings.filter((listing) => listing.outcome === 'ok')];
}

export function applicationsProbe(): Probe {
  return {
    id: 'macos.applications',
    async run(context) {
      const [spotlight, ...folders] = await Promise.all([
        runProgram(
          context,
          'macos.applications',
          SYSTEM_PROGRAMS.macos.mdfind,
          [MDFIND_APPLICATIONS_QUERY],
          MDFIND_TIMEOUT_MS,
        ),
        ...applicationFolders(context.homeDir).map((folder) => listTwoLevels(context, folder)),
      ]);
      const listed: ProbeRecord[] = [...(spotlight ?? []), ...folders.flat()];
      const plists = await mapLimited(appPathsOf(listed).slice(0, MAX_APPS), 8, (app) =>
        readFile(context, 'macos.applications', `${app}/Contents/Info.plist`, {
          maxBytes: INFO_PLIST_MAX_BYTES,
          encoding: 'base64',
        }),
      );
      return [...listed, ...plists];
    },
  };
}
