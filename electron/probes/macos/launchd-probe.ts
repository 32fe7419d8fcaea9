/**
 * 'macos.launchd': the launchd job folders. Legacy KAV for Mac installs
 * /Library/LaunchDaemons/com.kaspersky.kav.plist and LaunchAgent com.kaspersky.kav.gui [S97].
 */
import { joinPath, listDirectory } from '../host/read-steps';
import type { Probe } from '../probe-context';

export function launchdFolders(homeDir: string): string[] {
  return ['/Library/LaunchDaemons', '/Library/LaunchAgents', joinPath(homeDir, 'Library/LaunchAgents')];
}

export function launchdProbe(): Probe {
  return {
    id: 'macos.launchd',
    run: (context) =>
      Promise.all(
        launchdFolders(context.homeDir).map((folder) => listDirectory(context, 'macos.launchd', folder)),
      ),
  };
}
