/**
 * Kaspersky on Linux: its folders, kesl-control, kav4fs-control and Network Agent's AVState files.
 * Paths: /opt/kaspersky/kesl/bin/kesl-control (also /usr/bin/kesl-control on PATH),
 * /var/opt/kaspersky/kesl/, /opt/kaspersky/kav4fs/bin/kav4fs-control, /etc/kaspersky/
 * [S99][S100][S101]; AVState in /var/opt/kaspersky/klnagent/1103/1.0.0.0/Statistics/AVState/ [S70].
 */

import { listFolderTree, readTextFolder } from '../host/folder-steps';
import { runProgram } from '../host/programs';
import { runCommand } from '../host/read-steps';
import type { Probe } from '../probe-context';

export const KASPERSKY_ROOTS = ['/opt/kaspersky', '/etc/kaspersky', '/var/opt/kaspersky'] as const;
/** The install path, then the link in /usr/bin that KESL's setup creates [S101]. */
export const KESL_CONTROL = ['/opt/kaspersky/kesl/bin/kesl-control', '/usr/bin/kesl-control'] as const;
export const KAV4FS_CONTROL = '/opt/kaspersky/kav4fs/bin/kav4fs-control';
export const LINUX_AVSTATE = '/var/opt/kaspersky/klnagent/1103/1.0.0.0/Statistics/AVState';

export function kasperskyFilesProbe(): Probe {
  return {
    id: 'linux.kaspersky-files',
    async run(context) {
      const trees = await Promise.all(
        KASPERSKY_ROOTS.map((root) => listFolderTree(context, 'linux.kaspersky-files', root)),
      );
      return trees.flat();
    },
  };
}

/** Tries the install path first, then /usr/bin; every attempt is kept, so the capture shows both. */
export function keslProbe(): Probe {
  return {
    id: 'linux.kesl',
    run: (context) => runProgram(context, 'linux.kesl', KESL_CONTROL, ['--app-info'], 20_000),
  };
}

/**
 * `--get-stat Update` (databases [S111]), then `-S --app-info` (name and full version, as
 * malice-plugins/kaspersky reads it: 'Version: 8.0.4.312'), the second only when the first found
 * kav4fs-control.
 */
export function kav4fsProbe(): Probe {
  return {
    id: 'linux.kav4fs',
    async run(context) {
      const stat = await runCommand(
        context,
        'linux.kav4fs',
        KAV4FS_CONTROL,
        ['--get-stat', 'Update'],
        20_000,
      );
      if (stat.outcome === 'missing') return [stat];
      return [stat, await runCommand(context, 'linux.kav4fs', KAV4FS_CONTROL, ['-S', '--app-info'], 20_000)];
    },
  };
}

export function klnagentAvStateProbe(): Probe {
  return {
    id: 'linux.klnagent-avstate',
    run: (context) =>
      readTextFolder(context, 'linux.klnagent-avstate', LINUX_AVSTATE, { maxFiles: 64, maxBytes: 4096 }),
  };
}
