/**
 * How each product found should be removed, the official way (migration-facts.md §3-4):
 * its own registered uninstaller (which Handover can start, after asking), Settings › Apps,
 * Kaspersky's kavremover as the fallback, the administrator's password or the management
 * console's remote-uninstall task for protected or managed installs, the vendor's uninstaller
 * app on macOS, and the package manager on Linux.
 */

import type { Platform } from '../capture';
import type { Detection, UninstallEntry } from '../scan-result';

export type RemovalRoute =
  /** Handover can start the product's registered uninstaller (after showing it and asking). */
  | { readonly kind: 'registered-uninstaller'; readonly entry: UninstallEntry }
  /** The package manager, run through the system's own elevation (pkexec) after asking. */
  | { readonly kind: 'package-manager'; readonly entry: UninstallEntry; readonly manager: 'dpkg' | 'rpm' }
  /** No registered uninstaller was found: Settings › Apps, then kavremover for Kaspersky. */
  | { readonly kind: 'settings-apps' }
  | { readonly kind: 'vendor-uninstaller-app' };

export interface ProductRemoval {
  readonly detectionId: string;
  readonly name: string;
  readonly routes: readonly RemovalRoute[];
  /** Plain-words notes that change how removal goes: password, management console, UltraAV. */
  readonly notes: readonly string[];
  /** Kaspersky's own removal tool is the fallback for its products. */
  readonly kavremoverFallback: boolean;
}

function routesFor(detection: Detection, platform: Platform): RemovalRoute[] {
  const routes: RemovalRoute[] = [];
  for (const entry of detection.uninstallEntries) {
    if (platform === 'windows' && (entry.uninstallString || entry.productCode)) {
      routes.push({ kind: 'registered-uninstaller', entry });
    } else if (
      platform === 'linux' &&
      (entry.registry === 'dpkg' || entry.registry === 'rpm') &&
      entry.identifier
    ) {
      routes.push({ kind: 'package-manager', entry, manager: entry.registry });
    }
  }
  if (platform === 'windows') routes.push({ kind: 'settings-apps' });
  if (platform === 'macos') routes.push({ kind: 'vendor-uninstaller-app' });
  return routes;
}

function notesFor(detection: Detection): string[] {
  const notes: string[] = [];
  if (detection.managedBy) {
    notes.push(
      `This computer is managed from ${detection.managedBy}. The simplest way is for its administrator to run the "Uninstall application remotely" task from Kaspersky Security Center; removing it here may ask for the administrator's uninstall password.`,
    );
  }
  if (detection.passwordProtected) {
    notes.push(
      detection.business
        ? 'Removal is protected by a password. Ask your administrator for it (the KLAdmin account, or a temporary password from the policy).'
        : "Removal is protected by a password. If you have forgotten it, Kaspersky's reset tool (KLAPR) must be run in Safe Mode; if it still asks, use kavremover.",
    );
  }
  if (detection.productId === 'ultraav') {
    notes.push(
      'UltraAV is a product of Pango Group that replaced Kaspersky on many US computers in September 2024 without being asked for. Remove it with its own uninstaller (Settings › Apps): other removal tools were reported not to work.',
    );
  }
  return notes;
}

/**
 * The one rule of what the move takes off this computer: every Kaspersky product still installed,
 * and UltraAV (installed in Kaspersky's place without being asked for) unless it is the choice.
 * The Remove step lists these, and Verify fails while any of them is still there.
 */
export function mustBeRemoved(detection: Detection, chosenProductId: string | null): boolean {
  return (
    detection.status !== 'leftover' &&
    (detection.vendorId === 'kaspersky' ||
      (detection.productId === 'ultraav' && chosenProductId !== 'ultraav'))
  );
}

/** What is still to remove: mustBeRemoved, less what the person says went another way. */
export function productsToRemove(
  detections: readonly Detection[],
  chosenProductId: string | null,
  removedAnotherWay: ReadonlySet<string>,
): Detection[] {
  return detections.filter((d) => mustBeRemoved(d, chosenProductId) && !removedAnotherWay.has(d.id));
}

export function removalFor(detection: Detection, platform: Platform): ProductRemoval {
  return {
    detectionId: detection.id,
    name: detection.name,
    routes: routesFor(detection, platform),
    notes: notesFor(detection),
    kavremoverFallback: detection.vendorId === 'kaspersky' && platform === 'windows',
  };
}
