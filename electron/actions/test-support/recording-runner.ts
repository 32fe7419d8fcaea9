/**
 * For tests: a command runner that records every call and answers from a queue, so nothing ever
 * runs on the machine. The action tests, the journey's handler tests and the e2e harness use it.
 */

import type { CommandOptions, CommandResult, CommandRunner } from '../../core/commands';

export interface RunnerCall {
  readonly file: string;
  readonly args: readonly string[];
  readonly options: CommandOptions;
}

export type RunnerAnswer = Partial<Pick<CommandResult, 'outcome' | 'exitCode' | 'error'>>;

/** Each run takes the next answer (the last one repeats); an exit code alone implies 'failed'. */
export function recordingRunner(...answers: RunnerAnswer[]): { runner: CommandRunner; calls: RunnerCall[] } {
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
