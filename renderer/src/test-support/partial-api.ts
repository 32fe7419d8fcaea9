/**
 * For the store's unit tests: an Api made of the methods a test cares about; every other method
 * fails loudly when called, so a test cannot pass by touching something it did not set up.
 */
import { API_METHODS } from '../../../electron/api/channels';
import type { Api } from '../../../electron/api/contract';

export function apiWith(methods: Partial<Api>): Api {
  const api: Record<string, unknown> = {};
  for (const method of API_METHODS) {
    api[method] =
      methods[method] ??
      (async () => {
        throw new Error(`${method} is not used by this test`);
      });
  }
  return api as unknown as Api;
}
