/**
 * Primary rate limits per caller, with GitHub's `x-ratelimit-*` headers: 5,000 requests
 * an hour for users and installations, 60 for anonymous callers (or one limit for all,
 * set in the simulator options). A caller that runs out gets 403 "API rate limit exceeded".
 */
import type { Actor } from './auth.ts';
import { SimHttpError } from './http-error.ts';
import type { Clock } from './state/clock.ts';

interface Window {
  used: number;
  resetAt: number;
}

export class RateLimits {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly clock: Clock,
    private readonly limitOverride: number | undefined,
  ) {}

  limitFor(actor: Actor): number {
    return this.limitOverride ?? (actor.kind === 'anonymous' ? 60 : 5000);
  }

  private window(actor: Actor): Window {
    const key = keyOf(actor);
    const now = this.clock.now().getTime();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { used: 0, resetAt: now + 3_600_000 };
      this.windows.set(key, window);
    }
    return window;
  }

  /** Counts one request (unless `free`) and returns the headers to send; throws when exhausted. */
  consume(actor: Actor, free: boolean): Record<string, string> {
    const window = this.window(actor);
    const limit = this.limitFor(actor);
    const exhausted = !free && window.used >= limit;
    if (!free && !exhausted) window.used += 1;
    const headers = {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - window.used)),
      'x-ratelimit-used': String(window.used),
      'x-ratelimit-reset': String(Math.floor(window.resetAt / 1000)),
      'x-ratelimit-resource': 'core',
    };
    if (exhausted) throw Object.assign(new SimHttpError(403, `API rate limit exceeded for ${keyOf(actor)}.`), { headers });
    return headers;
  }

  /** The caller's window, for `GET /rate_limit`. */
  snapshot(actor: Actor): { limit: number; used: number; remaining: number; reset: number } {
    const window = this.window(actor);
    const limit = this.limitFor(actor);
    return { limit, used: window.used, remaining: Math.max(0, limit - window.used), reset: Math.floor(window.resetAt / 1000) };
  }
}

function keyOf(actor: Actor): string {
  switch (actor.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'user':
      return `user ID ${actor.user.id}`;
    case 'app':
      return `app ID ${actor.app.id}`;
    case 'installation':
      return `installation ID ${actor.token.installationId}`;
  }
}
