/**
 * The order of a move, from the facts of each system (issue 12 §1): which comes first, the new
 * antivirus or the removal of the old one, and what protects the machine in between. One place,
 * so the verdict's advice, the Check card, the progress rail and every step say the same.
 *
 * - Windows runs one real-time antivirus at a time. Microsoft: with a non-Microsoft antivirus
 *   registered, Defender Antivirus goes into disabled (or passive) mode automatically, and it is
 *   the antivirus that protects once that one is gone; on Windows Server it does not come back by
 *   itself. Two real-time engines side by side is what Windows avoids, so the old one goes first
 *   and Defender covers the gap (Handover checks that it did, on the scan after the removal).
 * - Linux and macOS let two products watch the same files: on Linux, fanotify serves several
 *   listeners at once ("Multiple programs may be using the fanotify interface at the same time to
 *   monitor the same files", fanotify_init(2)), which is how ClamAV's clamonacc and Kaspersky's
 *   file monitor both scan on access; on macOS, XProtect is part of the system and runs whatever
 *   else is installed. So the new protection is installed and verified first, and the old one is
 *   removed after: no gap at all. Microsoft's own migration guide for its endpoint product on
 *   every system does the same (onboard, check, then uninstall the non-Microsoft solution).
 *   The overlap is kept short on purpose: Microsoft does not support Defender for Endpoint on Linux
 *   "side by side with other fanotify-based security solutions" for long (its Linux prerequisites
 *   page), so Remove follows as soon as the new protection is verified.
 */
import type { Platform } from '../capture';
import { STEP_IDS, type StepId } from './migration-steps';

export interface Citation {
  readonly title: string;
  readonly url: string;
}

export interface MoveOrder {
  /** The new protection is installed and verified before the old product is removed. */
  readonly installFirst: boolean;
  /** The steps of a move on this system, in the order they are taken. */
  readonly steps: readonly StepId[];
  /** Why this order, in one plain sentence. */
  readonly why: string;
  /** What protects the computer between the removal and the new product (remove-first only). */
  readonly inBetween: string | null;
  readonly sources: readonly Citation[];
}

const DEFENDER_COMPATIBILITY: Citation = {
  title: 'Microsoft: Microsoft Defender Antivirus compatibility with other security products',
  url: 'https://learn.microsoft.com/en-us/defender-endpoint/microsoft-defender-antivirus-compatibility',
};
const FANOTIFY: Citation = {
  title: 'Linux man-pages: fanotify_init(2)',
  url: 'https://manpages.ubuntu.com/manpages/noble/man2/fanotify_init.2.html',
};
const APPLE_XPROTECT: Citation = {
  title: 'Apple Platform Security text on XProtect and malware removal (mirrored in a gist)',
  url: 'https://gist.github.com/applch/0e2dd25db561cdddf8d4e5042e47f34b',
};
const SWITCH_TO_MDE: Citation = {
  title:
    'Microsoft: Switch to Microsoft Defender for Endpoint, phase 3 (onboard, then uninstall the non-Microsoft solution)',
  url: 'https://learn.microsoft.com/en-us/defender-endpoint/switch-to-mde-phase-3',
};

/** Every step, in the order they were first written: Windows' order. */
const REMOVE_FIRST: readonly StepId[] = STEP_IDS;
/** No Restart step: nothing on Linux or macOS waits for one to finish a removal. */
const INSTALL_FIRST: readonly StepId[] = [
  'check',
  'keep-data',
  'choose',
  'install',
  'remove',
  'verify',
  'done',
];

export function moveOrder(platform: Platform, isServer: boolean | null = false): MoveOrder {
  switch (platform) {
    case 'windows':
      return {
        installFirst: false,
        steps: REMOVE_FIRST,
        why: 'Windows runs one real-time antivirus at a time, so the old one is removed first.',
        inBetween: isServer
          ? 'On Windows Server, Microsoft Defender Antivirus does not turn itself back on: turn it on right after the removal (Install says how); Handover checks it on the next scan.'
          : 'Once it is gone, Microsoft Defender Antivirus turns itself back on and protects this computer until the new one is in place; Handover checks that it did on the scan after the removal.',
        sources: [DEFENDER_COMPATIBILITY],
      };
    case 'linux':
      return {
        installFirst: true,
        steps: INSTALL_FIRST,
        why: "Linux lets more than one program watch the same files (the kernel's fanotify), so the new one is installed and checked first, and the old one removed right after: no gap.",
        inBetween: null,
        sources: [FANOTIFY, SWITCH_TO_MDE],
      };
    case 'macos':
      return {
        installFirst: true,
        steps: INSTALL_FIRST,
        why: "macOS's own protection runs next to any other antivirus, so the new one is in place and checked first, and the old one removed after: no gap.",
        inBetween: null,
        sources: [APPLE_XPROTECT, SWITCH_TO_MDE],
      };
  }
}

/** The verdict's advice for a banned antivirus, in the order of this system. */
export function moveAdvice(platform: Platform, isServer: boolean | null = false): string {
  if (moveOrder(platform).installFirst) return 'install the new one, then remove the old one';
  return isServer
    ? 'remove the old one, then turn Microsoft Defender back on at once (on Windows Server it does not come back by itself)'
    : 'remove the old one, then install the new one; Microsoft Defender protects this computer in between';
}
