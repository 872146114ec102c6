/**
 * The App in Actions mode on the workflow files: docs/samples/trainyard-app.yml (as
 * docs/app.md tells users to install it) runs actions/app through the workflow executor
 * on the pull-request pipeline's workflow_run event, in a repository with no App server;
 * the comparison comment and the check come from GitHub Actions' own App.
 */
import { expect, it } from 'vitest';
import { runActionsMode } from '../../app/sandbox/actions-mode.ts';

it('runs the App workflow on the pipeline run\'s workflow_run event: comment and check by github-actions', async () => {
  const report = await runActionsMode();
  expect(report.workflowRuns).toEqual([
    { workflow: 'trainyard pr', event: 'pull_request', conclusion: 'success', jobs: ['validate data', 'train', 'evaluate'].map((job) => ({ name: `flight-delays / ${job}`, conclusion: 'success' })) },
    { workflow: 'trainyard app', event: 'workflow_run', conclusion: 'success', jobs: [{ name: 'app', conclusion: 'success' }] },
  ]);
  expect(report.comment.author).toBe('github-actions[bot]');
  expect(report.comment.url).toMatch(/^https:\/\/github\.com\/acme\/flights\/pull\/1#issuecomment-\d+$/);
  expect(report.comment.body).toContain('flight-delays');
  // No champion yet: the candidate is judged on the policy's thresholds, which 8 epochs meet.
  expect(report.comment.body).toContain('no champion in production yet');
  expect(report.check).toMatchObject({ name: 'trainyard / flight-delays', app: 'github-actions', conclusion: 'success' });
}, 240_000);
