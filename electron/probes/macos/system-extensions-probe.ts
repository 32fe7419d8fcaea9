/**
 * 'macos.system-extensions': `systemextensionsctl list`, and the Info.plist of every installed
 * extension bundle under /Library/SystemExtensions/<uuid>/<name>.systemextension. Kaspersky's
 * sysext is com.kaspersky.kav.sysext, team 2Y8XE5CQ94 [S91][S92].
 */
import type { ProbeRecord } from '../../core/capture';
import { mapLimited } from '../../core/util/map-limited';
import { runProgram, SYSTEM_PROGRAMS } from '../host/programs';
import { joinPath, listDirectory, readFile } from '../host/read-steps';
import type { Probe, ProbeContext } from '../probe-context';

export const SYSTEM_EXTENSIONS_DIR = '/Library/SystemExtensions';
const MAX_FOLDERS = 64;

async function readExtensionPlists(context: ProbeContext): Promise<ProbeRecord[]> {
  const probe = 'macos.system-extensions';
  const top = await listDirectory(context, probe, SYSTEM_EXTENSIONS_DIR);
  if (top.outcome !== 'ok') return [top];
  const folders = top.entries.filter((name) => !name.includes('.')).slice(0, MAX_FOLDERS);
  const listings = await mapLimited(folders, 4, (name) =>
    listDirectory(context, probe, joinPath(SYSTEM_EXTENSIONS_DIR, name)),
  );
  const bundles = listings.flatMap((listing) =>
    listing.outcome === 'ok'
      ? listing.entries.filter((e) => e.endsWith('.systemextension')).map((e) => joinPath(listing.path, e))
      : [],
  );
  const plists = await mapLimited(bundles.slice(0, MAX_FOLDERS), 4, (bundle) =>
    readFile(context, probe, `${bundle}/Contents/Info.plist`, { maxBytes: 256 * 1024, encoding: 'base64' }),
  );
  return [top, ...listings, ...plists];
}

export function systemExtensionsProbe(): Probe {
  return {
    id: 'macos.system-extensions',
    async run(context) {
      const [list, plists] = await Promise.all([
        runProgram(
          context,
          'macos.system-extensions',
          SYSTEM_PROGRAMS.macos.systemextensionsctl,
          ['list'],
          15_000,
        ),
        readExtensionPlists(context),
      ]);
      return [...list, ...plists];
    },
  };
}
