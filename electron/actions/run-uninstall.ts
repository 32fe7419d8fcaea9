/**
 * Windows: run a detected product's own registered uninstaller (electron/core/plan/
 * uninstall-command.ts) through the CommandRunner: execFile with an argument array, no shell.
 * Only for an entry of a product the current scan found, only with the token of a preview the
 * person confirmed, and every step goes to the action log.
 *
 * Elevation: msiexec.exe starts unelevated and Windows Installer asks for consent itself. An
 * .exe uninstaller whose manifest requires administrator rights cannot be started by
 * CreateProcess from an unelevated app (ERROR_ELEVATION_REQUIRED, 740, which Node reports as
 * EACCES: nodejs/node#9464, libuv/libuv#1154); that is reported as 'needs-elevation' with the
 * Settings › Apps route instead of failing silently.
 *
 * Exit codes (Windows Installer, "MsiExec.exe and InstMsi.exe error messages",
 * https://learn.microsoft.com/en-us/windows/win32/msi/error-codes; detection.md §2.5 [S73][S79]):
 *   0     ERROR_SUCCESS                   removed
 *   3010  ERROR_SUCCESS_REBOOT_REQUIRED   removed, a restart finishes it
 *   1641  ERROR_SUCCESS_REBOOT_INITIATED  removed, the installer started a restart
 *   1605  ERROR_UNKNOWN_PRODUCT           not installed (already gone)
 *   1602  ERROR_INSTALL_USEREXIT          the person cancelled
 *   1618  ERROR_INSTALL_ALREADY_RUNNING   another installation is running
 *   1603  ERROR_INSTALL_FAILURE           fatal error (often: the uninstall password was refused)
 *   1223  ERROR_CANCELLED (Win32)         the person cancelled
 *   other                                 failed
 * Vendor .exe uninstallers have no standard codes; many follow these (WiX Burn, InstallShield),
 * so the same table is applied, but exit 0 from an .exe only means it closed (NSIS uninstallers
 * copy themselves and exit at once): whether the product is gone is for the re-scan to say.
 */

import type { CommandResult, CommandRunner } from '../core/commands';
import { type UninstallCommand, uninstallCommandFor } from '../core/plan/uninstall-command';
import { err, ok, type Result } from '../core/util/result';
import type { ActionLog } from './action-log';
import { type Confirmations, createConfirmations } from './confirmations';
import { type CurrentScan, detectionInScan, type ScanEntryView } from './current-scan';

/** An uninstaller is interactive: the person may take their time. This only guards a hang. */
export const UNINSTALL_TIMEOUT_MS = 3 * 60 * 60 * 1000;

export type UninstallResultKind =
  | 'removed'
  | 'finished'
  | 'restart-needed'
  | 'not-installed'
  | 'cancelled'
  | 'busy'
  | 'needs-elevation'
  | 'not-found'
  | 'timed-out'
  | 'failed';

export interface UninstallOutcome {
  readonly detectionId: string;
  readonly result: UninstallResultKind;
  readonly exitCode: number | null;
  readonly restartNeeded: boolean;
  /** Plain words for the person. */
  readonly message: string;
  /** Scan again to see whether the product is gone (everything but a cancel). */
  readonly rescan: boolean;
}

export interface UninstallPreview {
  readonly token: string;
  readonly expiresAt: string;
  readonly detectionId: string;
  readonly productName: string;
  readonly command: Pick<UninstallCommand, 'program' | 'args' | 'display' | 'kind'>;
  /** What the person should know before confirming (elevation, password, management). */
  readonly notes: readonly string[];
}

interface Plan {
  readonly detectionId: string;
  readonly entry: ScanEntryView;
  readonly command: UninstallCommand;
}

export interface UninstallActionOptions {
  readonly runner: CommandRunner;
  readonly log: ActionLog;
  readonly currentScan: CurrentScan;
  /** The process environment (SystemRoot and the folder variables). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * The catalog's install folders of a product (its Windows `path` signatures, compiled): where
   * its own uninstaller may be when the entry does not say (uninstall-command.ts).
   */
  readonly productPaths?: (productId: string) => readonly RegExp[];
  readonly now: () => Date;
  readonly timeoutMs?: number;
  readonly confirmations?: Confirmations<Plan>;
}

export interface UninstallAction {
  /** What would run for this entry of this detection; a token to confirm it with. */
  preview(request: {
    readonly detectionId: string;
    readonly entry: ScanEntryView;
  }): Promise<Result<UninstallPreview>>;
  /** Runs a previewed command. The token is single-use. */
  run(token: string): Promise<Result<UninstallOutcome>>;
}

const sameCommand = (a: UninstallCommand, b: UninstallCommand) =>
  a.program === b.program && a.args.length === b.args.length && a.args.every((arg, i) => arg === b.args[i]);

/** Reads an uninstaller's end. Exported for the table's tests. */
export function interpretUninstall(
  kind: 'msi' | 'exe',
  run: Pick<CommandResult, 'outcome' | 'exitCode' | 'error'>,
  product: { readonly name: string; readonly passwordProtected?: boolean | null },
): Omit<UninstallOutcome, 'detectionId'> {
  const name = product.name;
  const out = (result: UninstallResultKind, message: string, restartNeeded = false) => ({
    result,
    exitCode: run.exitCode,
    restartNeeded,
    message,
    rescan: result !== 'cancelled',
  });
  if (run.outcome === 'missing') {
    return out(
      'not-found',
      `The uninstaller of ${name} is not where Windows has it registered. It may be partly removed already: Handover scans again, and if ${name} is still there, use Settings › Apps or the vendor's removal tool.`,
    );
  }
  if (run.outcome === 'timeout') {
    return out(
      'timed-out',
      `The uninstaller of ${name} was still open after a long time and Handover stopped waiting for it. Handover scans again to see what it did.`,
    );
  }
  if (run.outcome === 'failed' && run.exitCode === null) {
    if (/EACCES|\b740\b|elevation/i.test(run.error ?? '')) {
      return out(
        'needs-elevation',
        `Windows would not start the uninstaller of ${name} from Handover because it needs administrator rights. Open Settings › Apps › Installed apps, find ${name} and choose Uninstall; Windows will ask for permission there.`,
      );
    }
    return out(
      'failed',
      `The uninstaller of ${name} could not be started (${run.error ?? 'no reason given'}). Use Settings › Apps › Installed apps instead.`,
    );
  }
  const code = run.outcome === 'ok' ? 0 : (run.exitCode as number);
  switch (code) {
    case 0:
      return kind === 'msi'
        ? out('removed', `Windows Installer removed ${name}. Handover scans again to confirm it is gone.`)
        : out(
            'finished',
            `The uninstaller of ${name} has closed. Handover scans again to see whether ${name} is gone.`,
          );
    case 3010:
      return out(
        'restart-needed',
        `${name} was removed. Windows needs a restart to finish removing it.`,
        true,
      );
    case 1641:
      return out(
        'restart-needed',
        `${name} was removed and its uninstaller has started a restart of Windows.`,
        true,
      );
    case 1605:
      return out(
        'not-installed',
        `Windows Installer says ${name} is not installed (any more). Handover scans again to confirm.`,
      );
    case 1602:
    case 1223:
      return out(
        'cancelled',
        `The uninstaller was cancelled, so ${name} was not removed. You can try again when you are ready.`,
      );
    case 1618:
      return out(
        'busy',
        `Another installation is running, so ${name} could not be removed now. Wait for it to finish (or restart Windows), then try again.`,
      );
    default: {
      const password = product.passwordProtected
        ? ` ${name} is protected by a password: its uninstaller needs the uninstall password (for Kaspersky Endpoint Security, the KLAdmin password, or your administrator's remote uninstall task).`
        : '';
      return out(
        'failed',
        `The uninstaller of ${name} ended with code ${code}${code === 1603 ? ' (a fatal error)' : ''}, so ${name} may not have been removed.${password} Handover scans again to check; if it is still there, Settings › Apps or the vendor's removal tool are the next routes.`,
      );
    }
  }
}

export function createUninstallAction(options: UninstallActionOptions): UninstallAction {
  const confirmations = options.confirmations ?? createConfirmations<Plan>({ now: options.now });
  const timeoutMs = options.timeoutMs ?? UNINSTALL_TIMEOUT_MS;

  /** The command for this entry of this detection in the current scan, or why there is none. */
  function plan(
    detectionId: string,
    entry: ScanEntryView,
  ): Result<{ command: UninstallCommand; name: string; notes: string[] }> {
    const scan = options.currentScan();
    if (scan && scan.machine.platform !== 'windows') {
      return err('running a registered uninstaller is for Windows; this computer runs another system');
    }
    const found = detectionInScan(scan, detectionId);
    if (!found.ok) return err(found.reason);
    const detection = found.detection;
    const command = uninstallCommandFor(entry, detection.uninstallEntries, {
      env: options.env,
      productPaths: detection.productId ? (options.productPaths?.(detection.productId) ?? []) : [],
    });
    if (!command.ok) return command;
    const notes: string[] = [
      command.value.kind === 'msi'
        ? `Windows Installer opens and removes ${detection.name}. Windows may ask for permission to make changes.`
        : `${detection.name}'s own uninstaller opens. Follow its steps; Windows may ask for permission to make changes.`,
    ];
    if (detection.passwordProtected) {
      notes.push(
        `${detection.name} is protected by a password: its uninstaller will ask for the uninstall password. Without it, removal stops.`,
      );
    }
    if (detection.managedBy) {
      notes.push(
        `This computer is managed by ${detection.managedBy}. Your administrator may need to remove ${detection.name} from the management console (remote uninstall task).`,
      );
    }
    return ok({ command: command.value, name: detection.name, notes });
  }

  return {
    async preview({ detectionId, entry }) {
      const planned = plan(detectionId, entry);
      if (!planned.ok) {
        await options.log.record({
          action: 'uninstall',
          stage: 'refused',
          detectionId,
          reason: planned.error,
        });
        return planned;
      }
      const { command, name, notes } = planned.value;
      const issued = confirmations.issue({ detectionId, entry, command });
      await options.log.record({
        action: 'uninstall',
        stage: 'previewed',
        detectionId,
        command: { file: command.program, args: command.args },
      });
      return ok({
        ...issued,
        detectionId,
        productName: name,
        command: {
          program: command.program,
          args: command.args,
          display: command.display,
          kind: command.kind,
        },
        notes,
      });
    },

    async run(token) {
      const taken = confirmations.take(token);
      if (!taken.ok) {
        await options.log.record({ action: 'uninstall', stage: 'refused', reason: taken.error });
        return taken;
      }
      const { detectionId, entry, command } = taken.value;
      // The machine may have changed since the preview: check against the scan as it is now.
      const again = plan(detectionId, entry);
      if (!again.ok || !sameCommand(again.value.command, command)) {
        const reason = again.ok
          ? 'the uninstall command changed since you confirmed it: look at it again'
          : again.error;
        await options.log.record({ action: 'uninstall', stage: 'refused', detectionId, reason });
        return err(reason);
      }
      const file = command.program;
      const args = [...command.args];
      await options.log.record({
        action: 'uninstall',
        stage: 'started',
        detectionId,
        command: { file, args },
      });
      const result = await options.runner.run(file, args, { timeoutMs });
      const scan = options.currentScan();
      const detection = scan?.detections.find((d) => d.id === detectionId);
      const outcome = interpretUninstall(command.kind, result, {
        name: detection?.name ?? again.value.name,
        passwordProtected: detection?.passwordProtected ?? null,
      });
      await options.log.record({
        action: 'uninstall',
        stage: 'finished',
        detectionId,
        command: { file, args },
        exitCode: result.exitCode,
        result: outcome.result,
        durationMs: result.durationMs,
        ...(result.error ? { reason: result.error } : {}),
      });
      return ok({ detectionId, ...outcome });
    },
  };
}
