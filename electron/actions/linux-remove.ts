/**
 * Linux: remove a detected dpkg or rpm package with the system's package manager, through the
 * system's own elevation (pkexec: polkit shows its authentication dialog, naming the program).
 * The command is always shown; it runs only with the token of a confirmed preview, only for a
 * package of a product the current scan found, and only when /usr/bin/pkexec and the package
 * manager exist. Otherwise the preview says so and gives the command to type in a terminal.
 *
 *   dpkg → /usr/bin/pkexec /usr/bin/apt-get remove -y <package>
 *   rpm  → /usr/bin/pkexec /usr/bin/dnf remove -y <package>
 *
 * Both programs by full path (issue 10 point 7): pkexec resolves a bare program name through the
 * caller's PATH before it sets up its own environment (pkexec.c, g_find_program_in_path), so
 * "apt-get" would be whatever comes first on Handover's PATH. The shown command is the one that
 * runs.
 *
 * '-y' answers apt-get/dnf's own question: the person has already confirmed in Handover and
 * confirms again in polkit's dialog. pkexec runs the program with a safe PATH of its own.
 *
 * Exit codes: pkexec returns the program's code; 126 when the person dismissed the
 * authentication dialog, 127 when authorization failed or could not be obtained (pkexec(1),
 * https://www.freedesktop.org/software/polkit/docs/latest/pkexec.1.html). apt-get returns 0, or
 * 100 on error (apt-get(8)); dnf returns 0, or 1 on error (dnf(8)).
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import type { CommandRunner } from '../core/commands';
import { err, ok, type Result } from '../core/util/result';
import type { ActionLog } from './action-log';
import { type Confirmations, createConfirmations } from './confirmations';
import { type CurrentScan, detectionInScan } from './current-scan';

export const PKEXEC = '/usr/bin/pkexec';
/** Debian policy package names (lower case, digits, + - .), starting with a letter or digit. */
export const PACKAGE_NAME = /^[a-z0-9][a-z0-9+.-]*$/;
export const LINUX_REMOVE_TIMEOUT_MS = 30 * 60 * 1000;

type Registry = 'dpkg' | 'rpm';

const MANAGERS: Readonly<Record<Registry, { readonly program: string; readonly path: string }>> = {
  dpkg: { program: 'apt-get', path: '/usr/bin/apt-get' },
  rpm: { program: 'dnf', path: '/usr/bin/dnf' },
};

/** The argument vector (pkexec first, every program by full path) that removes a package, or why it cannot be built. */
export function linuxRemoveArgv(registry: string, packageName: string): Result<string[]> {
  if (registry !== 'dpkg' && registry !== 'rpm') {
    return err(`${JSON.stringify(registry)} packages are not removed by Handover`);
  }
  if (!PACKAGE_NAME.test(packageName)) return err(`${JSON.stringify(packageName)} is not a package name`);
  return ok([PKEXEC, MANAGERS[registry].path, 'remove', '-y', packageName]);
}

export type LinuxRemoveResultKind =
  | 'removed'
  | 'cancelled'
  | 'not-authorized'
  | 'failed'
  | 'timed-out'
  | 'not-found';

export interface LinuxRemoveOutcome {
  readonly detectionId: string;
  readonly packageName: string;
  readonly result: LinuxRemoveResultKind;
  readonly exitCode: number | null;
  readonly message: string;
  readonly rescan: boolean;
}

export interface LinuxRemovePreview {
  readonly detectionId: string;
  readonly productName: string;
  readonly packageName: string;
  /** What Handover would run: ['/usr/bin/pkexec', '/usr/bin/apt-get', 'remove', '-y', 'kesl']. */
  readonly argv: readonly string[];
  readonly display: string;
  /** The same removal for a terminal, when the person prefers it or Handover cannot run it. */
  readonly terminalCommand: string;
  /** Whether Handover can run it (pkexec and the package manager are present). */
  readonly runnable: boolean;
  readonly whyNotRunnable?: string;
  /** Present only when runnable. */
  readonly token?: string;
  readonly expiresAt?: string;
}

interface Plan {
  readonly detectionId: string;
  readonly registry: Registry;
  readonly packageName: string;
  readonly argv: readonly string[];
}

export interface LinuxRemoveOptions {
  readonly runner: CommandRunner;
  readonly log: ActionLog;
  readonly currentScan: CurrentScan;
  readonly now: () => Date;
  /** Whether an executable file exists (replaced in tests). */
  readonly executableExists?: (path: string) => Promise<boolean>;
  readonly timeoutMs?: number;
  readonly confirmations?: Confirmations<Plan>;
}

export interface LinuxRemoveAction {
  preview(request: {
    readonly detectionId: string;
    readonly packageName: string;
  }): Promise<Result<LinuxRemovePreview>>;
  run(token: string): Promise<Result<LinuxRemoveOutcome>>;
}

async function defaultExecutableExists(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function createLinuxRemoveAction(options: LinuxRemoveOptions): LinuxRemoveAction {
  const confirmations = options.confirmations ?? createConfirmations<Plan>({ now: options.now });
  const exists = options.executableExists ?? defaultExecutableExists;
  const timeoutMs = options.timeoutMs ?? LINUX_REMOVE_TIMEOUT_MS;

  function plan(detectionId: string, packageName: string): Result<Plan & { productName: string }> {
    const scan = options.currentScan();
    if (scan && scan.machine.platform !== 'linux') {
      return err(
        'removing a package with the package manager is for Linux; this computer runs another system',
      );
    }
    const found = detectionInScan(scan, detectionId);
    if (!found.ok) return err(found.reason);
    const entry = found.detection.uninstallEntries.find(
      (e) => (e.registry === 'dpkg' || e.registry === 'rpm') && e.identifier === packageName,
    );
    if (!entry) {
      return err(
        `the current scan did not find the package ${JSON.stringify(packageName)} for ${found.detection.name}`,
      );
    }
    const argv = linuxRemoveArgv(entry.registry as string, packageName);
    if (!argv.ok) return argv;
    return ok({
      detectionId,
      registry: entry.registry as Registry,
      packageName,
      argv: argv.value,
      productName: found.detection.name,
    });
  }

  return {
    async preview({ detectionId, packageName }) {
      const planned = plan(detectionId, packageName);
      if (!planned.ok) {
        await options.log.record({
          action: 'linux-remove',
          stage: 'refused',
          detectionId,
          reason: planned.error,
        });
        return planned;
      }
      const { productName, ...rest } = planned.value;
      const manager = MANAGERS[rest.registry];
      const missing = [PKEXEC, manager.path];
      const present = await Promise.all(missing.map((path) => exists(path)));
      const absent = missing.filter((_, i) => !present[i]);
      const base = {
        detectionId,
        productName,
        packageName,
        argv: rest.argv,
        display: rest.argv.join(' '),
        terminalCommand: `sudo ${manager.program} remove ${packageName}`,
      };
      if (absent.length > 0) {
        const whyNotRunnable = `Handover cannot ask for administrator rights here (${absent.join(' and ')} ${absent.length > 1 ? 'are' : 'is'} not on this computer). Run the command in a terminal instead.`;
        await options.log.record({
          action: 'linux-remove',
          stage: 'previewed',
          detectionId,
          reason: whyNotRunnable,
        });
        return ok({ ...base, runnable: false, whyNotRunnable });
      }
      const issued = confirmations.issue(rest);
      await options.log.record({
        action: 'linux-remove',
        stage: 'previewed',
        detectionId,
        command: { file: PKEXEC, args: rest.argv.slice(1) },
      });
      return ok({ ...base, runnable: true, ...issued });
    },

    async run(token) {
      const taken = confirmations.take(token);
      if (!taken.ok) {
        await options.log.record({ action: 'linux-remove', stage: 'refused', reason: taken.error });
        return taken;
      }
      const { detectionId, packageName } = taken.value;
      const again = plan(detectionId, packageName);
      if (!again.ok) {
        await options.log.record({
          action: 'linux-remove',
          stage: 'refused',
          detectionId,
          reason: again.error,
        });
        return again;
      }
      const { productName, argv, registry } = again.value;
      const file = PKEXEC;
      const args = argv.slice(1);
      await options.log.record({
        action: 'linux-remove',
        stage: 'started',
        detectionId,
        command: { file, args },
      });
      const result = await options.runner.run(file, args, { timeoutMs });
      const code = result.outcome === 'ok' ? 0 : result.exitCode;
      // The manager's name in messages ("apt-get"); the full path is what ran.
      const manager = MANAGERS[registry].program;
      const outcome = (kind: LinuxRemoveResultKind, message: string): LinuxRemoveOutcome => ({
        detectionId,
        packageName,
        result: kind,
        exitCode: result.exitCode,
        message,
        rescan: kind !== 'cancelled' && kind !== 'not-authorized',
      });
      let done: LinuxRemoveOutcome;
      if (result.outcome === 'missing') {
        done = outcome(
          'not-found',
          `pkexec is no longer on this computer. Run "sudo ${manager} remove ${packageName}" in a terminal instead.`,
        );
      } else if (result.outcome === 'timeout') {
        done = outcome(
          'timed-out',
          `Removing ${packageName} did not finish in time and was stopped. Handover scans again to see what it did.`,
        );
      } else if (code === 0) {
        done = outcome(
          'removed',
          `${manager} removed ${packageName}. Handover scans again to confirm ${productName} is gone.`,
        );
      } else if (code === 126) {
        done = outcome(
          'cancelled',
          `The password prompt was closed, so nothing was removed. You can try again when you are ready.`,
        );
      } else if (code === 127) {
        done = outcome(
          'not-authorized',
          `The system did not give permission to remove ${packageName} (wrong password, or an account that is not an administrator). Ask an administrator, or run "sudo ${manager} remove ${packageName}" in a terminal.`,
        );
      } else {
        done = outcome(
          'failed',
          `${manager} could not remove ${packageName}${code === null ? ` (${result.error ?? 'it did not run'})` : ` (exit code ${code})`}. Handover scans again; the command can also be run in a terminal to see ${manager}'s own message.`,
        );
      }
      await options.log.record({
        action: 'linux-remove',
        stage: 'finished',
        detectionId,
        command: { file, args },
        exitCode: result.exitCode,
        result: done.result,
        durationMs: result.durationMs,
        ...(result.error ? { reason: result.error } : {}),
      });
      return ok(done);
    },
  };
}
