import { describe, expect, it } from 'vitest';
import { createConfirmations } from './confirmations';

describe('createConfirmations', () => {
  it('gives the plan back once for its token', () => {
    let at = Date.parse('2026-11-29T10:00:00Z');
    const book = createConfirmations<{ run: string }>({ now: () => new Date(at), ttlMs: 60_000 });
    const issued = book.issue({ run: 'a' });
    expect(issued.token).toMatch(/^[0-9a-f]{32}$/);
    expect(issued.expiresAt).toBe('2026-11-29T10:01:00.000Z');
    at += 1000;
    expect(book.take(issued.token)).toEqual({ ok: true, value: { run: 'a' } });
    expect(book.take(issued.token).ok).toBe(false);
  });

  it('refuses an unknown, an empty or an expired token', () => {
    let at = 0;
    const book = createConfirmations<string>({ now: () => new Date(at), ttlMs: 1000 });
    expect(book.take('nope')).toEqual({ ok: false, error: expect.stringMatching(/no confirmed preview/) });
    expect(book.take('').ok).toBe(false);
    const issued = book.issue('plan');
    at = 1000;
    expect(book.take(issued.token)).toEqual({ ok: false, error: expect.stringMatching(/too old/) });
  });

  it('issues a different token for every preview', () => {
    const book = createConfirmations<string>({ now: () => new Date(0) });
    const tokens = new Set(Array.from({ length: 50 }, () => book.issue('x').token));
    expect(tokens.size).toBe(50);
  });
});
