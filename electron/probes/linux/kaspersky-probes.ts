/**
 * Kaspersky on Linux: its folders, kesl-control, kav4fs-control and Network Agent's AVState files.
 * Paths: /opt/kaspersky/kesl/bin/kesl-control (also /usr/bin/kesl-control on PATH),
 * /var/opt/kaspersky/kesl/, /opt/kaspersky/kav4fs/bin/kav4fs-control, /etc/kaspersky/
 * [S99][S100][S101]; AVState in /var/opt/kaspersky/klnagent/1103/1.0.0.0/Statistics/AVState/ [S70].
 */

import { listFolderTree, readTextFolder } from '../host/folder-steps';
import { runCommand } from '../host/read-steps';
import type { Probe } from '../probe-context';

export const KASPERSKY_ROOTS = ['/opt/kaspersky', '/etc/kaspersky', '/var/opt/kaspersky'] as const;
export const KESL_CONTROL = ['/opt/kaspersky/kesl/bin/kesl-control', 'kesl-control'] as const;
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

/** Tries the install path first, then PATH; every attempt is kept, so the capture shows both. */
export function keslProbe(): Probe {
  return {
    id: 'linux.kesl',
    async run(context) {
      const records = [];
      for (const file of KESL_CONTROL) {
        const record = await runCommand(context, 'linux.kesl', file, ['--app-info'], 20_000);
        records.push(record);
        if (record.outcome !== 'missing') break;
      }
      return records;
    },
  };
}

export function kav4fsProbe(): Probe {
  return {
    id: 'linux.kav4fs',
    async run(context) {
      return [await runCommand(context, 'linux.kav4fs', KAV4FS_CONTROL, ['--get-stat', 'Update'], 20_000)];
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
