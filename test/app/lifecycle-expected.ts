/** What the lifecycle scenario must report, with or without faults. */
import { expect } from 'vitest';

export const LIFECYCLE = {
  comment: { id: expect.any(Number), updates: 2 },
  check: { name: 'trainyard / flight-delays', conclusion: 'success' },
  gate: { state: 'approved', comment: 'Approved flight-delays@v2 for production: pass: all 3 gated metrics met the policy; approved by bob.' },
  release: { tag: 'flight-delays@v2' },
  promotion: { tag: 'flight-delays#production#3' },
  retrainingPr: { number: 2, branch: 'trainyard/retrain/flight-delays' },
  duplicates: 0,
};
