/**
 * The simulator's time. Tests move it forward (`sim.clock.advance(61_000)`) to expire
 * download URLs or tokens without waiting.
 */
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** ISO 8601 in UTC without milliseconds, the way GitHub writes timestamps. */
  iso(date: Date = this.now()): string {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
