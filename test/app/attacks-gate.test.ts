/**
 * Attacks on the promotion gate from inside the repository: a writer's hand-made
 * version, a retagged card, an older head of an approved pull request, a reviewer who
 * pushed the final commit. Each is refused: the gate believes only what GitHub attests.
 */
import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { AttackWorld } from '../../app/sandbox/attacks.ts';
import { registerVersion, REPO, useServedApp } from './harness.ts';

const { sim, serve } = useServedApp();

/** The shared builders of the attacks scenario (app/sandbox/attacks.ts), on this test's simulator and App. */
const world = async () => new AttackWorld(sim(), await serve());
let current: AttackWorld;
const registerAs = (octokit: Octokit, auc: number, commit: string, runUrl: string | null = null) => current.register(auc, commit, octokit, runUrl);
const userOctokit = (login: string) => current.user(login);
async function approvedAndMerged(options: { bobPushesFinal?: boolean } = {}) {
  current = await world();
  return current.approvedAndMerged(options);
}
async function deploy(sha: string, pullRequests?: number[]) {
  return (await current.deploy(sha, pullRequests))!;
}

describe('registry records from anyone', () => {
  it('a writer who is not the reviewer publishes churn@v3 for the approved merge commit: not a candidate', async () => {
    const { merge } = await approvedAndMerged();
    const forged = await registerAs(userOctokit('alice'), 0.99, merge);
    expect(forged).toBe(2);
    const answer = await deploy(merge);
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toMatch(/churn@v2 is not a version trainyard made: its release was made by alice, not by trainyard's App/);
  });

  it('the gate takes the App\'s version of the merge commit, not a newer hand-made one beside it', async () => {
    const { merge } = await approvedAndMerged();
    await registerVersion(sim(), { roc_auc: 0.8 }, merge);
    await registerAs(userOctokit('alice'), 0.99, merge);
    const answer = await deploy(merge);
    expect(answer).toMatchObject({ state: 'approved' });
    expect(answer.comment).toMatch(/^Approved churn@v2 /);
  });

  it('a trainyard version tagged on a side branch whose card was edited to claim the merge commit is refused', async () => {
    const { merge } = await approvedAndMerged();
    const side = await sim().scenario.push({ repo: REPO, branch: 'side', files: { 'evil.mjs': 'x' }, author: 'alice' });
    const version = await registerVersion(sim(), { roc_auc: 0.8 }, side);
    const alice = userOctokit('alice');
    const { data: release } = await alice.repos.getReleaseByTag({ owner: 'acme', repo: 'models', tag: `churn@v${version}` });
    await alice.repos.updateRelease({ owner: 'acme', repo: 'models', release_id: release.id, body: release.body!.replaceAll(side, merge) });
    const answer = await deploy(merge);
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toMatch(new RegExp(`churn@v${version} is not a version trainyard made: its tag points at ${side.slice(0, 7)}, not the card's commit ${merge.slice(0, 7)}`));
  });

  it('a version made by github-actions[bot] counts only for a run of the release workflow on the release branch', async () => {
    const { merge } = await approvedAndMerged();
    const actions = new Octokit({ auth: sim().seed.actionsToken({ repo: REPO }), baseUrl: sim().url });
    const runUrl = (id: number) => `https://github.com/${REPO}/actions/runs/${id}`;
    // A workflow pushed on another branch acts as github-actions[bot] too.
    await sim().scenario.push({ repo: REPO, branch: 'side', files: { 'x.txt': 'x' }, author: 'alice' });
    const sideRun = sim().scenario.startWorkflowRun({ repo: REPO, workflow: 'trainyard-release.yml', branch: 'side', headSha: merge });
    await registerAs(actions, 0.99, merge, runUrl(sideRun.id));
    const refused = await deploy(merge);
    expect(refused.comment).toMatch(new RegExp(`churn@v2 is not a version trainyard made: run ${sideRun.id} ran on side, not the release branch main`));
    const releaseRun = sim().scenario.startWorkflowRun({ repo: REPO, workflow: 'trainyard-release.yml', branch: 'main' });
    await registerAs(actions, 0.8, merge, runUrl(releaseRun.id));
    sim().scenario.finishWorkflowRun({ repo: REPO, runId: releaseRun.id });
    const approved = await deploy(merge);
    expect(approved.comment).toMatch(/^Approved churn@v3 /);
  });
});

describe('the approval is bound to the deployed commit', () => {
  it('a version of an older, unreviewed head of the approved pull request is not covered by its approval', async () => {
    const { older, number } = await approvedAndMerged();
    await registerVersion(sim(), { roc_auc: 0.8 }, older);
    const answer = await deploy(older, [number]);
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toMatch(/no pull request was found behind the deployed commit/);
  });

  it('a reviewer who pushed the final commit onto someone else\'s pull request is not an independent approver', async () => {
    const { merge } = await approvedAndMerged({ bobPushesFinal: true });
    await registerVersion(sim(), { roc_auc: 0.8 }, merge);
    const answer = await deploy(merge);
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toMatch(/0 of 1 required approval.*bob authored or committed a commit of the pull request/);
  });
});
