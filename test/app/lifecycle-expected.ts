/** What the lifecycle scenario must report, with or without faults. */
import { expect } from 'vitest';
import { PROMISE_NAMES } from '../../src/doctor/doctor.ts';

export const LIFECYCLE = {
  comment: { id: expect.any(Number), updates: 2 },
  check: { name: 'trainyard / flight-delays', conclusion: 'success' },
  gate: { state: 'approved', comment: 'Approved flight-delays@v2 for production: pass: all 3 gated metrics met the policy; approved by bob.' },
  release: { tag: 'flight-delays@v2' },
  promotion: { tag: 'flight-delays#production#3' },
  retrainingPr: { number: 2, branch: 'trainyard/retrain/flight-delays' },
  // The callers `trainyard init` wrote, run by the workflow executor: the pipeline on the
  // opened pull request and on its fix-up push, the release run after the merge, the drift run,
  // the dispatched retraining run.
  workflowRuns: [
    ...[1, 2].map(() => ({ workflow: 'trainyard pr', event: 'pull_request', conclusion: 'success', jobs: ['validate data', 'train', 'evaluate'].map((job) => ({ name: `flight-delays / ${job}`, conclusion: 'success' })) })),
    {
      workflow: 'trainyard release', event: 'push', conclusion: 'success',
      jobs: ['validate data', 'train', 'evaluate', 'register the candidate', 'promote and deploy'].map((job) => ({ name: `flight-delays / ${job}`, conclusion: 'success' })),
    },
    // The scheduled drift run fails on drift, as designed, after uploading drift.json.
    { workflow: 'trainyard drift', event: 'schedule', conclusion: 'failure', jobs: [{ name: 'flight-delays / detect drift', conclusion: 'failure' }] },
    // The retraining the App dispatched on the retraining branch: the branch changes only
    // trainyard.lock, so the candidate ties the champion and the evaluate job fails the gate.
    {
      workflow: 'trainyard retrain', event: 'workflow_dispatch', conclusion: 'failure',
      jobs: [['validate data', 'success'], ['train', 'success'], ['evaluate', 'failure']].map(([job, conclusion]) => ({ name: `flight-delays / ${job}`, conclusion })),
    },
    // The scheduled monitoring run: the monitor job fails on the latest chunk's alerts, as designed; publish runs all the same.
    { workflow: 'trainyard monitor', event: 'schedule', conclusion: 'failure', jobs: [{ name: 'flight-delays / monitor', conclusion: 'failure' }, { name: 'flight-delays / publish', conclusion: 'success' }] },
    // The retraining the monitoring run dispatched on the same branch: the candidate ties the champion again.
    {
      workflow: 'trainyard retrain', event: 'workflow_dispatch', conclusion: 'failure',
      jobs: [['validate data', 'success'], ['train', 'success'], ['evaluate', 'failure']].map(([job, conclusion]) => ({ name: `flight-delays / ${job}`, conclusion })),
    },
  ],
  // The App compared the retraining run's candidate on the retraining pull request: a failing check and the comment.
  retrainingComparison: {
    runId: expect.any(Number), conclusion: 'failure', check: 'failure', title: 'fail: roc_auc did not meet the policy',
    comment: expect.stringMatching(/^https:\/\/github\.com\/acme\/flights\/pull\/2#issuecomment-\d+$/),
  },
  // The prediction log of 2001-05-21: realized roc_auc below its band from March in the weeks
  // of April 16, 23 and 30 (the latest with labels) → the health issue, one comment on its
  // alerts mentioning monitoring.notify, and the retraining pull request with that evidence.
  monitoring: {
    runId: expect.any(Number),
    conclusion: 'failure',
    healthIssue: { number: 3, title: 'Model health: flight-delays', state: 'open', url: 'https://github.com/acme/flights/issues/3', latestChunk: '2001-05-14T00:00:00.000Z', alerts: 1 },
    alertComments: [{ id: expect.any(Number), url: expect.stringMatching(/^https:\/\/github\.com\/acme\/flights\/issues\/3#issuecomment-\d+$/), mentions: ['@alice', '@bob'] }],
    retrainingPullRequest: {
      number: 2, title: 'Retrain flight-delays: realized roc_auc out of its band for 3 chunks', url: 'https://github.com/acme/flights/pull/2',
      evidence: { kind: 'realized', metric: 'roc_auc', chunks: 3, since: '2001-04-16T00:00:00.000Z' },
    },
    retrainingComparison: {
      runId: expect.any(Number), conclusion: 'failure', check: 'failure', title: 'fail: roc_auc did not meet the policy',
      comment: expect.stringMatching(/^https:\/\/github\.com\/acme\/flights\/pull\/2#issuecomment-\d+$/),
    },
  },
  // `trainyard doctor` on the repository secured as docs/security.md asks, before the story: every promise backed, none with a fix.
  doctor: {
    repository: 'acme/flights',
    promises: Object.values(PROMISE_NAMES).map((name) => ({ name, holds: true, setting: expect.any(String), fix: null })),
  },
  duplicates: 0,
};
