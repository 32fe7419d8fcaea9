/**
 * Runs an async function over items a few at a time: the probes' bounded pool (reading folders
 * and files) and the fleet folder's (statting and reading files written by many machines).
 */

/** Runs fn over items, at most `limit` at a time, keeping the order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
