import { expect } from 'vitest';

/** Equal, numbers to 1e-12 relative: sums in another row order differ in the last bits. */
export function expectSameResult(actual: unknown, wanted: unknown, where = 'result'): void {
  if (typeof wanted === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - wanted), `${where}: ${actual} vs ${wanted}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(wanted)));
  } else if (wanted !== null && typeof wanted === 'object') {
    expect(actual !== null && typeof actual === 'object', where).toBe(true);
    expect(Object.keys(actual as object).sort(), where).toEqual(Object.keys(wanted).sort());
    for (const [key, value] of Object.entries(wanted)) expectSameResult((actual as Record<string, unknown>)[key], value, `${where}.${key}`);
  } else expect(actual, where).toEqual(wanted);
}
