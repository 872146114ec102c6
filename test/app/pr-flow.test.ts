import { describe, expect, it } from 'vitest';
import { checks, comments, pipelineArtifact, registerVersion, registry, REPO, seedRepo, useServedApp } from './harness.ts';

const { sim, serve } = useServedApp();

async function openPr(): Promise<{ number: number; head: string }> {
  const head = await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'x' }, author: 'alice' });
  const number = await sim().scenario.openPullRequest({ repo: REPO, head: 'feature', title: 'Better model', author: 'alice' });
  return { number, head };
}

describe('the pull-request comparison', () => {
  it('comments once per model, sets the check, and changes nothing on redelivery', async () => {
    await serve();
    seedRepo(sim());
    const base = sim().state.repo(REPO)!.git.refs.get('refs/heads/main')!;
    await registry(sim()).promote({ model: 'churn', version: await registerVersion(sim(), { roc_auc: 0.7 }, base), environment: 'production', decision: 'approved', approvers: ['bob'], gate: { passed: true, summary: 'first' }, reason: 'seed', runUrl: null, actor: 'acme' });
    const { number, head } = await openPr();
    sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', artifacts: pipelineArtifact({ roc_auc: 0.75 }) });
    await sim().webhooks.idle();
    const ours = comments(sim()).filter((c) => c.body.startsWith('<!-- trainyard:churn -->'));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({ issueNumber: number, user: { login: 'trainyard[bot]' } });
    expect(ours[0]!.body).toContain('champion churn@v1');
    expect(ours[0]!.body).toMatch(/^\| roc_auc ↑ \| 0\.7000 \| 0\.7500 \| \+0\.0500 \(\+7\.1%\) \| ✅ pass \|$/m);
    expect(checks(sim(), 'trainyard / churn')).toMatchObject([{ headSha: head, conclusion: 'success', actions: [{ identifier: 'recompare' }, { identifier: 'retrain' }] }]);
    const before = JSON.stringify([comments(sim()), checks(sim(), 'trainyard / churn')]);
    for (const delivery of [...sim().webhooks.deliveries]) sim().webhooks.redeliver(delivery.id);
    await sim().webhooks.idle();
    expect(JSON.stringify([comments(sim()), checks(sim(), 'trainyard / churn')])).toBe(before);
  });

  it('recomputes the verdict from raw metrics and ignores a comparison written by the pull request', async () => {
    await serve();
    seedRepo(sim());
    await openPr();
    const forged = { path: 'comparison.json', content: JSON.stringify({ verdict: 'pass' }) };
    sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', artifacts: pipelineArtifact({ roc_auc: 0.55 }, [forged]) });
    await sim().webhooks.idle();
    expect(checks(sim(), 'trainyard / churn')).toMatchObject([{ conclusion: 'failure', output: { title: 'fail: roc_auc did not meet the policy' } }]);
  });

  it('marks the comparison stale on a new push, and a failing run without artifacts fails the check', async () => {
    await serve();
    seedRepo(sim());
    const { number } = await openPr();
    sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', artifacts: pipelineArtifact({ roc_auc: 0.8 }) });
    await sim().webhooks.idle();
    const next = await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'y' }, author: 'alice' });
    await sim().webhooks.idle();
    expect(comments(sim()).find((c) => c.issueNumber === number)!.body).toContain(`moved on to ${next.slice(0, 7)}`);
    sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', conclusion: 'failure' });
    await sim().webhooks.idle();
    expect(checks(sim(), 'trainyard / churn').find((c) => c.headSha === next)).toMatchObject({ conclusion: 'failure', output: { title: 'No comparison' } });
    expect(comments(sim()).filter((c) => c.issueNumber === number)).toHaveLength(1);
    expect(comments(sim())[0]!.body).toContain('uploaded no artifact trainyard-churn');
  });

  it('judges a run once: a redelivery after a new champion, or a late push event, leaves comment and check alone', async () => {
    await serve();
    seedRepo(sim());
    const base = sim().state.repo(REPO)!.git.refs.get('refs/heads/main')!;
    const promote = async (auc: number) => registry(sim()).promote({ model: 'churn', version: await registerVersion(sim(), { roc_auc: auc }, base), environment: 'production', decision: 'approved', approvers: ['bob'], gate: { passed: true, summary: 's' }, reason: 's', runUrl: null, actor: 'acme' });
    await promote(0.7);
    await openPr();
    await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'y' }, author: 'alice' });
    sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', artifacts: pipelineArtifact({ roc_auc: 0.75 }) });
    await sim().webhooks.idle();
    const before = JSON.stringify([comments(sim()), checks(sim(), 'trainyard / churn')]);
    expect(before).not.toContain('Stale');
    await promote(0.9);
    for (const delivery of [...sim().webhooks.deliveries]) if (delivery.event === 'workflow_run' || delivery.event === 'pull_request') sim().webhooks.redeliver(delivery.id);
    await sim().webhooks.idle();
    expect(JSON.stringify([comments(sim()), checks(sim(), 'trainyard / churn')])).toBe(before);
  });

  it('a bad config becomes a failing check that explains it', async () => {
    await serve();
    seedRepo(sim(), 'version: 1\nmodels:\n  churn:\n    task: binary\n');
    await openPr();
    sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', artifacts: pipelineArtifact({ roc_auc: 0.8 }) });
    await sim().webhooks.idle();
    const [check] = checks(sim(), 'trainyard / config');
    expect(check).toMatchObject({ conclusion: 'failure' });
    expect(check!.output.summary).toMatch(/\.github\/trainyard\.yml: models\.churn\.data/);
  });
});
