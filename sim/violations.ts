/**
 * Where the simulator records every disagreement with GitHub's descriptions: requests
 * and responses that do not match the OpenAPI description, endpoints it cannot
 * simulate, webhook payloads that do not match @octokit/webhooks-schemas. A test fails
 * on them through `sim.assertNoViolations()` (the vitest helper calls it after each test).
 */

export type ViolationKind = 'request' | 'response' | 'not-in-description' | 'not-simulated' | 'webhook';

export interface Violation {
  kind: ViolationKind;
  /** `METHOD /path` of the request, or `event.action` of a webhook. */
  at: string;
  operationId: string | undefined;
  problems: string[];
}

export class SimulatorViolationError extends Error {
  readonly violations: Violation[];

  constructor(violations: Violation[]) {
    super(`GitHub simulator saw ${violations.length} violation(s):\n${violations.map(formatViolation).join('\n')}`);
    this.name = 'SimulatorViolationError';
    this.violations = violations;
  }
}

export function formatViolation(v: Violation): string {
  return `- [${v.kind}] ${v.at}${v.operationId ? ` (${v.operationId})` : ''}: ${v.problems.join('; ')}`;
}

export class ViolationLog {
  private items: Violation[] = [];

  record(violation: Violation): void {
    this.items.push(violation);
  }

  list(): Violation[] {
    return [...this.items];
  }

  /** Returns the violations so far and forgets them (for tests that expect some). */
  take(): Violation[] {
    const taken = this.items;
    this.items = [];
    return taken;
  }

  assertNone(): void {
    const taken = this.take();
    if (taken.length > 0) throw new SimulatorViolationError(taken);
  }
}
