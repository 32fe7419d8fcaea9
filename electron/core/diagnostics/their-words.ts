/**
 * A scan of someone else's machine, opened from their diagnostics file, in the helper's words
 * (issue 12 §1): the verdict speaks of "this computer" and the country rules of "set by you",
 * which on the helper's screen would be the helper's own. The texts the core wrote are turned to
 * "their computer" and "set by them"; nothing else changes (codes, ids and facts stay exact).
 */
import type { ScanResult } from '../scan-result';

const SECOND_PERSON: readonly (readonly [RegExp, string])[] = [
  [/\bthis computer\b/g, 'their computer'],
  [/\bThis computer\b/g, 'Their computer'],
  [/\bset by you\b/g, 'set by them'],
  [/\byour computer\b/g, 'their computer'],
  [/\bYour computer\b/g, 'Their computer'],
];

/** One text in the helper's words. */
export function inTheirWords(text: string): string {
  return SECOND_PERSON.reduce((t, [pattern, words]) => t.replace(pattern, words), text);
}

/** The scan result of a viewed machine, its words turned to the third person. */
export function scanInTheirWords(result: ScanResult): ScanResult {
  const { verdict, region } = result;
  return {
    ...result,
    region: { ...region, explanation: inTheirWords(region.explanation) },
    verdict: {
      ...verdict,
      headline: inTheirWords(verdict.headline),
      reasons: verdict.reasons.map((r) => ({ ...r, text: inTheirWords(r.text) })),
      actions: verdict.actions.map((a) => ({ ...a, text: inTheirWords(a.text) })),
    },
  };
}
