/**
 * Windows: update Microsoft Defender's signatures now, with Defender's own command-line tool:
 * `%ProgramFiles%\Windows Defender\MpCmdRun.exe -SignatureUpdate` (Microsoft, "Configure and
 * manage Microsoft Defender Antivirus with the mpcmdrun.exe command-line tool"). Only when the
 * current scan found Defender, only with the token of a preview the person confirmed, logged.
 */
import { win32 } from 'node:path';
import type { CommandRunner } from '../core/commands';
import { err, ok, type Result } from '../core/util/result';
import { programFiles, type WindowsEnvironment } from '../core/windows-folders';
import type { ActionLog } from './action-log';
import { createConfirmations } from './confirmations';
import type { CurrentScan } from './current-scan';

/** A download can be slow on a poor connection; this only guards a hang. */
export const SIGNATURE_UPDATE_TIMEOUT_MS = 15 * 60 * 1000;
export const DEFENDER_PRODUCT_ID = 'microsoft-defender-antivirus';

interface Plan {
  readonly file: string;
  readonly args: readonly string[];
}

export interface SignatureUpdatePreview {
  readonly token: string;
  readonly command: Plan;
  readonly display: string;
}

export interface SignatureUpdateOutcome {
  readonly ok: boolean;
  readonly exitCode: number | null;
  readonly message: string;
}

export interface SignatureUpdate {
  preview(): Promise<Result<SignatureUpdatePreview>>;
  run(token: string): Promise<Result<SignatureUpdateOutcome>>;
}

/** %ProgramFiles%\Windows Defender\MpCmdRun.exe, from a checked local folder (core/windows-folders.ts). */
export function mpCmdRunPath(env: WindowsEnvironment): Result<string> {
  const folder = programFiles(env);
  if (!folder.ok) return err(`${folder.error}, so Defender's update tool cannot be found`);
  return ok(win32.join(folder.value, 'Windows Defender', 'MpCmdRun.exe'));
}

export function createSignatureUpdate(options: {
  readonly runner: CommandRunner;
  readonly log: ActionLog;
  readonly currentScan: CurrentScan;
  readonly platform: 'windows' | 'macos' | 'linux';
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => Date;
}): SignatureUpdate {
  const confirmations = createConfirmations<Plan>({ now: options.now });

  function plan(): Result<Plan> {
    if (options.platform !== 'windows') return err('updating Microsoft Defender is for Windows');
    const scan = options.currentScan();
    if (!scan?.detections.some((d) => d.id === DEFENDER_PRODUCT_ID)) {
      return err('the current scan did not find Microsoft Defender on this computer');
    }
    const file = mpCmdRunPath(options.env);
    return file.ok ? ok({ file: file.value, args: ['-SignatureUpdate'] }) : file;
  }

  return {
    async preview() {
      const planned = plan();
      if (!planned.ok) {
        await options.log.record({ action: 'signature-update', stage: 'refused', reason: planned.error });
        return planned;
      }
      const { token } = confirmations.issue(planned.value);
      await options.log.record({
        action: 'signature-update',
        stage: 'previewed',
        command: { file: planned.value.file, args: [...planned.value.args] },
      });
      return ok({
        token,
        command: planned.value,
        display: [planned.value.file, ...planned.value.args].join(' '),
      });
    },
    async run(token) {
      const taken = confirmations.take(token);
      if (!taken.ok) {
        await options.log.record({ action: 'signature-update', stage: 'refused', reason: taken.error });
        return taken;
      }
      const command = taken.value;
      await options.log.record({
        action: 'signature-update',
        stage: 'started',
        command: { file: command.file, args: [...command.args] },
      });
      const result = await options.runner.run(command.file, command.args, {
        timeoutMs: SIGNATURE_UPDATE_TIMEOUT_MS,
      });
      await options.log.record({
        action: 'signature-update',
        stage: 'finished',
        exitCode: result.exitCode,
        ...(result.error ? { reason: result.error } : {}),
      });
      if (result.outcome === 'ok') {
        return ok({
          ok: true,
          exitCode: 0,
          message: 'Microsoft Defender downloaded its latest signatures. Handover scans again to check.',
        });
      }
      return ok({
        ok: false,
        exitCode: result.exitCode,
        message: `Microsoft Defender could not update its signatures (${result.error ?? 'no reason given'}). Open Windows Security › Virus & threat protection › Protection updates › Check for updates.`,
      });
    },
  };
}
