/**
 * Before the first change (issue 12 §3): what would make the move fail half way, each as one
 * plain sentence and, where it blocks, a way to fix it. Pure: the facts read from the machine
 * (probes/host/preflight-probe.ts: the battery, the free disk space, whether the vendor's site
 * answers), the scan (the system's version, a pending restart) and the chosen alternative's
 * requirements from the catalog go in, the checks come out. A fact that could not be read is
 * "could not check X because Y", and the move goes on: only what is known to fail blocks.
 */
import type { AlternativePlatform, Requirement, SystemSupport } from '../catalog/alternative-schema';
import type { ScanResult } from '../scan-result';
import type { Result } from '../util/result';
import { systemFit } from './system-support';

export interface BatteryReading {
  /**
   * False on a desktop: nothing to check. Null where the system says only whether the computer
   * runs on its battery, not whether it has one (Windows' GetSystemPowerStatus as Electron's
   * powerMonitor reads it: a laptop on its charger and a desktop both answer "not on battery").
   */
  readonly hasBattery: boolean | null;
  /** On mains power (charging or full on the charger), or not on battery as far as the system says. */
  readonly onMains: boolean;
  /** Charge in percent, when the system gives it. */
  readonly percent: number | null;
}

export interface DiskReading {
  /** Where the new product goes: the system drive ("C:\\", "/"). */
  readonly path: string;
  readonly freeMB: number;
}

export interface NetworkReading {
  /** The address tried: the chosen alternative's download page, or its vendor's site. */
  readonly url: string;
  readonly reachable: boolean;
  /** Why not, in the probe's words ("no answer within 5 seconds"). */
  readonly detail: string | null;
}

/** What the pre-flight probe read; each part a value or why it could not be read. */
export interface PreflightFacts {
  readonly battery: Result<BatteryReading>;
  readonly disk: Result<DiskReading>;
  /** null when nothing needs downloading (the person's choice is part of the system). */
  readonly network: Result<NetworkReading> | null;
}

export type PreflightStatus = 'ok' | 'warn' | 'blocks' | 'unknown';

export interface PreflightCheck {
  readonly id: 'battery' | 'disk' | 'system' | 'restart' | 'network';
  readonly status: PreflightStatus;
  /** One plain sentence. */
  readonly text: string;
  /** What to do about it, where something is wrong or unknown. */
  readonly fix: string | null;
}

export interface PreflightReport {
  /** Which alternative the checks were made for. */
  readonly alternativeId: string;
  readonly checks: readonly PreflightCheck[];
  /** The first blocking check's sentence, or null: the move can go on. */
  readonly blockedBy: string | null;
}

/** What the pre-flight needs of the chosen alternative. */
export interface PreflightChoice {
  readonly id: string;
  readonly name: string;
  readonly requirements: readonly Requirement[];
  /** Where it runs, as its sources state (the catalog's `systems`, which the Choose step reads too). */
  readonly systems: readonly SystemSupport[];
  /** Part of the system: what downloads is its signatures, not the product. */
  readonly builtIn: boolean;
  /** The address the network check tries (download page, else the vendor's first domain). */
  readonly checkUrl: string;
}

/** Below this charge on battery a long removal or install is not started. */
export const LOW_BATTERY_PERCENT = 30;
/** Without a vendor figure, less than this free is worth a warning (not a block). */
export const DISK_WARN_MB = 2048;

const gb = (mb: number) => `${(mb / 1024).toFixed(1)} GB`;

function batteryCheck(battery: Result<BatteryReading>): PreflightCheck {
  if (!battery.ok)
    return {
      id: 'battery',
      status: 'unknown',
      text: `Could not check the battery because ${battery.error}.`,
      fix: 'If this is a laptop, plug in the charger before you go on.',
    };
  const b = battery.value;
  if (b.hasBattery === false || b.onMains)
    return {
      id: 'battery',
      status: 'ok',
      text:
        b.hasBattery === null
          ? 'The system says the computer is not running on its battery.'
          : b.hasBattery
            ? 'The computer is on its charger.'
            : 'The computer runs on mains power.',
      fix: null,
    };
  const low = b.percent !== null && b.percent < LOW_BATTERY_PERCENT;
  return {
    id: 'battery',
    status: low ? 'blocks' : 'warn',
    text: `The computer runs on its battery${b.percent !== null ? ` (${b.percent}% left)` : ''}${low ? ': too little for a removal and an install that must not stop half way' : ''}.`,
    fix: 'Plug in the charger, then check again.',
  };
}

function diskCheck(disk: Result<DiskReading>, need: number | undefined, name: string): PreflightCheck {
  if (!disk.ok)
    return {
      id: 'disk',
      status: 'unknown',
      text: `Could not check the free disk space because ${disk.error}.`,
      fix: null,
    };
  const { freeMB, path } = disk.value;
  if (need !== undefined && freeMB < need)
    return {
      id: 'disk',
      status: 'blocks',
      text: `${name} needs ${gb(need)} free on the system drive (${path}); there are ${gb(freeMB)}.`,
      fix: 'Free some space (empty the Recycle Bin or Trash, remove programs or files you no longer need), then check again.',
    };
  if (need === undefined && freeMB < DISK_WARN_MB)
    return {
      id: 'disk',
      status: 'warn',
      text: `Only ${gb(freeMB)} free on the system drive (${path}); the vendor states no figure for ${name}, and an antivirus with its signatures usually needs more.`,
      fix: 'Free some space before you go on.',
    };
  return {
    id: 'disk',
    status: 'ok',
    text:
      need !== undefined
        ? `${gb(freeMB)} free on the system drive (${path}): enough for ${name} (${gb(need)}).`
        : `${gb(freeMB)} free on the system drive (${path}).`,
    fix: null,
  };
}

function systemCheck(
  result: ScanResult,
  os: AlternativePlatform,
  systems: readonly SystemSupport[],
  name: string,
  builtIn: boolean,
): PreflightCheck {
  const { osName, osVersion } = result.machine;
  const fit = systemFit(systems, {
    os,
    osName,
    osVersion,
    architecture: result.machine.architecture ?? null,
  });
  const thisSystem = [osName, osVersion].filter(Boolean).join(' ') || 'this system';
  if (fit.state === 'runs')
    return {
      id: 'system',
      status: 'ok',
      text: `${thisSystem}: ${name} supports ${fit.entry.label}.`,
      fix: null,
    };
  if (fit.state === 'unsupported')
    return {
      id: 'system',
      status: 'blocks',
      text:
        fit.why === 'version'
          ? `${name} needs ${fit.oldest.label} or later; this computer runs ${thisSystem}.`
          : `${name} is not made for this computer's processor (${fit.architecture}).`,
      fix: 'Go back to Choose and pick one that supports this system, or update the system first.',
    };
  if (fit.stated.length > 0)
    return {
      id: 'system',
      status: 'unknown',
      text: `Could not check the system's version because this scan could not read it.`,
      fix: `${name} supports ${fit.stated.map((s) => s.label).join('; ')}.`,
    };
  if (builtIn)
    return {
      id: 'system',
      status: 'ok',
      text: `${name} is part of this system: nothing to install.`,
      fix: null,
    };
  return {
    id: 'system',
    status: 'unknown',
    text: `Could not check ${name} against this system because the catalog holds no supported versions for it yet.`,
    fix: "Check the vendor's system requirements on its download page.",
  };
}

function restartCheck(result: ScanResult): PreflightCheck {
  const pending = result.machine.pendingRestart;
  if (result.machine.platform !== 'windows')
    return { id: 'restart', status: 'ok', text: 'Nothing waits for a restart.', fix: null };
  if (pending === null)
    return {
      id: 'restart',
      status: 'unknown',
      text: 'Could not check whether Windows waits for a restart because this scan could not read it.',
      fix: null,
    };
  return pending.length === 0
    ? { id: 'restart', status: 'ok', text: 'Windows is not waiting for a restart.', fix: null }
    : {
        id: 'restart',
        status: 'warn',
        text: 'Windows is waiting for a restart from earlier changes; an uninstaller or installer may stop half way until it has restarted.',
        fix: 'Restart the computer first, then come back: Handover carries on where you left off.',
      };
}

function networkCheck(
  network: Result<NetworkReading> | null,
  requirement: Requirement | undefined,
  name: string,
  builtIn: boolean,
): PreflightCheck {
  const what = builtIn ? `${name} must download its latest signatures` : `${name} must be downloaded`;
  if (network === null || requirement?.downloads === false)
    return { id: 'network', status: 'ok', text: `Nothing needs downloading for ${name}.`, fix: null };
  if (!network.ok)
    return {
      id: 'network',
      status: 'unknown',
      text: `Could not check the internet connection because ${network.error}.`,
      fix: `${what}: make sure this computer is online.`,
    };
  const n = network.value;
  return n.reachable
    ? { id: 'network', status: 'ok', text: `The internet works: ${new URL(n.url).host} answered.`, fix: null }
    : {
        id: 'network',
        status: 'blocks',
        text: `${what}, but ${new URL(n.url).host} did not answer${n.detail ? ` (${n.detail})` : ''}.`,
        fix: 'Connect to the internet (Wi-Fi or cable), then check again.',
      };
}

/** The checks for the chosen alternative on this computer, and whether the move may go on. */
export function preflightReport(
  facts: PreflightFacts,
  result: ScanResult,
  choice: PreflightChoice,
): PreflightReport {
  const os: AlternativePlatform =
    result.machine.platform === 'windows' && result.machine.isServer
      ? 'windows-server'
      : result.machine.platform;
  const requirement = choice.requirements.find((r) => r.platform === os);
  const checks = [
    batteryCheck(facts.battery),
    diskCheck(facts.disk, requirement?.diskMB, choice.name),
    systemCheck(result, os, choice.systems, choice.name, choice.builtIn),
    restartCheck(result),
    networkCheck(facts.network, requirement, choice.name, choice.builtIn),
  ];
  return {
    alternativeId: choice.id,
    checks,
    blockedBy: checks.find((c) => c.status === 'blocks')?.text ?? null,
  };
}

/** Whether the probe should try the network at all: only where something must download. */
export function needsDownload(result: ScanResult, requirements: readonly Requirement[]): boolean {
  const os =
    result.machine.platform === 'windows' && result.machine.isServer
      ? 'windows-server'
      : result.machine.platform;
  return requirements.find((r) => r.platform === os)?.downloads !== false;
}
