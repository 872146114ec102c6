/**
 * The vitest helper: a fresh simulator per test, and a test fails when the simulator saw
 * a request, response or webhook that disagrees with GitHub's descriptions.
 *
 *   const sim = useSimulator();
 *   it('...', async () => { const { url } = sim(); ... });
 */
import { afterEach, beforeEach } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../sim/simulator.ts';

export function useSimulator(options: SimulatorOptions = {}): () => Simulator {
  let current: Simulator | undefined;
  beforeEach(async () => {
    current = await startSimulator(options);
  });
  afterEach(async () => {
    const sim = current;
    current = undefined;
    if (!sim) return;
    try {
      await sim.webhooks.idle();
      sim.assertNoViolations();
    } finally {
      await sim.close();
    }
  });
  return () => {
    if (!current) throw new Error('useSimulator(): the simulator exists only inside a test');
    return current;
  };
}
