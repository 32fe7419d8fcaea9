/**
 * Opening Handover once after a restart, so the journey resumes at the step it left (issue 3,
 * "Restart").
 *
 * Windows: a value under the current user's RunOnce key,
 *   reg.exe add HKCU\Software\Microsoft\Windows\CurrentVersion\RunOnce /v Handover /t REG_SZ
 *           /d "\"<exe>\" --resume" /f
 * run with execFile and an argument array (the /d argument is the data itself: '"<exe>" --resume';
 * Node quotes it for reg.exe's command line). How RunOnce behaves, per Microsoft's "Run and
 * RunOnce Registry Keys" (https://learn.microsoft.com/en-us/windows/win32/setupapi/run-and-runonce-registry-keys):
 * - the command runs when the user next logs on (HKCU: this user; no administrator rights
 *   needed to write it), once;
 * - by default Windows deletes the value *before* it runs the command, so if the launch fails it
 *   is not retried ('!' before the name would defer deletion until it succeeds; not used: a
 *   failing launch should not repeat at every logon);
 * - it is ignored in Safe Mode (a '*' prefix would override that; not used);
 * - the data is a command line of at most 260 characters.
 * So by the time Handover runs with --resume the value is normally gone already; unregister()
 * still checks and removes it, for a value that never ran (the person resumed by opening the
 * app by hand, or chose "start over"), which would otherwise open Handover at a later logon.
 *
 * macOS and Linux: not needed here. Their removals (the vendor's uninstaller app on macOS, the
 * package manager on Linux) do not depend on Handover running after the restart, and progress is
 * saved after every change (electron/files/progress-store.ts): the next time the person opens
 * Handover it offers to resume at the same step. If opening by itself is wanted later, the main
 * process can use a login item there (Electron's app.setLoginItemSettings on macOS, an XDG
 * autostart entry on Linux) and remove it on resume.
 */

import type { CommandRunner } from '../core/commands';
import { err, ok, type Result } from '../core/util/result';
import { system32Path, type WindowsEnvironment } from '../core/windows-folders';
import type { ActionLog } from './action-log';
import { type Confirmations, createConfirmations } from './confirmations';

export const RUN_ONCE_KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce';
export const RUN_ONCE_VALUE = 'Handover';
export const RESUME_FLAG = '--resume';
/** RunOnce data is a command line of at most 260 characters (Microsoft, see above). */
export const RUN_ONCE_MAX_LENGTH = 260;
const REG_TIMEOUT_MS = 15_000;

export function restartResumeSupport(platform: 'windows' | 'macos' | 'linux'): {
  readonly needed: boolean;
  readonly why: string;
} {
  if (platform === 'windows') {
    return {
      needed: true,
      why: 'Handover registers itself to open once at your next sign-in after the restart.',
    };
  }
  return {
    needed: false,
    why: 'Your progress is saved: after the restart, open Handover and it continues where you left off.',
  };
}

/** The RunOnce data for this executable: '"C:\...\Handover.exe" --resume'. */
export function runOnceData(exePath: string): Result<string> {
  if (!/^[A-Za-z]:\\/.test(exePath) || !/\.exe$/i.test(exePath)) {
    return err(`${exePath} is not the full path of a Windows program`);
  }
  if ([...exePath].some((c) => c === '"' || c === '%' || c.charCodeAt(0) < 0x20))
    return err(`${exePath} contains characters a RunOnce entry cannot hold`);
  const data = `"${exePath}" ${RESUME_FLAG}`;
  if (data.length > RUN_ONCE_MAX_LENGTH) {
    return err(
      `the path of Handover is too long for a RunOnce entry (${data.length} of ${RUN_ONCE_MAX_LENGTH} characters)`,
    );
  }
  return ok(data);
}

/** %SystemRoot%\System32\reg.exe, by full path from a checked folder, so no other reg.exe is picked up from PATH. */
export function regExePath(env: WindowsEnvironment): Result<string> {
  return system32Path(env, 'reg.exe');
}

export function registerArgs(data: string): string[] {
  return ['add', RUN_ONCE_KEY, '/v', RUN_ONCE_VALUE, '/t', 'REG_SZ', '/d', data, '/f'];
}
export const QUERY_ARGS: readonly string[] = ['query', RUN_ONCE_KEY, '/v', RUN_ONCE_VALUE];
export const DELETE_ARGS: readonly string[] = ['delete', RUN_ONCE_KEY, '/v', RUN_ONCE_VALUE, '/f'];

interface Plan {
  readonly file: string;
  readonly args: readonly string[];
}

export interface RestartResumePreview {
  readonly token: string;
  readonly expiresAt: string;
  readonly command: { readonly file: string; readonly args: readonly string[] };
  readonly explanation: string;
}

export interface RestartResumeOptions {
  readonly runner: CommandRunner;
  readonly log: ActionLog;
  readonly platform: 'windows' | 'macos' | 'linux';
  /** process.execPath of the packaged app. */
  readonly exePath: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => Date;
  readonly confirmations?: Confirmations<Plan>;
}

export interface RestartResume {
  preview(): Promise<Result<RestartResumePreview>>;
  register(token: string): Promise<Result<{ readonly registered: true }>>;
  /** Removes the registration if it is still there (after resuming, or on "start over"). */
  unregister(): Promise<Result<{ readonly removed: boolean }>>;
}

export function createRestartResume(options: RestartResumeOptions): RestartResume {
  const confirmations = options.confirmations ?? createConfirmations<Plan>({ now: options.now });
  const reg = regExePath(options.env);

  function plan(): Result<Plan> {
    if (options.platform !== 'windows') return err(restartResumeSupport(options.platform).why);
    if (!reg.ok) return reg;
    const data = runOnceData(options.exePath);
    if (!data.ok) return data;
    return ok({ file: reg.value, args: registerArgs(data.value) });
  }

  const failure = (what: string, run: { exitCode: number | null; error?: string }) =>
    `${what} (${run.exitCode === null ? (run.error ?? 'reg.exe did not run') : `reg.exe exit code ${run.exitCode}`})`;

  return {
    async preview() {
      const planned = plan();
      if (!planned.ok) {
        await options.log.record({ action: 'restart-register', stage: 'refused', reason: planned.error });
        return planned;
      }
      const issued = confirmations.issue(planned.value);
      await options.log.record({ action: 'restart-register', stage: 'previewed', command: planned.value });
      return ok({
        ...issued,
        command: planned.value,
        explanation:
          'Handover opens once when you next sign in to Windows, at this step. Windows removes the entry as it starts Handover.',
      });
    },

    async register(token) {
      const taken = confirmations.take(token);
      if (!taken.ok) {
        await options.log.record({ action: 'restart-register', stage: 'refused', reason: taken.error });
        return taken;
      }
      const { file, args } = taken.value;
      await options.log.record({ action: 'restart-register', stage: 'started', command: { file, args } });
      const run = await options.runner.run(file, args, { timeoutMs: REG_TIMEOUT_MS });
      const ran = run.outcome === 'ok';
      await options.log.record({
        action: 'restart-register',
        stage: 'finished',
        command: { file, args },
        exitCode: run.exitCode,
        result: ran ? 'registered' : 'failed',
        durationMs: run.durationMs,
        ...(run.error ? { reason: run.error } : {}),
      });
      return ran
        ? ok({ registered: true })
        : err(
            failure(
              'Handover could not register itself to open after the restart; open it yourself after signing in',
              run,
            ),
          );
    },

    async unregister() {
      if (options.platform !== 'windows') return ok({ removed: false });
      if (!reg.ok) return reg;
      const query = await options.runner.run(reg.value, QUERY_ARGS, { timeoutMs: REG_TIMEOUT_MS });
      // reg query exits 1 when the value does not exist: Windows already removed it as it ran.
      if (query.outcome === 'failed' && query.exitCode === 1) return ok({ removed: false });
      if (query.outcome !== 'ok')
        return err(failure('Handover could not check its restart registration', query));
      const file = reg.value;
      const args = [...DELETE_ARGS];
      await options.log.record({ action: 'restart-unregister', stage: 'started', command: { file, args } });
      const run = await options.runner.run(file, args, { timeoutMs: REG_TIMEOUT_MS });
      await options.log.record({
        action: 'restart-unregister',
        stage: 'finished',
        command: { file, args },
        exitCode: run.exitCode,
        result: run.outcome === 'ok' ? 'removed' : 'failed',
        durationMs: run.durationMs,
        ...(run.error ? { reason: run.error } : {}),
      });
      return run.outcome === 'ok'
        ? ok({ removed: true })
        : err(failure('Handover could not remove its restart registration', run));
    },
  };
}
