/**
 * The action log: one entry per step of every action that changes the machine (previewed,
 * refused, started, finished), with what ran, when, and its exit code. The host writes it as JSON
 * lines in the app's data folder beside the app log (actions.jsonl: api/host-deps/action-log-file.ts)
 * so a person or a technician can see afterwards exactly what Handover did.
 *
 * It holds commands and product ids, never file contents; an argument that looks like a password
 * (KLPASSWD=..., /password:...) is replaced by '<hidden>' before it is written, even though
 * Handover itself never builds one.
 */
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

const SECRET = /(pass(word|wd)?|pwd|secret|token)\s*[=:]/i;

/** Arguments with anything that looks like a credential hidden. */
export function redactArgs(args: readonly string[]): string[] {
  return args.map((arg) => {
    const match = SECRET.exec(arg);
    return match ? `${arg.slice(0, match.index + match[0].length)}<hidden>` : arg;
  });
}

/** Where the entries go: one event with its data per entry (a rotating JSON-lines file in the app). */
export interface ActionLogWriter {
  write(event: string, data: Readonly<Record<string, unknown>>): Promise<void>;
}

/** The action log on a writer; arguments that look like credentials are hidden before writing. */
export function actionLogOn(writer: ActionLogWriter): ActionLog {
  return {
    record(entry) {
      const { action, stage, command, ...rest } = entry;
      return writer.write(`${action}.${stage}`, {
        action,
        stage,
        ...(command ? { command: { file: command.file, args: redactArgs(command.args) } } : {}),
        ...rest,
      });
    },
  };
}
