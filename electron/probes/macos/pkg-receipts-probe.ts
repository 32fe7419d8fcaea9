/** 'macos.pkg-receipts': `pkgutil --pkgs`, the installer receipts (com.kaspersky.kav.core … [S96][S97]). */
import { runProgram, SYSTEM_PROGRAMS } from '../host/programs';
import type { Probe } from '../probe-context';

export function pkgReceiptsProbe(): Probe {
  return {
    id: 'macos.pkg-receipts',
    async run(context) {
      return runProgram(context, 'macos.pkg-receipts', SYSTEM_PROGRAMS.macos.pkgutil, ['--pkgs'], 20_000);
    },
  };
}
