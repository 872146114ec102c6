/**
 * `trainyard sandbox --scenario attacks`: the security review's attacks on the promotion
 * gate, replayed against the simulator with the real App served. Each case starts a fresh
 * simulator, plays the attack as a writer (or a broken replica) would, and reports whether
 * trainyard refused it, with GitHub's own record of the answer as evidence.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Octokit } from '@octokit/rest';
import { startSimulator, type Simulator } from '../../sim/index.ts';
import { GATE_LEASE_MS } from '../../src/app/promotion.ts';
import { PROMOTION_CHECK, requirePromotionCheck } from '../../src/deploy/promotion-check.ts';
import { collectVersionContent } from '../../src/registry/content.ts';
import { GitHubReleasesRegistry } from '../../src/registry/github/github-registry.ts';
import { renderPromotionMessage } from '../../src/registry/promotion-record.ts';
import { serveApp } from './serve.ts';

export const ATTACK_REPO = 'acme/models';
const SECRET = 'sandbox-attacks-secret';

const CONFIG = `version: 1
models:
  churn:
    task: binary
    data: { train: data/train.csv }
    training: { command: node train.mjs }
    metrics:
      policy:
        roc_auc: { greater_is_better: true, threshold: 0.6, min_absolute_change: 0.002 }
    promotion: { environment: production, required_approvals: 1 }
`;

const placeholder = (name: string, on: string) => `name: ${name}\non: ${on}\njobs: {}\n`;

export interface AttackCase {
  name: string;
  refused: boolean;
  evidence: string;
}

export interface AttacksReport {
  cases: AttackCase[];
}

/** A simulated repository with trainyard's App installed, and the moves an attacker or a reviewer makes in it. */
export class AttackWorld {
  /** `app.idle`, where the App is served by the sandbox, waits for handlers that outlive their delivery. */
  constructor(readonly sim: Simulator, readonly app: { appId: number; idle?: () => Promise<void> }) {}

  /** Every delivery delivered and every handler of the App finished. */
  async settle(): Promise<void> {
    await this.sim.webhooks.idle();
    await this.app.idle?.();
    await this.sim.webhooks.idle();
  }

  get repo() {
    return this.sim.state.repo(ATTACK_REPO)!;
  }

  /** The repository, its workflows, three writers, and production protected by the App. */
  seed(): void {
    this.sim.seed.repo({
      fullName: ATTACK_REPO,
      private: false,
      files: {
        '.github/trainyard.yml': CONFIG,
        '.github/workflows/trainyard-pr.yml': placeholder('trainyard pr', 'pull_request'),
        '.github/workflows/trainyard-release.yml': placeholder('trainyard release', 'push'),
        '.github/workflows/trainyard-drift.yml': placeholder('trainyard drift', 'schedule'),
      },
      collaborators: { alice: 'write', bob: 'write', carol: 'write' },
    });
    this.sim.seed.environment({ repo: ATTACK_REPO, name: 'production', protectionApps: [this.app.appId] });
  }

  user(login: string): Octokit {
    return new Octokit({ auth: this.sim.seed.user({ login }).token, baseUrl: this.sim.url });
  }

  /** The App's own installation client: how trainyard's trusted path writes the registry. */
  appOctokit(): Octokit {
    const installation = [...this.sim.state.installations.values()].find((i) => i.appId === this.app.appId)!;
    return new Octokit({ auth: this.sim.seed.installationToken({ installationId: installation.id }), baseUrl: this.sim.url });
  }

  /** The registry as the App reads it: only what GitHub attests. */
  registry(octokit: Octokit = this.appOctokit()): GitHubReleasesRegistry {
    return new GitHubReleasesRegistry({
      octokit,
      owner: 'acme',
      repo: 'models',
      trust: { appBot: 'trainyard[bot]', releaseWorkflow: '.github/workflows/trainyard-release.yml', releaseBranch: null },
      attestRecords: true,
    });
  }

  /** Registers a version of churn with this roc_auc, trained from `commit`, through `octokit` (the App's by default). */
  async register(auc: number, commit: string, octokit?: Octokit, runUrl: string | null = null): Promise<number> {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-attack-'));
    try {
      await mkdir(path.join(dir, 'model'), { recursive: true });
      await writeFile(path.join(dir, 'model', 'weights.bin'), Buffer.from(`weights ${auc}`));
      await writeFile(path.join(dir, 'metrics.json'), JSON.stringify({ roc_auc: auc }));
      await writeFile(path.join(dir, 'predictions.csv'), `id,label,score\n1,1,${auc}\n2,0,0.2\n`);
      await writeFile(path.join(dir, 'lineage.json'), JSON.stringify({
        schemaVersion: 1, model: 'churn', commit, dirty: false, configSha256: 'c'.repeat(64), data: [], params: {}, seed: 1,
        command: 'node train.mjs', start: '2026-01-01T00:00:00.000Z', end: '2026-01-01T00:01:00.000Z', durationSeconds: 60,
        exitStatus: 0, signal: null, timedOut: false, runner: { name: 'sandbox', os: 'linux', arch: 'x64', labels: [] }, versions: { node: process.version, python: null, trainyard: '0.1.0' },
      }));
      const content = await collectVersionContent({ outputDir: dir, metricsFile: 'metrics.json', predictionsFile: 'predictions.csv' });
      const registry = octokit ? new GitHubReleasesRegistry({ octokit, owner: 'acme', repo: 'models' }) : this.registry();
      const made = await registry.register({ model: 'churn', content, text: { task: 'binary', description: null, intendedUse: null, limitations: null }, commit, runUrl });
      return made.version;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** A pull-request pipeline run's artifact with these metrics. */
  private artifact(auc: number) {
    return [{ name: 'trainyard-churn', files: [{ path: 'metrics.json', content: JSON.stringify({ roc_auc: auc }) }, { path: 'predictions.csv', content: 'id,label,score\n1,1,0.9\n' }] }];
  }

  /**
   * Champion v1 (0.7); alice's pull request (an older head, then the final head) approved by
   * bob after its pipeline passed, then merged by bob.
   */
  async approvedAndMerged(options: { bobPushesFinal?: boolean } = {}) {
    this.seed();
    const base = this.repo.git.refs.get('refs/heads/main')!;
    const v1 = await this.register(0.7, base);
    await this.registry().promote({ model: 'churn', version: v1, environment: 'production', decision: 'approved', approvers: ['bob'], gate: { passed: true, summary: 'first' }, reason: 'seed', runUrl: null, actor: 'acme' });
    const older = await this.sim.scenario.push({ repo: ATTACK_REPO, branch: 'feature', files: { 'train.mjs': 'x' }, author: 'alice' });
    const number = await this.sim.scenario.openPullRequest({ repo: ATTACK_REPO, head: 'feature', title: 'Better model', author: 'alice' });
    const head = await this.sim.scenario.push({ repo: ATTACK_REPO, branch: 'feature', files: { 'train.mjs': 'y' }, author: options.bobPushesFinal ? 'bob' : 'alice' });
    await this.sim.scenario.submitReview({ repo: ATTACK_REPO, number, reviewer: 'bob', event: 'APPROVE' });
    this.sim.scenario.completeWorkflowRun({ repo: ATTACK_REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', artifacts: this.artifact(0.8) });
    await this.settle();
    const merge = await this.sim.scenario.merge({ repo: ATTACK_REPO, number, by: 'bob' });
    return { v1, older, head, merge, number };
  }

  /** The release run of `sha` asks to deploy to production; the App's answer as GitHub recorded it. */
  async deploy(sha: string, pullRequests?: number[]) {
    const run = this.sim.scenario.completeWorkflowRun({ repo: ATTACK_REPO, workflow: 'trainyard-release.yml', branch: 'main', headSha: sha });
    this.sim.scenario.requestDeployment({ repo: ATTACK_REPO, runId: run.id, environment: 'production', ...(pullRequests ? { pullRequests } : {}) });
    await this.settle();
    return this.repo.protectionReviews.at(-1);
  }

  /** The approved, merged pull request with its version v2 (0.8) registered by the App and a release run in progress. */
  async candidate() {
    const merged = await this.approvedAndMerged();
    const v2 = await this.register(0.8, merged.merge);
    const run = this.sim.scenario.startWorkflowRun({ repo: ATTACK_REPO, workflow: 'trainyard-release.yml', branch: 'main' });
    return { ...merged, v2, run };
  }

  async champion(): Promise<number> {
    return (await this.registry().version('churn', { environment: 'production' })).version;
  }

  answers() {
    return this.repo.protectionReviews;
  }

  redeliverGate(count?: number): void {
    const gates = this.sim.webhooks.deliveries.filter((d) => d.event === 'deployment_protection_rule');
    for (const d of count === undefined ? gates : gates.slice(0, count)) this.sim.webhooks.redeliver(d.id);
  }
}

type Outcome = { refused: boolean; evidence: string };
type Answer = { state?: string; comment?: string | null } | undefined;
const answerText = (answer: Answer) => (answer ? `${answer.state ?? 'pending'}: ${answer.comment ?? ''}` : 'no answer');
const rejected = (answer: Answer): Outcome => ({ refused: answer?.state === 'rejected', evidence: answerText(answer) });

/** Each case as the security review played it; `play` returns whether trainyard refused it and GitHub's record. */
export const ATTACKS: Array<{ name: string; play(world: AttackWorld): Promise<Outcome> }> = [
  {
    name: 'a writer who is not the reviewer publishes churn@v2 for the approved merge commit',
    async play(world) {
      const { merge } = await world.approvedAndMerged();
      await world.register(0.99, merge, world.user('alice'));
      return rejected(await world.deploy(merge));
    },
  },
  {
    name: 'a hand-made version beside the App\'s version of the merge commit',
    async play(world) {
      const { merge } = await world.approvedAndMerged();
      const own = await world.register(0.8, merge);
      const forged = await world.register(0.99, merge, world.user('alice'));
      const answer = await world.deploy(merge);
      return { refused: answer?.state === 'approved' && answer.comment?.startsWith(`Approved churn@v${own} `) === true && !answer.comment.includes(`churn@v${forged} `), evidence: answerText(answer) };
    },
  },
  {
    name: 'a trainyard version tagged on a side branch whose card was edited to claim the merge commit',
    async play(world) {
      const { merge } = await world.approvedAndMerged();
      const side = await world.sim.scenario.push({ repo: ATTACK_REPO, branch: 'side', files: { 'evil.mjs': 'x' }, author: 'alice' });
      const version = await world.register(0.8, side);
      const alice = world.user('alice');
      const { data: release } = await alice.repos.getReleaseByTag({ owner: 'acme', repo: 'models', tag: `churn@v${version}` });
      await alice.repos.updateRelease({ owner: 'acme', repo: 'models', release_id: release.id, body: release.body!.replaceAll(side, merge) });
      return rejected(await world.deploy(merge));
    },
  },
  {
    name: 'a version made by github-actions[bot] from a release workflow run on a side branch',
    async play(world) {
      const { merge } = await world.approvedAndMerged();
      const actions = new Octokit({ auth: world.sim.seed.actionsToken({ repo: ATTACK_REPO }), baseUrl: world.sim.url });
      await world.sim.scenario.push({ repo: ATTACK_REPO, branch: 'side', files: { 'x.txt': 'x' }, author: 'alice' });
      const sideRun = world.sim.scenario.startWorkflowRun({ repo: ATTACK_REPO, workflow: 'trainyard-release.yml', branch: 'side', headSha: merge });
      await world.register(0.99, merge, actions, `https://github.com/${ATTACK_REPO}/actions/runs/${sideRun.id}`);
      return rejected(await world.deploy(merge));
    },
  },
  {
    name: 'a version of an older, unreviewed head of the approved pull request',
    async play(world) {
      const { older, number } = await world.approvedAndMerged();
      await world.register(0.8, older);
      return rejected(await world.deploy(older, [number]));
    },
  },
  {
    name: 'a reviewer who pushed the final commit onto someone else\'s pull request approves it',
    async play(world) {
      const { merge } = await world.approvedAndMerged({ bobPushesFinal: true });
      await world.register(0.8, merge);
      return rejected(await world.deploy(merge));
    },
  },
  {
    name: 'a workflow posts its own successful "trainyard / promotion" check, started later, beside the App\'s failed one',
    async play(world) {
      const { merge } = await world.approvedAndMerged();
      await world.appOctokit().checks.create({ owner: 'acme', repo: 'models', name: PROMOTION_CHECK, head_sha: merge, status: 'completed', conclusion: 'failure', output: { title: 'Rejected', summary: 'policy fail' } });
      const actions = new Octokit({ auth: world.sim.seed.actionsToken({ repo: ATTACK_REPO }), baseUrl: world.sim.url });
      await actions.checks.create({ owner: 'acme', repo: 'models', name: PROMOTION_CHECK, head_sha: merge, status: 'completed', conclusion: 'success', started_at: new Date(Date.now() + 3_600_000).toISOString(), output: { title: 'Approved', summary: 'forged' } });
      try {
        await requirePromotionCheck({ octokit: actions, owner: 'acme', repo: 'models', location: `github:${ATTACK_REPO}` }, merge, world.app.appId);
        return { refused: false, evidence: 'deploy --require-check accepted the forged check' };
      } catch (error) {
        return { refused: true, evidence: `deploy --require-check: ${(error as Error).message}` };
      }
    },
  },
  {
    name: 'the champion changes at gate time, before anything was deployed',
    async play(world) {
      const { v1, run } = await world.candidate();
      world.sim.scenario.requestDeployment({ repo: ATTACK_REPO, runId: run.id, environment: 'production' });
      await world.settle();
      const champion = await world.champion();
      return { refused: champion === v1, evidence: `gate ${answerText(world.answers().at(-1))}; champion churn@v${champion} while the release run is in progress` };
    },
  },
  {
    name: 'a failed answer, then a redelivery after the approval was withdrawn, records approved then rejected',
    async play(world) {
      const { number, v1, run } = await world.candidate();
      world.sim.faults.add({ operationId: 'actions/review-custom-gates-for-run', callers: ['installation'], rate: 1, fault: { kind: 'status', status: 502 } });
      world.sim.scenario.requestDeployment({ repo: ATTACK_REPO, runId: run.id, environment: 'production' });
      await world.settle();
      world.sim.faults.reset();
      await world.sim.scenario.submitReview({ repo: ATTACK_REPO, number, reviewer: 'bob', event: 'REQUEST_CHANGES', body: 'wait' });
      await world.settle();
      world.redeliverGate();
      await world.settle();
      const gates = (await world.registry().history('churn', 'production')).filter((p) => p.kind === 'gate').map((p) => p.decision);
      const champion = await world.champion();
      return {
        refused: gates.join(',') === 'rejected' && champion === v1 && world.answers().every((a) => a.state === 'rejected'),
        evidence: `answers ${world.answers().map((a) => a.state).join(', ') || 'none'}; gate records ${gates.join(', ') || 'none'}; champion churn@v${champion}`,
      };
    },
  },
  {
    name: 'a replica died holding the gate\'s claim; the redelivery after it expired',
    async play(world) {
      const { run } = await world.candidate();
      world.sim.faults.add({ operationId: 'actions/review-custom-gates-for-run', callers: ['installation'], rate: 1, fault: { kind: 'status', status: 502 } });
      world.sim.faults.add({ operationId: 'git/delete-ref', callers: ['installation'], rate: 1, fault: { kind: 'status', status: 502 } });
      world.sim.scenario.requestDeployment({ repo: ATTACK_REPO, runId: run.id, environment: 'production' });
      await world.settle();
      world.sim.faults.reset();
      world.sim.clock.advance(GATE_LEASE_MS + 1000);
      world.redeliverGate(1);
      await world.settle();
      const answers = world.answers();
      return { refused: answers.length === 1 && answers[0]!.state === 'approved', evidence: `after the ${GATE_LEASE_MS / 60000}-minute lease expired: ${answers.map(answerText).join('; ') || 'no answer'}` };
    },
  },
  {
    name: 'a hand-made annotated tag churn#production#99 claiming trainyard[bot] promotes a worse version',
    async play(world) {
      const { v1 } = await world.candidate();
      const worse = await world.register(0.5, world.repo.git.refs.get('refs/heads/main')!);
      const alice = world.user('alice');
      const message = renderPromotionMessage({ model: 'churn', environment: 'production', sequence: 99, version: worse, decision: 'approved', approvers: ['bob'], gate: { passed: true, summary: 'pass' }, reason: 'deployed', runUrl: null, actor: 'trainyard[bot]', at: new Date().toISOString() });
      const commit = world.repo.git.refs.get(`refs/tags/churn@v${worse}`)!;
      const { data: tag } = await alice.git.createTag({ owner: 'acme', repo: 'models', tag: 'churn#production#99', message, object: commit, type: 'commit', tagger: { name: 'trainyard[bot]', email: 'trainyard[bot]@users.noreply.github.com' } });
      await alice.git.createRef({ owner: 'acme', repo: 'models', ref: 'refs/tags/churn#production#99', sha: tag.sha });
      const champion = await world.champion();
      const { refused } = await world.registry().siftHistory('churn', 'production');
      return { refused: champion === v1, evidence: `champion churn@v${champion}; ${refused.map((r) => `${r.tag}: ${r.reason}`).join('; ') || 'nothing refused'}` };
    },
  },
];

/** Plays every case on its own simulator; `only` picks cases by name (tests). */
export async function runAttacks(options: { only?: string[] } = {}): Promise<AttacksReport> {
  const cases: AttackCase[] = [];
  const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  for (const attack of ATTACKS) {
    if (options.only && !options.only.includes(attack.name)) continue;
    const sim = await startSimulator();
    const app = await serveApp(sim, SECRET, 'acme', { privateKey, deps: { now: () => sim.clock.now() } });
    try {
      const outcome = await attack.play(new AttackWorld(sim, app));
      cases.push({ name: attack.name, ...outcome });
    } finally {
      await sim.webhooks.idle();
      await app.close();
      await sim.close();
    }
  }
  return { cases };
}
