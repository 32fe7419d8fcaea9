/**
 * The action log: one JSON line per step of every action that changes the machine (previewed,
 * refused, started, finished), with what ran, when, and its exit code. It lives in the app's data
 * folder beside the app log (actions.jsonl, rotated by createRotatingLog) so a person or a
 * technician can see afterwards exactly what Handover did.
 *
 * It holds commands and product ids, never file contents; an argument that looks like a password
 * (KLPASSWD=..., /password:...) is replaced by '<hidden>' before it is written, even though
 * Handover itself never builds one.
 */
import { createRotatingLog } from '../files/rotating-log';

export type ActionName =
  | 'uninstall'
  | 'linux-remove'
  | 'restart-register'
  | 'restart-unregister'
  | 'signature-update';
export type ActionStage = 'previewed' | 'refused' | 'started' | 'finished';

export interface ActionLogEntry {
  readonly action: ActionName;
  readonly stage: ActionStage;
  readonly detectionId?: string;
  /** The program and argument array as passed to the command runner. */
  readonly command?: { readonly file: string; readonly args: readonly string[] };
  /** The process exit code; null when it did not run or was stopped. */
  readonly exitCode?: number | null;
  /** How the run ended, as Handover reads it ('removed', 'cancelled', ...). */
  readonly result?: string;
  readonly durationMs?: number;
  /** Why it was refused or failed, in plain words. */
  readonly reason?: string;
}

export interface ActionLog {
  /** Appends one entry; never throws (the action's outcome does not depend on the log). */
  record(entry: ActionLogEntry): Promise<void>;
}

export const ACTION_LOG_FILE = 'actions.jsonl';

const SECRET = /(pass(word|wd)?|pwd|secret|token)\s*[=:]/i;

/** Arguments with anything that looks like a credential hidden. */
export function redactArgs(args: readonly string[]): string[] {
  return args.map((arg) => {
    const match = SECRET.exec(arg);
    return match ? `${arg.slice(0, match.index + match[0].length)}<hidden>` : arg;
  });
}

export function createActionLog(options: {
  readonly dir: string;
  readonly now: () => Date;
  readonly maxBytes?: number;
  readonly keep?: number;
}): ActionLog & { readonly path: string } {
  const log = createRotatingLog({
    dir: options.dir,
    name: ACTION_LOG_FILE,
    maxBytes: options.maxBytes ?? 1024 * 1024,
    keep: options.keep ?? 3,
    now: options.now,
  });
  return {
    path: log.path,
    record(entry) {
      const { action, stage, command, ...rest } = entry;
      return log.write(`${action}.${stage}`, {
        action,
        stage,
        ...(command ? { command: { file: command.file, args: redactArgs(command.args) } } : {}),
        ...rest,
      });
    },
  };
}
