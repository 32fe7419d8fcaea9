/** 'macos.pkg-receipts': `pkgutil --pkgs`, the installer receipts (com.kaspersky.kav.core … [S96][S97]). */
import { runCommand } from '../host/read-steps';
import type { Probe } from '../probe-context';

export function pkgReceiptsProbe(): Probe {
  return {
    id: 'macos.pkg-receipts',
    async run(context) {
      return [await runCommand(context, 'macos.pkg-receipts', 'pkgutil', ['--pkgs'], 20_000)];
    },
  };
}
