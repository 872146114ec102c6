/** The GitHub simulator's public surface. See docs/simulator.md. */
export { startSimulator, type Simulator, type SimulatorOptions } from './simulator.ts';
export { SimulatorViolationError, type Violation } from './violations.ts';
export { signPayload, type Delivery } from './webhooks.ts';
export type { FaultRule, Fault } from './faults.ts';
export type { SeededApp, SeededRepo, SeededUser } from './seed.ts';
export { buildZip } from './zip.ts';
