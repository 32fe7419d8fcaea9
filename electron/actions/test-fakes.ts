/**
 * Fakes for the action tests: a command runner that records every call and answers from a
 * queue (nothing ever runs), and an in-memory action log.
 */

import type { CommandOptions, CommandResult, CommandRunner } from '../probes/probe-context';
import type { ActionLog, ActionLogEntry } from './action-log';

export interface RunnerCall {
  readonly file: string;
  readonly args: readonly string[];
  readonly options: CommandOptions;
}

export type FakeAnswer = Partial<Pick<CommandResult, 'outcome' | 'exitCode' | 'error'>>;

/** Each run takes the next answer (the last one repeats); an exit code alone implies 'failed'. */
export function fakeRunner(...answers: FakeAnswer[]): { runner: CommandRunner; calls: RunnerCall[] } {
  const calls: RunnerCall[] = [];
  const runner: CommandRunner = {
    async run(file, args, options) {
      calls.push({ file, args: [...args], options });
      const answer = answers[Math.min(calls.length - 1, answers.length - 1)] ?? {};
      const exitCode = answer.exitCode === undefined ? 0 : answer.exitCode;
      return {
        outcome: answer.outcome ?? (exitCode === 0 ? 'ok' : 'failed'),
        exitCode,
        stdout: Buffer.alloc(0),
        stderr: Buffer.alloc(0),
        ...(answer.error ? { error: answer.error } : {}),
        startedAt: '2026-11-29T10:00:00.000Z',
        durationMs: 4200,
      };
    },
  };
  return { runner, calls };
}

export function memoryLog(): ActionLog & { readonly entries: ActionLogEntry[] } {
  const entries: ActionLogEntry[] = [];
  return {
    entries,
    async record(entry) {
      entries.push(entry);
    },
  };
}
