/**
 * What kind of publisher a catalog source is, shared by the three catalogs (products, bans,
 * alternatives). The kind is that of whoever publishes the page that was read: a faithful copy
 * (the same page on a mirror, a document host's copy of the vendor's manual, a legal publisher's
 * copy of an official text) keeps its author's kind and says where it was read in its title; a
 * repost, summary or write-up by someone else (a forum thread, a blog, a content farm, a file
 * shared by a stranger) is `community`. See docs/catalog.md, "Kinds of sources".
 */
import { z } from 'zod';

export const sourceKinds = [
  /** The product's maker: its site, documentation, terms, filings. */
  'vendor',
  /** An independent testing lab (AV-TEST, AV-Comparatives). */
  'test-lab',
  /** A government or regulator, or the official text of a law or order. */
  'government',
  /** A news or trade publication, or a law firm's note on a case. */
  'press',
  /** Anything else: forums, blogs, wikis and their mirrors, content farms, shared files, public scripts. */
  'community',
] as const;
export type SourceKind = (typeof sourceKinds)[number];

export const sourceKindSchema = z.enum(sourceKinds, {
  error: () => `every source needs a kind: one of ${sourceKinds.join(', ')}`,
});

/**
 * Whether a fact resting on sources of these kinds may be shown as certain: at least one source
 * that is not community. A fact resting only on community sources, or on none, is shown as
 * unconfirmed.
 */
export function confirmedBy(kinds: readonly SourceKind[]): boolean {
  return kinds.some((kind) => kind !== 'community');
}
