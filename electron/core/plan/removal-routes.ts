/**
 * How each product found should be removed, the official way (migration-facts.md §3-4):
 * its own registered uninstaller (which Handover can start, after asking), Settings › Apps,
 * Kaspersky's kavremover as the fallback, the administrator's password or the management
 * console's remote-uninstall task for protected or managed installs, the vendor's uninstaller
 * app on macOS, and the package manager on Linux.
 */

import type { Platform } from '../capture';
import type { Detection, UninstallEntry } from '../scan-result';
import type { Citation } from './move-order';

export type RemovalRoute =
  /** Handover can start the product's registered uninstaller (after showing it and asking). */
  | { readonly kind: 'registered-uninstaller'; readonly entry: UninstallEntry }
  /** The package manager, run through the system's own elevation (pkexec) after asking. */
  | { readonly kind: 'package-manager'; readonly entry: UninstallEntry; readonly manager: 'dpkg' | 'rpm' }
  /** No registered uninstaller was found: Settings › Apps, then kavremover for Kaspersky. */
  | { readonly kind: 'settings-apps' }
  | { readonly kind: 'vendor-uninstaller-app' };

/**
 * A way the person can take themselves when Handover cannot run the removal (no registered
 * uninstaller, a password, a managed install, a Mac): what it is, its steps in order, and the
 * vendor pages it rests on. Issue 12 §1: the Remove step is never a dead end.
 */
export interface RemovalWay {
  readonly id:
    | 'managed-console'
    | 'product-password'
    | 'settings-apps'
    | 'kavremover'
    | 'vendor-uninstaller-app'
    | 'package-manager'
    | 'manual';
  readonly title: string;
  readonly steps: readonly string[];
  readonly sources: readonly Citation[];
}

export interface ProductRemoval {
  readonly detectionId: string;
  readonly name: string;
  readonly routes: readonly RemovalRoute[];
  /** True when one of the routes is one Handover can start (after showing it and asking). */
  readonly handoverCanRun: boolean;
  /** The ways the person can take themselves, in the order to try them. */
  readonly ways: readonly RemovalWay[];
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
  const routes = routesFor(detection, platform);
  return {
    detectionId: detection.id,
    name: detection.name,
    routes,
    handoverCanRun: routes.some((r) => r.kind === 'registered-uninstaller' || r.kind === 'package-manager'),
    ways: waysFor(detection, platform),
    notes: notesFor(detection),
    kavremoverFallback: detection.vendorId === 'kaspersky' && platform === 'windows',
  };
}

// The vendor pages the ways rest on (research/migration-facts.md §3-4).
const KSC_REMOTE_UNINSTALL: Citation = {
  title: 'Kaspersky Security Center 15.1 Help: Remote removal of applications',
  url: 'https://support.kaspersky.com/KSC/15.1/en-US/6389.htm',
};
const KES_REMOTE_UNINSTALL: Citation = {
  title: 'Kaspersky Endpoint Security 12.7 for Windows Help: removing the application remotely',
  url: 'https://support.kaspersky.com/help/KESWin/12.7/fr-FR/50362.htm',
};
const KES_PASSWORD: Citation = {
  title: 'Kaspersky Endpoint Security 12 for Windows Help: password protection (KLAdmin, temporary password)',
  url: 'https://support.kaspersky.com/KESWin/12.0/en-US/123303.htm',
};
const KASPERSKY_PASSWORD_RESET: Citation = {
  title: 'Kaspersky: How to reset a password for uninstalling, closing or configuring an application',
  url: 'https://support.kaspersky.com/14674',
};
const KASPERSKY_REMOVAL_WIZARD: Citation = {
  title: 'Kaspersky Internet Security user guide: removing the application (saving data, restart)',
  url: 'https://www.manualshelf.com/manual/kaspersky/kl1226gcefs/brochure-english/page-22.html',
};
const KAVREMOVER_PAGE: Citation = {
  title: "Kaspersky: the kavremover tool's page (Kaspersky Lab products remover)",
  url: 'https://support.kaspersky.com/common/uninstall/1464',
};
const KAVREMOVER_LOG: Citation = {
  title:
    'A kavremover log (KAVRemover tool version 1.0.2686: searching for installed products, validating the code typed)',
  url: 'https://pastebin.com/R2g17QcD',
};

/**
 * The ways for one product, most fitting first: a managed install goes through its console, a
 * password-protected one needs its password (or Kaspersky's reset), then the system's own way
 * (Settings › Apps, the vendor's Mac uninstaller, the package manager), and for Kaspersky on
 * Windows its removal tool, kavremover, when the rest fails.
 */
function waysFor(detection: Detection, platform: Platform): RemovalWay[] {
  const name = detection.name;
  const kaspersky = detection.vendorId === 'kaspersky';
  const ways: RemovalWay[] = [];
  if (detection.managedBy && kaspersky) {
    ways.push({
      id: 'managed-console',
      title: `The administrator removes it from ${detection.managedBy}`,
      steps: [
        `Ask the administrator of ${detection.managedBy} (Kaspersky Security Center) to remove ${name} from this computer.`,
        'In Kaspersky Security Center they create the task "Uninstall application remotely", choose "Uninstall managed application" and pick this computer.',
        'The task sends the uninstaller to this computer and runs it; leave the computer on and connected until it ends.',
        'Then press "Scan again to see what is still installed".',
      ],
      sources: [KSC_REMOTE_UNINSTALL, KES_REMOTE_UNINSTALL],
    });
  }
  if (detection.passwordProtected && kaspersky) {
    ways.push(
      detection.business
        ? {
            id: 'product-password',
            title: 'Its uninstall password',
            steps: [
              `${name} asks for a password before it can be removed.`,
              'Ask your administrator for the KLAdmin password, or for a temporary password issued from the policy in Kaspersky Security Center.',
              'Enter it when the uninstaller asks, or turn off password protection in the application settings with it, then uninstall.',
              "If the computer is not connected to Kaspersky Security Center and the KLAdmin password is lost, Kaspersky says it cannot be recovered: the administrator's remote task is then the way.",
            ],
            sources: [KES_PASSWORD],
          }
        : {
            id: 'product-password',
            title: "Its password, or Kaspersky's reset",
            steps: [
              `${name} asks for its password before it can be removed: enter it when the uninstaller asks.`,
              "Forgotten it? Download Kaspersky's password reset archive from the page below and unpack it.",
              'Start Windows in Safe Mode: hold Shift while you choose Restart, then Troubleshoot › Advanced options › Startup Settings › Restart, and press 4.',
              'Run KLAPR.bat from the archive, then restart Windows normally and uninstall.',
              'If it still asks for a password, use kavremover (below).',
            ],
            sources: [KASPERSKY_PASSWORD_RESET],
          },
    );
  }
  switch (platform) {
    case 'windows':
      ways.push({
        id: 'settings-apps',
        title: 'Settings › Apps',
        steps: [
          `Open Settings › Apps › Installed apps (Windows 10: Settings › Apps › Apps & features; Windows 7: Control Panel › Programs and Features).`,
          `Find ${name}, choose Uninstall, and follow its own uninstaller.`,
          ...(kaspersky
            ? [
                "Kaspersky's uninstaller offers to save data for later (licence, quarantine, settings): leave it unticked, you are moving on.",
              ]
            : []),
          'Restart when it asks: the removal finishes with the restart.',
          'Then press "Scan again to see what is still installed".',
        ],
        sources: kaspersky ? [KASPERSKY_REMOVAL_WIZARD] : [],
      });
      if (kaspersky)
        ways.push({
          id: 'kavremover',
          title: "Kaspersky's removal tool, kavremover",
          steps: [
            'Use it only if the usual way fails or stops half way.',
            "Download kavremover (kavremvr.exe) from Kaspersky's own page below.",
            'Run it and accept its licence agreement.',
            'Type the code it shows in the picture: this proves a person, not a program, asked for the removal.',
            `Pick ${name} in the list of Kaspersky products it found, then choose Remove.`,
            'Restart the computer when it has finished, then press "Scan again to see what is still installed".',
          ],
          sources: [KAVREMOVER_PAGE, KAVREMOVER_LOG],
        });
      break;
    case 'macos':
      ways.push({
        id: 'vendor-uninstaller-app',
        title: "The vendor's uninstaller app",
        steps: [
          kaspersky
            ? 'Open the Kaspersky app\'s uninstaller: "Uninstall Kaspersky" (older versions: "Kaspersky Anti-Virus Uninstaller"), in Applications or on the installer\'s disk image.'
            : `Open ${name}'s own uninstaller (in Applications, or on its installer's disk image).`,
          'Follow it; macOS asks for the password of an administrator of this Mac (Kaspersky for Mac protects removal with that password, not one of its own).',
          'Then press "Scan again to see what is still installed".',
        ],
        sources: kaspersky ? [KASPERSKY_PASSWORD_RESET] : [],
      });
      break;
    case 'linux': {
      const entry = detection.uninstallEntries.find(
        (e) => (e.registry === 'dpkg' || e.registry === 'rpm') && e.identifier,
      );
      if (entry)
        ways.push({
          id: 'package-manager',
          title: 'The package manager, yourself',
          steps: [
            entry.registry === 'dpkg'
              ? `In a terminal: sudo apt-get remove ${entry.identifier}`
              : `In a terminal: sudo dnf remove ${entry.identifier} (or sudo yum remove ${entry.identifier})`,
            'Then press "Scan again to see what is still installed".',
          ],
          sources: [],
        });
      else
        ways.push({
          id: 'manual',
          title: 'By hand',
          steps: [
            `No package of ${name} was found: remove it the way it was installed (its own uninstall script, or the package manager it came with).`,
            'Then press "Scan again to see what is still installed".',
          ],
          sources: [],
        });
      break;
    }
  }
  return ways;
}
