/**
 * Ordering and leases of the promotion gate, and promotion records nobody attested:
 * the App answers first and records after GitHub accepted; a redelivery reconciles; the
 * champion moves only when a deploy succeeded; a dead replica's lease is taken over; a
 * hand-made promotion tag is not a champion.
 */
import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { GATE_LEASE_MS } from '../../src/app/promotion.ts';
import { GitHubReleasesRegistry } from '../../src/registry/github/github-registry.ts';
import { renderPromotionMessage } from '../../src/registry/promotion-record.ts';
import { AttackWorld } from '../../app/sandbox/attacks.ts';
import { registerVersion, registry, REPO, useServedApp, type ServeOptions } from './harness.ts';

const { sim, serve } = useServedApp();

/** Champion v1 (0.7); alice's pull request approved by bob, merged; candidate v2 (0.8) of the merge commit; a release run in progress (app/sandbox/attacks.ts's builders). */
async function candidate(options: ServeOptions = {}) {
  const made = await new AttackWorld(sim(), await serve(options)).candidate();
  return { ...made, runUrl: `https://github.com/${REPO}/actions/runs/${made.run.id}` };
}

const champion = async () => (await registry(sim()).version('churn', { environment: 'production' })).version;
const answers = () => sim().state.repo(REPO)!.protectionReviews;
const gateDeliveries = () => sim().webhooks.deliveries.filter((d) => d.event === 'deployment_protection_rule');

describe('answer first, record after; the champion moves on a successful deploy', () => {
  it('an approval changes no champion until the release run deployed, and only the App-attested deploy record moves it', async () => {
    const { v1, v2, run, runUrl } = await candidate();
    sim().scenario.requestDeployment({ repo: REPO, runId: run.id, environment: 'production' });
    await sim().webhooks.idle();
    expect(answers()).toMatchObject([{ state: 'approved' }]);
    expect((await registry(sim()).history('churn', 'production')).at(-1)).toMatchObject({ version: v2, decision: 'approved', kind: 'gate' });
    expect(await champion()).toBe(v1);
    // The deploy job succeeded and records the promotion with the run's GITHUB_TOKEN.
    const actions = new GitHubReleasesRegistry({ octokit: new Octokit({ auth: sim().seed.actionsToken({ repo: REPO }), baseUrl: sim().url }), owner: 'acme', repo: 'models' });
    await actions.promote({ model: 'churn', version: v2, environment: 'production', decision: 'approved', approvers: [], gate: { passed: true, summary: 'deployed' }, reason: 'deployed', runUrl, actor: 'github-actions[bot]', kind: 'deploy' });
    expect(await champion()).toBe(v1);
    sim().scenario.finishWorkflowRun({ repo: REPO, runId: run.id });
    await sim().webhooks.idle();
    expect(await champion()).toBe(v2);
  });

  it('a failed answer records nothing; the redelivery after the approval was withdrawn answers and records rejected only', async () => {
    const { number, v1, run } = await candidate();
    sim().faults.add({ operationId: 'actions/review-custom-gates-for-run', callers: ['installation'], rate: 1, fault: { kind: 'status', status: 502 } });
    sim().scenario.requestDeployment({ repo: REPO, runId: run.id, environment: 'production' });
    await sim().webhooks.idle();
    expect(answers()).toEqual([]);
    expect((await registry(sim()).history('churn', 'production')).filter((p) => p.kind === 'gate')).toEqual([]);
    sim().faults.reset();
    await sim().scenario.submitReview({ repo: REPO, number, reviewer: 'bob', event: 'REQUEST_CHANGES', body: 'wait' });
    await sim().webhooks.idle();
    for (const d of gateDeliveries()) sim().webhooks.redeliver(d.id);
    await sim().webhooks.idle();
    expect(answers()).toMatchObject([{ state: 'rejected' }]);
    const gates = (await registry(sim()).history('churn', 'production')).filter((p) => p.kind === 'gate');
    expect(gates.map((p) => p.decision)).toEqual(['rejected']);
    expect(await champion()).toBe(v1);
  });

  it('a record that failed after GitHub accepted the answer is written by the redelivery, with the answer given', async () => {
    const { v2, run } = await candidate();
    sim().faults.add({ operationId: 'git/create-tag', callers: ['installation'], rate: 1, fault: { kind: 'status', status: 502 } });
    sim().scenario.requestDeployment({ repo: REPO, runId: run.id, environment: 'production' });
    await sim().webhooks.idle();
    expect(answers()).toMatchObject([{ state: 'approved' }]);
    expect((await registry(sim()).history('churn', 'production')).filter((p) => p.kind === 'gate')).toEqual([]);
    sim().faults.reset();
    for (const d of gateDeliveries()) sim().webhooks.redeliver(d.id);
    await sim().webhooks.idle();
    expect(answers()).toHaveLength(1);
    expect((await registry(sim()).history('churn', 'production')).filter((p) => p.kind === 'gate')).toMatchObject([{ version: v2, decision: 'approved' }]);
  });
});

describe('leases', () => {
  it('a replica that died holding the gate: nobody answers while its lease runs, a redelivery after it expired takes over and answers', async () => {
    const { run } = await candidate({ deps: { now: () => sim().clock.now() } });
    // The replica takes the lease and dies before answering: its answer and its release of the lease never reach GitHub.
    sim().faults.add({ operationId: 'actions/review-custom-gates-for-run', callers: ['installation'], rate: 1, fault: { kind: 'status', status: 502 } });
    sim().faults.add({ operationId: 'git/delete-ref', callers: ['installation'], rate: 1, fault: { kind: 'status', status: 502 } });
    sim().scenario.requestDeployment({ repo: REPO, runId: run.id, environment: 'production' });
    await sim().webhooks.idle();
    sim().faults.reset();
    for (const d of gateDeliveries()) sim().webhooks.redeliver(d.id);
    await sim().webhooks.idle();
    expect(answers()).toEqual([]);
    sim().clock.advance(GATE_LEASE_MS + 1000);
    for (const d of gateDeliveries().slice(0, 1)) sim().webhooks.redeliver(d.id);
    await sim().webhooks.idle();
    expect(answers()).toMatchObject([{ state: 'approved' }]);
    for (const d of gateDeliveries().slice(0, 1)) sim().webhooks.redeliver(d.id);
    await sim().webhooks.idle();
    expect(answers()).toHaveLength(1);
  });
});

describe('promotion records nobody attested', () => {
  it('a hand-made annotated tag churn#production#99 claiming trainyard[bot] does not make a worse version champion', async () => {
    const { v1 } = await candidate();
    const worse = await registerVersion(sim(), { roc_auc: 0.5 }, sim().state.repo(REPO)!.git.refs.get('refs/heads/main')!);
    const alice = new Octokit({ auth: sim().seed.user({ login: 'alice' }).token, baseUrl: sim().url });
    const message = renderPromotionMessage({ model: 'churn', environment: 'production', sequence: 99, version: worse, decision: 'approved', approvers: ['bob'], gate: { passed: true, summary: 'pass' }, reason: 'deployed', runUrl: null, actor: 'trainyard[bot]', at: new Date().toISOString() });
    const commit = sim().state.repo(REPO)!.git.refs.get(`refs/tags/churn@v${worse}`)!;
    const { data: tag } = await alice.git.createTag({ owner: 'acme', repo: 'models', tag: 'churn#production#99', message, object: commit, type: 'commit', tagger: { name: 'trainyard[bot]', email: 'trainyard[bot]@users.noreply.github.com' } });
    await alice.git.createRef({ owner: 'acme', repo: 'models', ref: 'refs/tags/churn#production#99', sha: tag.sha });
    expect(await champion()).toBe(v1);
    const { refused } = await registry(sim()).siftHistory('churn', 'production');
    expect(refused).toEqual([{ tag: 'churn#production#99', reason: 'trainyard\'s App (trainyard) did not attest it' }]);
  });
});
