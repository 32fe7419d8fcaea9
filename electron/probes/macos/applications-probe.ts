/**
 * 'macos.applications': app bundles in /Applications and ~/Applications, each with its
 * Contents/Info.plist stored as base64 (it may be a binary plist). Kaspersky's apps are named
 * 'Kaspersky Anti-Virus For Mac.app', 'Kaspersky Internet Security.app', 'Kaspersky.app' [S97][S98].
 */
import type { ProbeRecord } from '../../core/capture';
import { joinPath, listDirectory, mapLimited, readFile } from '../host/read-steps';
import type { Probe, ProbeContext } from '../probe-context';

export const INFO_PLIST_MAX_BYTES = 256 * 1024;
const MAX_APPS_PER_FOLDER = 400;

export function applicationFolders(homeDir: string): string[] {
  return ['/Applications', joinPath(homeDir, 'Applications')];
}

async function readApplications(context: ProbeContext, folder: string): Promise<ProbeRecord[]> {
  const listing = await listDirectory(context, 'macos.applications', folder);
  if (listing.outcome !== 'ok') return [listing];
  const apps = listing.entries.filter((name) => name.endsWith('.app')).slice(0, MAX_APPS_PER_FOLDER);
  const plists = await mapLimited(apps, 8, (app) =>
    readFile(context, 'macos.applications', joinPath(folder, `${app}/Contents/Info.plist`), {
      maxBytes: INFO_PLIST_MAX_BYTES,
      encoding: 'base64',
    }),
  );
  return [listing, ...plists];
}

export function applicationsProbe(): Probe {
  return {
    id: 'macos.applications',
    async run(context) {
      const folders = await Promise.all(
        applicationFolders(context.homeDir).map((folder) => readApplications(context, folder)),
      );
      return folders.flat();
    },
  };
}
