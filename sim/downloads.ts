/**
 * Short-lived download URLs, like the signed blob-storage URLs GitHub redirects to for
 * artifact zips and release assets: valid for a fixed time (60 s for artifacts), after
 * which the URL answers 403 as an expired storage signature does.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from './state/clock.ts';

interface Download {
  data: Buffer;
  contentType: string;
  filename: string;
  expiresAt: number;
}

export class Downloads {
  private readonly entries = new Map<string, Download>();

  constructor(
    private readonly baseUrl: () => string,
    private readonly clock: Clock,
  ) {}

  /** A URL serving `data` until `ttlMs` from now (simulator time). */
  register(input: { data: Buffer; contentType: string; filename: string; ttlMs: number }): string {
    const token = randomBytes(16).toString('hex');
    this.entries.set(token, { ...input, expiresAt: this.clock.now().getTime() + input.ttlMs });
    return `${this.baseUrl()}/_sim/downloads/${token}/${encodeURIComponent(input.filename)}`;
  }

  /** The download behind a token; `expired` once its time is up. */
  take(token: string): Download | 'expired' | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    return entry.expiresAt < this.clock.now().getTime() ? 'expired' : entry;
  }
}
