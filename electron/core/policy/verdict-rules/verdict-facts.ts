/**
 * What the verdict's rules look at, worked out once from the detections: which products are
 * active, which antivirus protects, which is banned here and when its updates end, which would
 * be banned if the machine were elsewhere. Every rule in this folder reads these facts and
 * nothing else, so each can be tested on its own.
 */
import type { Platform } from '../../capture';
import type { Ban } from '../../catalog/ban-schema';
import type { SourceReport } from '../../observations';
import type { BanStatus, Detection } from '../../scan-result';
import { banStatus, bindingBansCovering } from '../ban-status';

export interface InventoryCompleteness {
  /** The sources that list antivirus products on this OS were read (WSC, packages, apps). */
  readonly authoritative: boolean;
  readonly unreadable: readonly SourceReport[];
  /**
   * The sources that list antivirus products here and were not read, and why: unreadable, not
   * on this computer (a Linux without dpkg or rpm), or not recorded at all (a capture without
   * them). Empty when `authoritative`.
   */
  readonly listingsNotRead?: readonly ListingNotRead[];
}

export interface ListingNotRead {
  readonly label: string;
  readonly why: 'unreadable' | 'not-present' | 'not-recorded';
}

/** A product that a binding ban covers somewhere, while this machine's region is unknown. */
export interface BannedElsewhere {
  readonly detection: Detection;
  readonly bans: readonly BanStatus[];
}

/** The system the verdict is for: the order of a move depends on it (core/plan/move-order.ts). */
export interface VerdictMachine {
  readonly platform: Platform;
  readonly isServer: boolean | null;
}

export interface VerdictFacts {
  readonly now: Date;
  readonly machine: VerdictMachine;
  readonly regionKnown: boolean;
  readonly completeness: InventoryCompleteness;
  /** Every detection, in the scan's order. */
  readonly detections: readonly Detection[];
  /** Installed or running: not a leftover of a removed product. */
  readonly active: readonly Detection[];
  readonly leftovers: readonly Detection[];
  /** Active antivirus products. */
  readonly antivirus: readonly Detection[];
  /** Antivirus with real-time protection on and signatures current. */
  readonly protectors: readonly Detection[];
  /** Antivirus whose state no source tells (protecting is null). */
  readonly unknown: readonly Detection[];
  /** Active products covered by a ban in force in this region. */
  readonly banned: readonly Detection[];
  /** ... whose updates have ended. */
  readonly bannedStopped: readonly Detection[];
  /** ... whose cutoff is still ahead. */
  readonly bannedAhead: readonly Detection[];
  /**
   * Built-in antivirus (Microsoft Defender) not protecting while another antivirus, not built
   * in, protects: Windows turns Defender off or passive when "non-Microsoft antivirus/antimalware
   * software is installed on the device and kept up to date" (Microsoft, "Microsoft Defender
   * Antivirus in the Windows Security app", learn.microsoft.com/defender-endpoint/
   * microsoft-defender-security-center-antivirus). Working as designed, not a problem.
   */
  readonly steppedAside: readonly Detection[];
  /** Region unknown only: active products a binding ban covers in some country. */
  readonly bannedElsewhere: readonly BannedElsewhere[];
}

const isActive = (d: Detection) => d.status !== 'leftover';
const isAntivirus = (d: Detection) => d.kind === 'antivirus' && isActive(d);

export function verdictFacts(
  detections: readonly Detection[],
  completeness: InventoryCompleteness,
  bans: readonly Ban[],
  regionKnown: boolean,
  now: Date,
  machine: VerdictMachine,
): VerdictFacts {
  const active = detections.filter(isActive);
  const antivirus = detections.filter(isAntivirus);
  const protectors = antivirus.filter((d) => d.protecting === true);
  const banned = active.filter((d) => d.ban !== null);
  const othersProtect = protectors.some((d) => !d.builtIn);
  return {
    now,
    machine,
    regionKnown,
    completeness,
    detections,
    active,
    leftovers: detections.filter((d) => !isActive(d)),
    antivirus,
    protectors,
    unknown: antivirus.filter((d) => d.protecting === null),
    banned,
    bannedStopped: banned.filter((d) => d.ban?.updatesEnded === true),
    bannedAhead: banned.filter((d) => d.ban?.updatesEnded === false),
    steppedAside: othersProtect
      ? antivirus.filter((d) => d.builtIn && d.protecting === false && d.ban === null)
      : [],
    bannedElsewhere: regionKnown
      ? []
      : active.flatMap((detection) => {
          const elsewhere = detection.vendorId ? bindingBansCovering(detection.vendorId, bans) : [];
          return elsewhere.length > 0
            ? [{ detection, bans: elsewhere.map((ban) => banStatus(ban, now)) }]
            : [];
        }),
  };
}

/** An antivirus that does not protect for a reason of its own (not banned, not stepped aside). */
export function ownFailures(facts: VerdictFacts): readonly Detection[] {
  return facts.antivirus.filter(
    (d) => d.protecting === false && d.ban === null && !facts.steppedAside.includes(d),
  );
}
