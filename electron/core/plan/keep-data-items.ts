/**
 * "Keep your data": what to save before a product is removed, from what the scan found. Facts
 * from the research notes (migration-facts.md): Kaspersky Password Manager exports a plain-text
 * file (§1.1), its encrypted .edb backup is useless to other managers (§1.1), stored document
 * images are downloaded separately (§1.1), quarantined files become unavailable once the product
 * is removed (§3.1), UltraAV kept billing on Kaspersky's schedule (§3.4).
 */
import type { Detection } from '../scan-result';

export interface KeepDataItem {
  readonly id: string;
  readonly title: string;
  /** What to do, in plain words. */
  readonly how: string;
  /** What is lost if it is skipped. */
  readonly lostIfSkipped: string;
  /** The detections it is about. */
  readonly detectionIds: readonly string[];
  /** Handover can do part of it itself (convert the password export). */
  readonly handoverHelps: boolean;
}

const active = (detections: readonly Detection[]) => detections.filter((d) => d.status !== 'leftover');
const byProduct = (detections: readonly Detection[], productId: string) =>
  active(detections).filter((d) => d.productId === productId);

export function keepDataItems(detections: readonly Detection[]): KeepDataItem[] {
  const items: KeepDataItem[] = [];
  const ids = (ds: readonly Detection[]) => ds.map((d) => d.id);

  const passwordManager = byProduct(detections, 'kaspersky-password-manager');
  if (passwordManager.length > 0) {
    items.push({
      id: 'password-manager-export',
      title: 'Export your passwords',
      how: 'In Kaspersky Password Manager choose Additional › Settings › Import/Export › Export to text file. Handover then turns that file into the format your new password manager imports, on this computer only.',
      lostIfSkipped:
        'Every password, note and login saved in Kaspersky Password Manager. Its backup file (.edb) cannot be opened by any other password manager.',
      detectionIds: ids(passwordManager),
      handoverHelps: true,
    });
    items.push({
      id: 'password-manager-images',
      title: 'Download the images saved in Password Manager',
      how: 'Pictures of documents kept in Password Manager are not in the text export: download them from your vault first.',
      lostIfSkipped: 'The document images stored in your vault.',
      detectionIds: ids(passwordManager),
      handoverHelps: false,
    });
  }

  const safeKids = byProduct(detections, 'kaspersky-safe-kids');
  if (safeKids.length > 0) {
    items.push({
      id: 'safe-kids-rules',
      title: "Write down your children's Safe Kids rules",
      how: 'Note the time limits, blocked sites and apps you set, so you can set them again in the parental controls you move to.',
      lostIfSkipped: 'Your Safe Kids rules and schedules.',
      detectionIds: ids(safeKids),
      handoverHelps: false,
    });
  }

  const vpn = byProduct(detections, 'kaspersky-vpn-secure-connection');
  if (vpn.length > 0) {
    items.push({
      id: 'vpn-subscription',
      title: 'Note your VPN subscription',
      how: 'Write down when your Kaspersky VPN subscription ends and which locations you use.',
      lostIfSkipped: 'Access to the VPN you paid for, without a note of what it covered.',
      detectionIds: ids(vpn),
      handoverHelps: false,
    });
  }

  const kaspersky = active(detections).filter((d) => d.vendorId === 'kaspersky');
  const kasperskyAntivirus = kaspersky.filter((d) => d.kind === 'antivirus');
  if (kasperskyAntivirus.length > 0) {
    items.push({
      id: 'quarantine',
      title: 'Restore anything you need from quarantine',
      how: 'Open Kaspersky, go to Quarantine, and restore any file you still need (only files you are sure are safe).',
      lostIfSkipped: 'Files in quarantine become unavailable once Kaspersky is removed.',
      detectionIds: ids(kasperskyAntivirus),
      handoverHelps: false,
    });
  }
  if (kaspersky.some((d) => !d.business)) {
    items.push({
      id: 'stop-auto-renewal',
      title: 'Stop auto-renewal in My Kaspersky',
      how: 'Sign in at my.kaspersky.com, open Subscriptions, and turn off automatic renewal before you remove Kaspersky.',
      lostIfSkipped: 'You may keep being charged for a product you no longer use.',
      detectionIds: ids(kaspersky.filter((d) => !d.business)),
      handoverHelps: false,
    });
  }

  const ultraav = byProduct(detections, 'ultraav');
  if (ultraav.length > 0) {
    items.push({
      id: 'ultraav-subscription',
      title: "Cancel UltraAV's subscription if you will not keep it",
      how: 'UltraAV took over Kaspersky subscriptions in the US in September 2024 and bills on the same schedule: cancel it with UltraAV if you move elsewhere.',
      lostIfSkipped: 'Charges for UltraAV may continue after you remove it.',
      detectionIds: ids(ultraav),
      handoverHelps: false,
    });
  }
  return items;
}
