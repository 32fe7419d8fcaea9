/**
 * Whether a statement of the alternatives catalog may be shown as certain. Every statement (the
 * cost, a feature it takes over, a note, a test result, where it runs) names the URLs of the
 * entry's sources it rests on; it is confirmed when at least one of them is not a community
 * source (source-kinds.ts). A statement resting only on community sources is shown as
 * unconfirmed, never as certain (issue 12 §2).
 */
import type { Alternative, TestResult } from './alternative-schema';
import { confirmedBy } from './source-kinds';

/** The statement resting on `urls` (sources of `alternative`) is confirmed. */
export function confirmedIn(alternative: Alternative, urls: readonly string[]): boolean {
  const kinds = urls.flatMap((url) => alternative.sources.filter((s) => s.url === url).map((s) => s.kind));
  return confirmedBy(kinds);
}

/** A test result is read on its `url`: a lab's own page confirms it, a forum repost does not. */
export const testConfirmed = (alternative: Alternative, test: TestResult): boolean =>
  confirmedIn(alternative, [test.url]);

/** The free tier is stated (true) and rests on a source that is not community. */
export const freeTierConfirmed = (alternative: Alternative): boolean =>
  alternative.cost.freeTier === true && confirmedIn(alternative, alternative.cost.sources);

/** The page the Choose step links to: the download page, else the product page; null when neither was read. */
export function officialLink(
  alternative: Alternative,
): { readonly url: string; readonly kind: 'download' | 'product' } | null {
  if (alternative.downloadUrl) return { url: alternative.downloadUrl, kind: 'download' };
  if (alternative.productPage) return { url: alternative.productPage, kind: 'product' };
  return null;
}
