/**
 * Whether the sources that list antivirus products on this OS were read, so that "nothing
 * found" can be trusted. Windows: Security Center lists every registered antivirus; Windows
 * Server has none, so there Defender's status, installed programs and services together stand
 * in. macOS: the application folders. Linux: the package database (dpkg or rpm).
 */

import type { MachineFacts, SourceReport } from '../observations';
import { type SourceId, sourceLabel } from '../sources';
import type { InventoryCompleteness, ListingNotRead } from './verdict-rules/verdict-facts';

type Listings = Readonly<Record<MachineFacts['platform'], readonly (readonly SourceId[])[]>>;

/** Where each OS lists its antivirus products: any one of these sets, wholly read, is enough. */
const LISTINGS: Listings = {
  windows: [['windows.wsc.antivirus'], ['windows.defender', 'windows.uninstall', 'windows.services']],
  macos: [['macos.applications']],
  linux: [['linux.dpkg'], ['linux.rpm']],
};

/**
 * The same lists as osquery answers them (an imported capture): Security Center, else (Windows
 * Server) the Uninstall entries and services, which include Defender's WinDefend; the package
 * databases; the app bundles. Defender's own status has no osquery table.
 */
const OSQUERY_LISTINGS: Listings = {
  windows: [['osquery.windows-security-products'], ['osquery.uninstall', 'osquery.services']],
  macos: [['osquery.apps']],
  linux: [['osquery.deb-packages'], ['osquery.rpm-packages']],
};

export function inventoryCompleteness(
  machine: MachineFacts,
  sources: readonly SourceReport[],
): InventoryCompleteness {
  const unreadable = sources.filter((source) => source.status === 'unreadable');
  const read = (id: SourceId) => sources.some((s) => s.id === id && s.status === 'read');
  const listings = (machine.readThrough === 'osquery' ? OSQUERY_LISTINGS : LISTINGS)[machine.platform];
  const authoritative = listings.some((set) => set.every(read));
  const notRead = [...new Set(listings.flat())].flatMap((id): ListingNotRead[] => {
    const report = sources.find((s) => s.id === id);
    if (report?.status === 'read') return [];
    const why = !report || report.recorded === false ? 'not-recorded' : report.status;
    return [{ label: sourceLabel(id), why }];
  });
  return { unreadable, authoritative, listingsNotRead: authoritative ? [] : notRead };
}
