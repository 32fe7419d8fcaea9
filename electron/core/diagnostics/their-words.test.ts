import { describe, expect, it } from 'vitest';
import { replayCase } from '../../probes/replay/test-support/replayed-scans';
import { inTheirWords, scanInTheirWords } from './their-words';

describe('a viewed machine in the helper words', () => {
  it('turns "this computer" and "set by you" to the third person, and nothing else', () => {
    expect(inTheirWords('Kaspersky is protecting this computer.')).toBe(
      'Kaspersky is protecting their computer.',
    );
    expect(inTheirWords('United States, set by you')).toBe('United States, set by them');
    expect(inTheirWords('This computer is not protected.')).toBe('Their computer is not protected.');
    expect(inTheirWords('thiscomputer, set by yours')).toBe('thiscomputer, set by yours');
  });

  it('rewrites the verdict and the region of a real case, leaving codes and facts as they are', async () => {
    const result = await replayCase('win-kes10-de-wsc');
    const theirs = scanInTheirWords(result);
    const texts = [
      theirs.verdict.headline,
      theirs.region.explanation,
      ...theirs.verdict.reasons.map((r) => r.text),
      ...theirs.verdict.actions.map((a) => a.text),
    ];
    for (const text of texts) {
      expect(text).not.toMatch(/\bthis computer\b|\bset by you\b/i);
    }
    expect(theirs.region.explanation).toBe('set by them');
    expect(theirs.verdict.reasons.map((r) => r.code)).toEqual(result.verdict.reasons.map((r) => r.code));
    expect(theirs.detections).toBe(result.detections);
  });
});
