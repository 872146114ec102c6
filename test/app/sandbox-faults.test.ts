/** The lifecycle again with one in ten of the App's API requests failing: retries and claims keep it exact. */
import { expect, it } from 'vitest';
import { runLifecycle } from '../../app/sandbox/lifecycle.ts';
import { LIFECYCLE } from './lifecycle-expected.ts';

it('ends the same with --faults 0.1: no duplicates, every fault absorbed', async () => {
  const report = await runLifecycle({ faults: 0.1, seed: 1 });
  expect(report).toMatchObject(LIFECYCLE);
  expect(report.faultsInjected).toBeGreaterThan(5);
}, 420_000);
