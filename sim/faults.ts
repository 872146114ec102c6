/**
 * Fault injection, deterministic by seed: server errors, secondary rate limits with
 * `retry-after`, added latency and dropped connections, for one operation or all. The
 * same seed and the same sequence of requests give the same faults.
 */

export type Fault =
  | { kind: 'status'; status: 500 | 502 | 503 | 504 }
  | { kind: 'secondary-rate-limit'; status: 403 | 429; retryAfterSeconds: number }
  | { kind: 'latency'; ms: number }
  | { kind: 'drop' };

/**
 * Who makes a request: no credentials, a user's token, an App's JWT, an installation
 * token, or a workflow's `GITHUB_TOKEN` (an installation token of the GitHub Actions App).
 */
export type CallerKind = 'anonymous' | 'user' | 'app' | 'installation' | 'actions';

export interface FaultRule {
  /** Only requests to this operation (`repos/upload-release-asset`); all when absent. */
  operationId?: string;
  /** Only requests by these callers (`['app', 'installation']`: an App's own requests); all when absent. */
  callers?: CallerKind[];
  /** Probability in [0, 1] that a matching request gets the fault. */
  rate: number;
  fault: Fault;
}

/** mulberry32: a small, well-distributed 32-bit PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  private rules: FaultRule[] = [];
  private random: () => number;
  /** Failures injected so far (latency not counted). */
  injected = 0;

  constructor(seed: number) {
    this.random = mulberry32(seed);
  }

  /** Adds a rule; rules are tried in order and the first that fires wins. */
  add(rule: FaultRule): void {
    if (!(rule.rate >= 0 && rule.rate <= 1)) throw new RangeError(`fault rate must be in [0, 1], got ${rule.rate}`);
    this.rules.push(rule);
  }

  /** Removes all rules and restarts the sequence from `seed`. */
  reset(seed: number): void {
    this.rules = [];
    this.random = mulberry32(seed);
    this.injected = 0;
  }

  /** The faults for one request: at most one failure, plus any latency. `caller` is asked only when a rule names callers. */
  draw(operationId: string, caller: () => CallerKind = () => 'anonymous'): Fault[] {
    const fired: Fault[] = [];
    for (const rule of this.rules) {
      if (rule.operationId !== undefined && rule.operationId !== operationId) continue;
      if (rule.callers !== undefined && !rule.callers.includes(caller())) continue;
      if (this.random() >= rule.rate) continue;
      if (rule.fault.kind === 'latency') fired.push(rule.fault);
      else if (!fired.some((f) => f.kind !== 'latency')) {
        fired.push(rule.fault);
        this.injected++;
      }
    }
    return fired;
  }
}
