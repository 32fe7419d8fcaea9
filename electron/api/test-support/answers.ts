/**
 * For tests of the handler table: the answer of a call that must be done (a test fails with the
 * call's own message otherwise), and the message of a call that must fail.
 */
import type { AnswerOf, Api, ApiMethod, Outcome } from '../contract';

export async function answerOf<T>(call: Promise<Outcome<T>>): Promise<T> {
  const answer = await call;
  if (answer.kind === 'done') return answer.value;
  throw new Error(answer.kind === 'failed' ? `the call failed: ${answer.message}` : 'the call was cancelled');
}

export async function failureOf(call: Promise<Outcome<unknown>>): Promise<string> {
  const answer = await call;
  if (answer.kind === 'failed') return answer.message;
  throw new Error(`the call did not fail: it was ${answer.kind}`);
}

/** The api as a test reads it: each method's answer when done, a thrown error (with the call's message) otherwise. */
export type AnsweredApi = {
  readonly [M in ApiMethod]: (...args: Parameters<Api[M]>) => Promise<AnswerOf<M>>;
};

export function answered(api: Api): AnsweredApi {
  return Object.fromEntries(
    Object.entries(api).map(([name, method]) => [
      name,
      (...args: unknown[]) => answerOf((method as (...a: unknown[]) => Promise<Outcome<unknown>>)(...args)),
    ]),
  ) as unknown as AnsweredApi;
}
