/**
 * Whether the sources that list antivirus products on this OS were read, so that "nothing
 * found" can be trusted. Windows: Security Center lists every registered antivirus; Windows
 * Server has none, so there Defender's status, installed programs and services together stand
 * in. macOS: the application folders. Linux: the package database (dpkg or rpm).
 */

import type { MachineFacts, SourceReport } from '../observations';
import type { SourceId } from '../sources';
import type { InventoryCompleteness } from './verdict';

const read = (sources: readonly SourceReport[], id: SourceId) =>
  sources.some((s) => s.id === id && s.status === 'read');

export function inventoryCompleteness(
  machine: MachineFacts,
  sources: readonly SourceReport[],
): InventoryCompleteness {
  const unreadable = sources.filter((source) => source.status === 'unreadable');
  switch (machine.platform) {
    case 'windows':
      return {
        unreadable,
        authoritative:
          read(sources, 'windows.wsc.antivirus') ||
          (read(sources, 'windows.defender') &&
            read(sources, 'windows.uninstall') &&
            read(sources, 'windows.services')),
      };
    case 'macos':
      return { unreadable, authoritative: read(sources, 'macos.applications') };
    case 'linux':
      return { unreadable, authoritative: read(sources, 'linux.dpkg') || read(sources, 'linux.rpm') };
  }
}
