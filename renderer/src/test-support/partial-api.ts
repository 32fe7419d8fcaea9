/**
 * For the store's unit tests: an Api made of the methods a test cares about; every other method
 * answers with a failure naming itself, so a test cannot get an answer it did not set up.
 *
 * A test writes each method as the handler table's code does: it returns the answer (made 'done'
 * here), returns an Outcome itself ('cancelled', 'failed'), or throws, which is answered as a
 * failure with the error's message, as the handler table's guard answers it.
 */
import { API_METHODS } from '../../../electron/api/channels';
import type { AnswerOf, Api, ApiMethod, Outcome } from '../../../electron/api/contract';

export type AnsweringMethods = {
  readonly [M in ApiMethod]: (...args: Parameters<Api[M]>) => Promise<AnswerOf<M> | Outcome<AnswerOf<M>>>;
};

const isOutcome = (value: unknown): value is Outcome<unknown> =>
  typeof value === 'object' &&
  value !== null &&
  'kind' in value &&
  ['done', 'cancelled', 'failed'].includes((value as { kind: unknown }).kind as string);

export function apiWith(methods: Partial<AnsweringMethods>): Api {
  const api: Record<string, unknown> = {};
  for (const method of API_METHODS) {
    const given = methods[method] as ((...args: unknown[]) => Promise<unknown>) | undefined;
    api[method] = async (...args: unknown[]): Promise<Outcome<unknown>> => {
      try {
        if (!given) throw new Error(`${method} is not used by this test`);
        const answer = await given(...args);
        return isOutcome(answer) ? answer : { kind: 'done', value: answer };
      } catch (error) {
        return { kind: 'failed', message: (error as Error).message };
      }
    };
  }
  return api as unknown as Api;
}
