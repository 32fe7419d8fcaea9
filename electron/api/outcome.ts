/**
 * Making the api's answers (contract.ts, Outcome): done, cancelled or failed, and the guard that
 * turns anything a handler throws into 'failed' with personMessage's words, so a call never
 * throws across a host and every failure reads the same way wherever it happens.
 */
import { personMessage } from '../core/util/person-message';
import type { Outcome } from './contract';

export const done = <T>(value: T): Outcome<T> => ({ kind: 'done', value });
export const CANCELLED: Outcome<never> = { kind: 'cancelled' };
export const failed = (message: string): Outcome<never> => ({ kind: 'failed', message });

/** Every method of a handler table, with anything it throws answered as a failure. */
export function guarded<A extends object>(handlers: A): A {
  return Object.fromEntries(
    Object.entries(handlers).map(([name, method]) => [
      name,
      async (...args: unknown[]) => {
        try {
          return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
        } catch (error) {
          return failed(personMessage(error));
        }
      },
    ]),
  ) as A;
}
