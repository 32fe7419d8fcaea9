/**
 * Preview → confirm. Every action that changes the machine is planned first (the window shows
 * the person exactly what will run) and the plan is kept here under a random, single-use,
 * short-lived token. The window can only say "run the plan with this token": it never sends a
 * command, so what runs is what was shown.
 */
import { randomBytes } from 'node:crypto';
import { err, ok, type Result } from '../core/util/result';

export interface Issued {
  readonly token: string;
  /** ISO 8601: after this the person must look at the preview again. */
  readonly expiresAt: string;
}

export interface Confirmations<Plan> {
  issue(plan: Plan): Issued;
  /** The plan for a token, once: a second take, an unknown or an expired token is an error. */
  take(token: string): Result<Plan>;
}

export interface ConfirmationOptions {
  readonly now: () => Date;
  /** How long a preview stays valid (default 15 minutes). */
  readonly ttlMs?: number;
  /** Token source, replaceable in tests (default: 128 random bits). */
  readonly newToken?: () => string;
}

export function createConfirmations<Plan>(options: ConfirmationOptions): Confirmations<Plan> {
  const ttlMs = options.ttlMs ?? 15 * 60 * 1000;
  const newToken = options.newToken ?? (() => randomBytes(16).toString('hex'));
  const pending = new Map<string, { plan: Plan; expires: number }>();

  const sweep = (at: number) => {
    for (const [token, entry] of pending) if (entry.expires <= at) pending.delete(token);
  };

  return {
    issue(plan) {
      const at = options.now().getTime();
      sweep(at);
      const token = newToken();
      pending.set(token, { plan, expires: at + ttlMs });
      return { token, expiresAt: new Date(at + ttlMs).toISOString() };
    },
    take(token) {
      const entry = typeof token === 'string' ? pending.get(token) : undefined;
      if (!entry) return err('there is no confirmed preview for this action: look at what it will do first');
      pending.delete(token);
      if (entry.expires <= options.now().getTime()) {
        return err('the preview of this action is too old: look at what it will do again');
      }
      return ok(entry.plan);
    },
  };
}
