/**
 * The app's data folder when there is no Electron to ask (the command line): the folder Electron
 * gives the window as app.getPath('userData'), which is appData joined with the product name
 * (Electron's app.getPath: appData is %APPDATA% on Windows, ~/Library/Application Support on
 * macOS, $XDG_CONFIG_HOME or ~/.config on Linux), so the CLI and the window share one folder.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Handover';

export function appDataDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
  home: string = env.HOME ?? env.USERPROFILE ?? homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME);
}
