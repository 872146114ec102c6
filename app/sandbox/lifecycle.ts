/**
 * The lifecycle scenario: a model's whole life on a simulated GitHub, with the real App
 * answering webhooks over HTTP. Each step is what a person, a workflow or GitHub does;
 * after each, the sandbox waits until the App has answered every delivery (redelivering
 * the ones that failed, as an operator would) and checks what the App should have done.
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { startSimulator, type Simulator } from '../../test/sim/index.ts';
import { RELEASE_WORKFLOW } from '../../src/app/champion.ts';
import { GitHubReleasesRegistry } from '../../src/registry/github/github-registry.ts';
import { Octokit } from '@octokit/rest';

/** An Octokit that retries server errors a few times, as the App's own client does. */
function retryingOctokit(auth: string, baseUrl: string): Octokit {
  const octokit = new Octokit({ auth, baseUrl });
  octokit.hook.wrap('request', async (request, options) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request(options);
      } catch (error) {
        const status = (error as { status?: number }).status ?? 0;
        if (status < 500 || attempt >= 5) throw error;
      }
    }
  });
  return octokit;
}
import { BOT, changedKinds, createdObjects, duplicatesIn, fingerprint } from './ledger.ts';
import { juneDrift, MODEL, prepareExample, train, type Example } from './example.ts';
import { serveApp, type ServedApp } from './serve.ts';

export interface LifecycleOptions {
  /** Share of the App's API requests that fail with a 502 (retried by Octokit). */
  faults: number;
  /** Seed of the fault sequence. */
  seed: number;
}

export interface LifecycleReport {
  /** The App's sticky comment on the pull request, as it reads at the end. */
  comment: { id: number; updates: number; url: string; body: string };
  /** The App's check run on the final head, with the output GitHub shows. */
  check: { name: string; conclusion: string | null; title: string | null; summary: string | null; text: string | null };
  gate: { state: string; comment: string | null };
  release: { tag: string };
  promotion: { tag: string };
  retrainingPr: { number: number; branch: string };
  duplicates: number;
  apiCalls: number;
  faultsInjected: number;
}

/** A step of the lifecycle did not end as it should; the message says which and why. */
export class LifecycleError extends Error {
  override readonly name = 'LifecycleError';
}

const OWNER = 'acme';
const REPO = `${OWNER}/flights`;
const SECRET = 'sandbox-webhook-secret';
const WORKFLOW = (name: string, on: string) => `name: ${name}\non: ${on}\njobs: {}\n`;

function expect(condition: unknown, step: string, problem: string): asserts condition {
  if (!condition) throw new LifecycleError(`${step}: ${problem}`);
}

class World {
  redeliveries = 0;
  private readonly retried = new Set<number>();

  constructor(readonly sim: Simulator, readonly app: ServedApp, readonly example: Example) {}

  get repo() {
    return this.sim.state.repo(REPO)!;
  }

  registry(): GitHubReleasesRegistry {
    // The release pipeline's GITHUB_TOKEN: what it writes, github-actions[bot] wrote.
    return new GitHubReleasesRegistry({ octokit: new Octokit({ auth: this.sim.seed.actionsToken({ repo: REPO }), baseUrl: this.sim.url }), owner: OWNER, repo: 'flights' });
  }

  /** The registry as the App reads and writes it: through its installation, believing only what GitHub attests. */
  appRegistry(): GitHubReleasesRegistry {
    const installation = [...this.sim.state.installations.values()].find((i) => i.appId === this.app.appId)!;
    // Retried like the App's own client: the sandbox's faults are aimed at the App's installation.
    const octokit = retryingOctokit(this.sim.seed.installationToken({ installationId: installation.id }), this.sim.url);
    return new GitHubReleasesRegistry({ octokit, owner: OWNER, repo: 'flights', trust: { appBot: BOT, releaseWorkflow: RELEASE_WORKFLOW, releaseBranch: null }, attestRecords: true });
  }

  /** Waits for every delivery; redelivers failed ones (up to five rounds), as GitHub's "Redeliver" does. */
  async settle(): Promise<void> {
    await this.sim.webhooks.idle();
    for (let round = 0; round < 5; round++) {
      const failed = this.sim.webhooks.deliveries.filter((d) => !this.retried.has(d.id) && (d.statusCode === null || d.statusCode >= 400));
      if (failed.length === 0) return;
      for (const delivery of failed) {
        this.retried.add(delivery.id);
        this.sim.webhooks.redeliver(delivery.id);
        this.redeliveries++;
      }
      await this.sim.webhooks.idle();
    }
  }

  stickyComment(): { id: number; body: string } | undefined {
    return this.repo.comments.find((c) => c.user.login === BOT && c.body.startsWith(`<!-- trainyard:${MODEL} -->`));
  }
}

async function openWorld(options: LifecycleOptions): Promise<World> {
  const example = await prepareExample();
  const sim = await startSimulator({ faultSeed: options.seed });
  const app = await serveApp(sim, SECRET, OWNER);
  sim.seed.repo({
    fullName: REPO,
    files: {
      '.github/trainyard.yml': example.configText,
      // The evaluation rows the App reads from the default branch (evaluation.split of data.train).
      'data/train.csv': readText(example.dir, 'data/train.csv'),
      '.github/workflows/trainyard-pr.yml': WORKFLOW('trainyard pr', 'pull_request'),
      '.github/workflows/trainyard-release.yml': WORKFLOW('trainyard release', 'push'),
      '.github/workflows/trainyard-drift.yml': WORKFLOW('trainyard drift', 'schedule'),
      '.github/workflows/trainyard-retrain.yml': 'name: trainyard retrain\non:\n  workflow_dispatch:\n    inputs:\n      model: { type: string }\n      reason: { type: string }\n      data-snapshot: { type: string }\njobs: {}\n',
    },
    collaborators: { alice: 'write', bob: 'write' },
  });
  sim.seed.environment({ repo: REPO, name: 'production', protectionApps: [app.appId] });
  if (options.faults > 0) sim.faults.add({ callers: ['app', 'installation'], rate: options.faults, fault: { kind: 'status', status: 502 } });
  return new World(sim, app, example);
}

const pipelineArtifact = (outputDir: string) => [{ name: `trainyard-${MODEL}`, files: ['metrics.json', 'predictions.csv'].map((file) => ({ path: file, content: readText(outputDir, file) })) }];

function readText(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}

export async function runLifecycle(options: LifecycleOptions): Promise<LifecycleReport> {
  const world = await openWorld(options);
  const { sim } = world;
  try {
    return await live(world);
  } finally {
    await sim.webhooks.idle();
    await world.app.close();
    await sim.close();
    await rm(world.example.dir, { recursive: true, force: true });
  }
}

async function live(world: World): Promise<LifecycleReport> {
  const { sim } = world;
  const registry = world.registry();
  const bodies: string[] = [];
  const watchComment = () => {
    const body = world.stickyComment()?.body;
    if (body !== undefined && body !== bodies.at(-1)) bodies.push(body);
  };

  // Before the story: the team's current model (1 epoch) is the production champion.
  const base = world.repo.git.refs.get('refs/heads/main')!;
  const championRun = await train(world.example, 1, 'champion');
  const firstRelease = sim.scenario.startWorkflowRun({ repo: REPO, workflow: 'trainyard-release.yml', branch: 'main' });
  const firstRunUrl = `https://github.com/${REPO}/actions/runs/${firstRelease.id}`;
  const champion = await registry.register({ model: MODEL, content: championRun.content, text: { task: 'binary', description: null, intendedUse: null, limitations: null }, commit: base, runUrl: firstRunUrl });
  await world.appRegistry().promote({ model: MODEL, version: champion.version, environment: 'production', decision: 'approved', approvers: ['bob'], gate: { passed: true, summary: 'first model' }, reason: 'first model', runUrl: firstRunUrl, actor: OWNER });
  sim.scenario.finishWorkflowRun({ repo: REPO, runId: firstRelease.id });
  await world.settle();

  // alice's pull request trains for 8 epochs; the pipeline uploads its metrics and predictions.
  await sim.scenario.push({ repo: REPO, branch: 'more-epochs', files: { 'params.json': '{"epochs": 8}\n' }, author: 'alice' });
  const number = await sim.scenario.openPullRequest({ repo: REPO, head: 'more-epochs', title: 'Train for 8 epochs', author: 'alice' });
  const candidateRun = await train(world.example, 8, 'candidate');
  sim.scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'more-epochs', event: 'pull_request', artifacts: pipelineArtifact(candidateRun.outputDir) });
  await world.settle();
  watchComment();
  expect(world.stickyComment(), 'comment', 'the App left no comparison comment on the pull request');
  // A fix-up push marks the comparison stale; the pipeline runs again on the new head.
  const head = await sim.scenario.push({ repo: REPO, branch: 'more-epochs', files: { 'params.json': '{"epochs": 8, "note": "same"}\n' }, author: 'alice' });
  await world.settle();
  watchComment();
  sim.scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'more-epochs', event: 'pull_request', artifacts: pipelineArtifact(candidateRun.outputDir) });
  await world.settle();
  watchComment();
  const checkName = `trainyard / ${MODEL}`;
  const check = world.repo.checkRuns.find((c) => c.name === checkName && c.headSha === head);
  expect(check?.conclusion === 'success', 'check', `${checkName} on ${head.slice(0, 7)} is ${check?.conclusion ?? 'missing'}, expected success`);

  // bob reviews the final head and merges; the release pipeline registers the candidate.
  await sim.scenario.submitReview({ repo: REPO, number, reviewer: 'bob', event: 'APPROVE' });
  const merge = await sim.scenario.merge({ repo: REPO, number, by: 'bob' });
  await world.settle();
  const releaseRun = sim.scenario.startWorkflowRun({ repo: REPO, workflow: 'trainyard-release.yml', branch: 'main' });
  const candidate = await registry.register({ model: MODEL, content: candidateRun.content, text: { task: 'binary', description: null, intendedUse: null, limitations: null }, commit: merge, runUrl: `https://github.com/${REPO}/actions/runs/${releaseRun.id}` });
  await world.settle();
  expect(world.repo.comments.some((c) => c.issueNumber === number && c.user.login === BOT && c.body.startsWith(`registered as ${candidate.tag}`)), 'release', `no "registered as ${candidate.tag}" note on #${number}`);

  // The deploy job reaches production: the App's protection rule decides.
  sim.scenario.requestDeployment({ repo: REPO, runId: releaseRun.id, environment: 'production' });
  await world.settle();
  const gate = world.repo.protectionReviews.find((r) => r.environment === 'production');
  expect(gate?.state === 'approved', 'gate', `the protection rule was ${gate ? `${gate.state}: ${gate.comment ?? ''}` : 'not answered'}`);
  // The deploy job ran the deploy command and records the promotion; the release run succeeds and the App attests the record.
  const releaseUrl = `https://github.com/${REPO}/actions/runs/${releaseRun.id}`;
  await registry.promote({ model: MODEL, version: candidate.version, environment: 'production', decision: 'approved', approvers: [], gate: { passed: true, summary: 'deployed' }, reason: 'deployed', runUrl: releaseUrl, actor: 'github-actions[bot]', kind: 'deploy' });
  sim.scenario.finishWorkflowRun({ repo: REPO, runId: releaseRun.id });
  await world.settle();
  const trusted = world.appRegistry();
  const promotion = (await trusted.history(MODEL, 'production')).at(-1);
  expect(promotion && promotion.version === candidate.version && promotion.decision === 'approved' && promotion.kind === 'deploy', 'promotion', `the last production record is ${JSON.stringify(promotion)}`);
  const newChampion = await trusted.version(MODEL, { environment: 'production' });
  expect(newChampion.version === candidate.version, 'promotion', `the production champion is ${newChampion.tag}, expected ${candidate.tag}`);

  // June's data drifts; the scheduled drift workflow uploads drift.json.
  const drift = await juneDrift(world.example);
  expect(drift.drifted, 'drift', 'the June data did not drift');
  sim.scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-drift.yml', branch: 'main', event: 'schedule', artifacts: [{ name: `trainyard-drift-${MODEL}`, files: [{ path: 'drift.json', content: drift.text }] }] });
  await world.settle();
  const branch = `trainyard/retrain/${MODEL}`;
  const retrain = world.repo.pulls.filter((p) => p.head.ref === branch && p.state === 'open');
  expect(retrain.length === 1, 'retraining', `${retrain.length} open pull requests on ${branch}`);
  expect(world.repo.runs.some((r) => r.event === 'workflow_dispatch' && r.headBranch === branch), 'retraining', `no dispatch of the retraining workflow on ${branch}`);

  // Every event again: nothing may change.
  const before = fingerprint(sim, REPO);
  for (const delivery of [...sim.webhooks.deliveries]) sim.webhooks.redeliver(delivery.id);
  await world.settle();
  const changed = changedKinds(before, fingerprint(sim, REPO));
  expect(changed.length === 0, 'redelivery', `redelivering every event changed the App's ${changed.join(', ')}`);
  const violations = sim.takeViolations();
  expect(violations.length === 0, 'simulator', `${violations.length} requests or answers GitHub would not accept, first: ${violations[0]?.at ?? ''} ${violations[0]?.problems.join('; ') ?? ''}`);

  const requests = sim.requests();
  const comment = world.stickyComment()!;
  return {
    comment: { id: comment.id, updates: bodies.length - 1, url: `https://github.com/${REPO}/pull/${number}#issuecomment-${comment.id}`, body: comment.body },
    check: { name: checkName, conclusion: check!.conclusion, title: check!.output.title, summary: check!.output.summary, text: check!.output.text },
    gate: { state: gate!.state, comment: gate!.comment ?? null },
    release: { tag: candidate.tag },
    promotion: { tag: `${MODEL}#production#${promotion!.sequence}` },
    retrainingPr: { number: retrain[0]!.number, branch },
    duplicates: duplicatesIn(createdObjects(sim, REPO)),
    apiCalls: requests.byCaller.app + requests.byCaller.installation,
    faultsInjected: sim.faults.injected(),
  };
}
