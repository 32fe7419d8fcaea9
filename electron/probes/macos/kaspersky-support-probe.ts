/**
 * 'macos.kaspersky-support': /Library/Application Support/Kaspersky Lab (legacy KAV binaries live in
 * its KAV/Binaries [S97]) and Network Agent's AVState text files in
 * klnagent/Data/1103/1.0.0.0/Statistics/AVState [S70].
 */
import { listFolderTree, readTextFolder } from '../host/folder-steps';
import type { Probe } from '../probe-context';

export const KASPERSKY_SUPPORT_DIR = '/Library/Application Support/Kaspersky Lab';
export const MACOS_AVSTATE = `${KASPERSKY_SUPPORT_DIR}/klnagent/Data/1103/1.0.0.0/Statistics/AVState`;

export function kasperskySupportProbe(): Probe {
  return {
    id: 'macos.kaspersky-support',
    async run(context) {
      const tree = await listFolderTree(context, 'macos.kaspersky-support', KASPERSKY_SUPPORT_DIR);
      if (tree[0]?.outcome !== 'ok') return tree;
      const avState = await readTextFolder(context, 'macos.kaspersky-support', MACOS_AVSTATE, {
        maxFiles: 64,
        maxBytes: 4096,
      });
      return [...tree, ...avState];
    },
  };
}
