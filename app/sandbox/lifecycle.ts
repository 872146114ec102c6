/**
 * The lifecycle scenario: a model's whole life on a simulated GitHub, with the real App
 * answering webhooks over HTTP. Each step is what a person, a workflow or GitHub does;
 * after each, the sandbox waits until the App has answered every delivery (redelivering
 * the ones that failed, as an operator would) and checks what the App should have done.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator, type Simulator } from '../../sim/index.ts';
import { WorkflowExecutor, type WorkflowRunResult } from '../../sim/executor/executor.ts';
import { main as trainyardCli } from '../../src/cli/main.ts';
import { EXIT, TrainyardError } from '../../src/errors.ts';
import { RELEASE_WORKFLOW } from '../../src/app/champion.ts';
import { GitHubReleasesRegistry } from '../../src/registry/github/github-registry.ts';
import { MONITOR_SCHEDULE } from '../../src/init/render-callers.ts';
import { alertMarker, healthBody, healthMarker, healthTitle, HEALTH_LABELS } from '../../src/monitor/github/health.ts';
import { HISTORY_BRANCH, historyFile, parseHistory, readHistoryFile } from '../../src/monitor/github/history.ts';
import { readLock } from '../../src/retrain/plan.ts';
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
import { MODEL, MONITORED_AT, NOTIFY, prepareExample, train, type Example } from './example.ts';
import { serveApp, type ServedApp } from './serve.ts';
import { runDoctorCommand, secureRepository } from './doctor.ts';
import type { DoctorReport } from '../../src/doctor/doctor.ts';

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
  /** The App's comparison of the dispatched retraining run on the retraining pull request. */
  retrainingComparison: { runId: number; conclusion: string; check: string | null; title: string | null; comment: string };
  /**
   * The scheduled monitoring run on the production log of MONITORED_AT: the model health
   * issue it keeps current, its one comment on the new alerts, and the retraining pull
   * request now carrying its evidence, with the App's comparison of the retraining run
   * it dispatched.
   */
  monitoring: {
    runId: number;
    conclusion: string;
    healthIssue: { number: number; title: string; state: string; url: string; latestChunk: string; alerts: number };
    alertComments: Array<{ id: number; url: string; mentions: string[] }>;
    retrainingPullRequest: { number: number; title: string; url: string; evidence: { kind: string; metric: string; chunks: number; since: string } };
    retrainingComparison: LifecycleReport['retrainingComparison'];
  };
  /**
   * `trainyard doctor --json` on the repository before the story, secured as the docs
   * ask (every promise backed): the doctor's own report.
   */
  doctor: DoctorReport;
  /** The workflow runs the executor ran from the files `trainyard init` wrote, in order. */
  workflowRuns: Array<{ workflow: string; event: string; conclusion: string; jobs: Array<{ name: string; conclusion: string }> }>;
  duplicates: number;
  apiCalls: number;
  faultsInjected: number;
}

/** A step of the lifecycle did not end as it should; the message says which and why. */
export class LifecycleError extends TrainyardError {
  override readonly name = 'LifecycleError';
  constructor(message: string) {
    super(message, { exitCode: EXIT.gate });
  }
}

export const OWNER = 'acme';
export const REPO = `${OWNER}/flights`;
const SECRET = 'sandbox-webhook-secret';
/** The trainyard checkout: `trainyard/trainyard@v1` in the workflows resolves to it (its dist/ bundle). */
export const CHECKOUT = fileURLToPath(new URL('../../', import.meta.url));
export const FAKE_NVIDIA_SMI = path.join(CHECKOUT, 'test/fixtures/nvidia-smi/bin');

function expect(condition: unknown, step: string, problem: string): asserts condition {
  if (!condition) throw new LifecycleError(`${step}: ${problem}`);
}

class World {
  redeliveries = 0;
  private readonly retried = new Set<number>();

  readonly runs: WorkflowRunResult[] = [];

  constructor(readonly sim: Simulator, readonly app: ServedApp, readonly example: Example, readonly executor: WorkflowExecutor) {}

  /** Runs one of the repository's workflows through the executor; a failed run stops the lifecycle, naming its failed steps. */
  async workflow(step: string, request: Parameters<WorkflowExecutor['run']>[0], expected: 'success' | 'failure' = 'success'): Promise<WorkflowRunResult> {
    return this.record(step, await this.executor.run(request), expected);
  }

  /** Runs the workflow runs a dispatch through the API queued (the App's dispatch of the retraining workflow). */
  async dispatched(step: string, expected: 'success' | 'failure' = 'success'): Promise<WorkflowRunResult[]> {
    const runs = await this.executor.runDispatched(REPO);
    for (const run of runs) this.record(step, run, expected);
    return runs;
  }

  private record(step: string, run: WorkflowRunResult, expected: 'success' | 'failure'): WorkflowRunResult {
    this.runs.push(run);
    const failed = run.jobs.flatMap((job) => job.steps.filter((s) => s.outcome === 'failure').map((s) => `${job.name} / ${s.name}: ${s.log.trim().split('\n').slice(-5).join(' | ')}`));
    expect(run.conclusion === expected, step, `${run.workflow} (${run.event}) ended ${run.conclusion}, expected ${expected}${failed.length ? `; failed: ${failed.join('; ')}` : ''}`);
    return run;
  }

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
    await this.quiet();
    for (let round = 0; round < 5; round++) {
      const failed = this.sim.webhooks.deliveries.filter((d) => !this.retried.has(d.id) && (d.statusCode === null || d.statusCode >= 400));
      if (failed.length === 0) return;
      for (const delivery of failed) {
        this.retried.add(delivery.id);
        this.sim.webhooks.redeliver(delivery.id);
        this.redeliveries++;
      }
      await this.quiet();
    }
  }

  /** Until every delivery is answered and every handler of the App has returned (what a handler writes may send more deliveries). */
  private async quiet(): Promise<void> {
    for (let settled = 0; settled < 2; ) {
      const before = this.sim.webhooks.deliveries.length;
      await this.sim.webhooks.idle();
      await this.app.idle();
      settled = this.sim.webhooks.deliveries.length === before ? settled + 1 : 0;
    }
  }

  stickyComment(): { id: number; body: string } | undefined {
    return this.repo.comments.find((c) => c.user.login === BOT && c.body.startsWith(`<!-- trainyard:${MODEL} -->`));
  }
}

async function openWorld(options: LifecycleOptions): Promise<World> {
  const example = await prepareExample();
  const sim = await startSimulator({ faultSeed: options.seed });
  // The team's organisation: its runner groups are what doctor reads for the GPU runner.
  sim.seed.user({ login: OWNER, type: 'Organization' });
  const app = await serveApp(sim, SECRET, OWNER);
  await seedRepository(sim, example, app.appId);
  const executor = new WorkflowExecutor({
    sim,
    trainyardRoot: CHECKOUT,
    runners: [
      { name: 'hosted', labels: ['ubuntu-latest'] },
      { name: 'gpu-1', labels: ['self-hosted', 'linux', 'x64', 'gpu'], env: { PATH: `${FAKE_NVIDIA_SMI}:${process.env.PATH ?? ''}` } },
    ],
    cache: runtimeCache(),
    // The release workflow counts the "trainyard / promotion" check of this App only.
    vars: { TRAINYARD_APP_ID: String(app.appId) },
    // GitHub holds the job bound to the environment for the App's deployment protection rule; the App answers (after every earlier delivery).
    environmentGate: async ({ repo, environment, runId }) => {
      await world.settle();
      sim.scenario.requestDeployment({ repo, runId, environment });
      await world.settle();
    },
  });
  const world = new World(sim, app, example, executor);
  return world;
}

/**
 * The sandbox's repository as the story starts, on an organisation `acme` where
 * trainyard's App `appId` is installed: the project as `trainyard init` leaves it (the
 * example's files, the callers init writes, the sandbox's config), alice and bob as
 * writers, and every setting docs/security.md asks for, the production environment
 * guarded by the App included.
 */
export async function seedRepository(sim: Simulator, example: Example, appId: number): Promise<void> {
  await initCallers(example.dir);
  sim.seed.repo({
    fullName: REPO,
    files: { ...readTree(example.dir), '.github/trainyard.yml': example.configText },
    collaborators: { alice: 'write', bob: 'write' },
  });
  secureRepository(sim, { repo: REPO, appId, environment: 'production' });
}

/** `trainyard init --yes --force` in the project: the four callers (the config is replaced when seeding). */
export async function initCallers(dir: string): Promise<void> {
  let stderr = '';
  const code = await trainyardCli(['init', '--yes', '--force', '--model', MODEL, '--command', 'node train.mjs', '--data', 'data/train.csv'], {
    stdout: () => undefined, stderr: (text) => (stderr += text), cwd: dir, env: { PATH: process.env.PATH }, now: () => new Date(),
  });
  if (code !== 0) throw new LifecycleError(`init: trainyard init failed: ${stderr.trim()}`);
}

export function readTree(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(path.join(dir, prefix))) {
    if (name === '.trainyard' || name === '.git' || name === 'node_modules') continue;
    const relative = prefix ? `${prefix}/${name}` : name;
    if (statSync(path.join(dir, relative)).isDirectory()) Object.assign(files, readTree(dir, relative));
    else files[relative] = readFileSync(path.join(dir, relative), 'utf8');
  }
  return files;
}

/** The runtime key the setup action computes, so actions/cache restores the checkout's node_modules instead of installing. */
export function runtimeCache(): Map<string, string> {
  const digest = execFileSync('sha256sum', [path.join(CHECKOUT, 'dist/package.json')], { encoding: 'utf8' }).slice(0, 16);
  return new Map([[`trainyard-runtime-Linux-X64-node${process.versions.modules}-${digest}`, path.join(CHECKOUT, 'node_modules')]]);
}

/** A pull_request event as Actions receives it: the pull request as the API shows it, at its merge ref. */
async function pullRequestEvent(world: World, number: number, action: string): Promise<Parameters<WorkflowExecutor['run']>[0]> {
  const octokit = new Octokit({ auth: world.sim.seed.actionsToken({ repo: REPO }), baseUrl: world.sim.url });
  const { data: pr } = await octokit.pulls.get({ owner: OWNER, repo: 'flights', pull_number: number });
  return { repo: REPO, workflow: 'trainyard-pr.yml', event: 'pull_request', payload: { action, number, pull_request: pr }, sha: pr.head.sha, ref: `refs/pull/${number}/merge`, actor: pr.user.login };
}


/**
 * The retraining the App dispatched on the retraining branch runs (trainyard-retrain.yml as
 * init wrote it, on the queued run GitHub created for the dispatch); its completion wakes
 * the App, which compares the candidate on the retraining pull request: comment and check.
 * The retraining branch changes only trainyard.lock, so its candidate is the champion's code
 * trained on the same data: it ties the champion, the gate fails (roc_auc must improve by
 * 0.002), and the run ends in failure at its comparison step, as it does on GitHub. The
 * comparison still lands on the retraining pull request, with a failing check.
 */
async function retrainingRun(world: World, number: number, step = 'retraining'): Promise<LifecycleReport['retrainingComparison']> {
  const [runStep, comparisonStep] = [`${step} run`, `${step} comparison`];
  const runs = await world.dispatched(runStep, 'failure');
  expect(runs.length === 1, runStep, `${runs.length} dispatched runs ran, expected the one retraining run`);
  const run = runs[0]!;
  expect(run.jobs.some((job) => job.steps.some((s) => s.name.startsWith('Train the candidate') && s.outcome === 'success')), runStep, 'the retraining run trained no candidate');
  const failedSteps = run.jobs.flatMap((job) => job.steps.filter((s) => s.outcome === 'failure').map((s) => `${job.name} / ${s.name}`));
  expect(failedSteps.length === 1 && failedSteps[0] === `${MODEL} / evaluate / Compare the candidate with the champion`, runStep, `expected only the comparison step to fail (the gate), failed: ${failedSteps.join('; ') || 'none'}`);
  expect(world.repo.artifacts.some((a) => a.runId === run.run.id && a.name === `trainyard-${MODEL}-evaluation`), runStep, `the retraining run uploaded no trainyard-${MODEL}-evaluation`);
  await world.settle();
  const head = world.repo.git.refs.get(`refs/heads/${world.repo.pulls.find((p) => p.number === number)!.head.ref}`)!;
  expect(run.run.headSha === head, runStep, `the run is on ${run.run.headSha.slice(0, 7)}, the pull request's head is ${head.slice(0, 7)}`);
  const check = world.repo.checkRuns.find((c) => c.name === `trainyard / ${MODEL}` && c.headSha === head);
  expect(check && check.conclusion !== null, comparisonStep, `no completed trainyard / ${MODEL} check on the retraining head ${head.slice(0, 7)}`);
  expect(check.conclusion === 'failure', comparisonStep, `trainyard / ${MODEL} on the retraining head is ${check.conclusion}, expected failure (the candidate ties the champion)`);
  const comment = world.repo.comments.find((c) => c.issueNumber === number && c.user.login === BOT && c.body.startsWith(`<!-- trainyard:${MODEL} -->`));
  expect(comment, comparisonStep, `no comparison comment on the retraining pull request #${number}`);
  expect(comment.body.includes(`/actions/runs/${run.run.id}`), comparisonStep, `the comment on #${number} does not link the retraining run ${run.run.id}`);
  return { runId: run.run.id, conclusion: run.conclusion, check: check.conclusion, title: check.output.title, comment: `https://github.com/${REPO}/pull/${number}#issuecomment-${comment.id}` };
}

/** The people an alert comment mentions: the `@login`s before the colon of its first line of text. */
function mentionsIn(body: string): string[] {
  const line = body.split('\n')[1] ?? '';
  const head = /^((?:@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9._-]+)? ?)+): /.exec(line);
  return head ? head[1]!.trim().split(' ') : [];
}

/**
 * The scheduled monitoring workflow (trainyard-monitor.yml as init wrote it) on the
 * prediction log as it stood on MONITORED_AT: the realized roc_auc of the three latest
 * weeks with labels is below its band, so the monitor job fails (the latest chunk
 * alerts, as designed) and the publish job writes the history, creates the health issue,
 * comments once mentioning `monitoring.notify`, and gives the model's one retraining pull
 * request the performance evidence, dispatching the retraining again; that run is
 * compared on the pull request as the first was.
 */
async function monitoringRun(world: World, number: number): Promise<LifecycleReport['monitoring']> {
  const step = 'monitoring';
  const main = world.repo.git.refs.get('refs/heads/main')!;
  const run = await world.workflow(step, { repo: REPO, workflow: 'trainyard-monitor.yml', event: 'schedule', payload: { schedule: MONITOR_SCHEDULE }, sha: main, ref: 'refs/heads/main', actor: OWNER }, 'failure');
  const jobs = run.jobs.map((job) => `${job.name} ${job.conclusion}`);
  expect(jobs.join(', ') === `${MODEL} / monitor failure, ${MODEL} / publish success`, step, `the monitoring run's jobs ended ${jobs.join(', ')}, expected the monitor job to fail on the latest chunk's alerts and publish to succeed`);
  await world.settle();
  const runUrl = `https://github.com/${REPO}/actions/runs/${run.run.id}`;

  const marker = healthMarker(MODEL);
  const issues = world.repo.issues.filter((i) => (i.body ?? '').startsWith(marker));
  expect(issues.length === 1, step, `${issues.length} health issues of ${MODEL}, expected one`);
  const issue = issues[0]!;
  expect(issue.title === healthTitle(MODEL) && issue.state === 'open', step, `the health issue #${issue.number} is "${issue.title}", ${issue.state}`);
  const labels = world.repo.issueLabels.get(issue.number) ?? [];
  expect(HEALTH_LABELS.every((label) => labels.includes(label)), step, `the health issue #${issue.number} is labelled ${labels.join(', ') || 'nothing'}`);
  const context = { octokit: new Octokit({ auth: world.sim.seed.actionsToken({ repo: REPO }), baseUrl: world.sim.url }), owner: OWNER, repo: 'flights', location: `github:${REPO}` };
  const history = await readHistoryFile(context, HISTORY_BRANCH, historyFile(MODEL));
  expect(history.text !== null, step, `no ${historyFile(MODEL)} on ${HISTORY_BRANCH}`);
  const records = parseHistory(history.text, `${HISTORY_BRANCH}:${historyFile(MODEL)}`);
  const latest = records.at(-1)!;
  expect(latest.end === MONITORED_AT.replace('Z', '.000Z') && latest.runUrl === runUrl, step, `the history's latest chunk ends ${latest.end} from ${latest.runUrl ?? 'no run'}, expected ${MONITORED_AT} from ${runUrl}`);
  // Current: the body is what the history on the data branch gives, with the open retraining pull request.
  expect(issue.body === healthBody({ model: MODEL, records, retraining: { number, url: null } }), step, `the health issue #${issue.number} does not show the history on ${HISTORY_BRANCH} and the retraining pull request #${number}`);

  const alertPrefix = alertMarker(MODEL, '').replace(/ -->$/, '');
  const alertComments = world.repo.comments.filter((c) => c.body.startsWith(alertPrefix));
  expect(alertComments.length === 1 && alertComments[0]!.issueNumber === issue.number, step, `${alertComments.length} alert comments (on ${alertComments.map((c) => `#${c.issueNumber}`).join(', ') || 'none'}), expected one on the health issue #${issue.number}`);
  const alert = alertComments[0]!;
  const mentions = NOTIFY.map((login) => `@${login}`);
  expect(alert.body.split('\n')[1]!.startsWith(`${mentions.join(' ')}: **${MODEL}** has `) && alert.body.includes(`([run](${runUrl}))`), step, `the alert comment does not mention ${mentions.join(' ')} and link the run: ${alert.body.split('\n')[1] ?? ''}`);

  const branch = `trainyard/retrain/${MODEL}`;
  const open = world.repo.pulls.filter((p) => p.head.ref === branch && p.state === 'open');
  expect(open.length === 1 && open[0]!.number === number, step, `open pull requests on ${branch}: ${open.map((p) => `#${p.number}`).join(', ') || 'none'}, expected the one retraining pull request #${number}`);
  const pull = open[0]!;
  const body = pull.body ?? '';
  expect(body.startsWith(`<!-- trainyard:retrain:${MODEL} -->\nThe performance of **${MODEL}** in production dropped`) && body.includes(`Monitoring run: ${runUrl}`) && body.includes(`Model health: #${issue.number}`), step, `the retraining pull request #${number} does not carry the monitoring evidence: ${body.split('\n')[1] ?? ''}`);
  const lockText = await context.octokit.repos.getContent({ owner: OWNER, repo: 'flights', path: 'trainyard.lock', ref: branch }).then(({ data }) => Buffer.from((data as { content: string }).content, 'base64').toString('utf8'));
  const entry = readLock(lockText).models[MODEL];
  expect(entry?.reason === 'performance' && entry.performance && entry.runUrl === runUrl, step, `trainyard.lock on ${branch} records ${JSON.stringify(entry ?? null)}, expected the performance drop from ${runUrl}`);
  expect(world.repo.runs.some((r) => r.event === 'workflow_dispatch' && r.headBranch === branch && r.inputs.reason === 'performance' && r.inputs['data-snapshot'] === entry.dataSnapshot), step, `no dispatch of the retraining workflow on ${branch} for ${entry.dataSnapshot}`);

  const retrainingComparison = await retrainingRun(world, number, 'monitoring retraining');
  return {
    runId: run.run.id,
    conclusion: run.conclusion,
    healthIssue: { number: issue.number, title: issue.title, state: issue.state, url: `https://github.com/${REPO}/issues/${issue.number}`, latestChunk: latest.start, alerts: latest.alerts.length },
    alertComments: alertComments.map((c) => ({ id: c.id, url: `https://github.com/${REPO}/issues/${c.issueNumber}#issuecomment-${c.id}`, mentions: mentionsIn(c.body) })),
    retrainingPullRequest: { number, title: pull.title, url: `https://github.com/${REPO}/pull/${number}`, evidence: entry.performance },
    retrainingComparison,
  };
}

/**
 * `trainyard doctor` on the secured repository, as the team runs it (the CLI over HTTP,
 * with a read-only token of the App's installation): every promise must be backed.
 */
async function doctorStep(world: World): Promise<DoctorReport> {
  const { code, report, stderr } = await runDoctorCommand(world.sim, { repo: REPO, appId: world.app.appId });
  expect(report !== null, 'doctor', `trainyard doctor printed no report (exit ${code}): ${stderr.trim()}`);
  const missing = report.promises.filter((p) => !p.holds);
  expect(code === 0 && missing.length === 0, 'doctor', `trainyard doctor exited ${code}; not backed: ${missing.map((p) => `${p.name} (${p.setting})`).join('; ') || 'none'}`);
  return report;
}

export async function runLifecycle(options: LifecycleOptions): Promise<LifecycleReport> {
  const world = await openWorld(options);
  const { sim } = world;
  try {
    // Before the story, and before any fault: the faults are aimed at the App's own requests.
    // Doctor's token is an installation token of the App too; its requests are not the App's.
    const installationCalls = () => sim.requests().byCaller.installation;
    const before = installationCalls();
    const doctor = await doctorStep(world);
    const doctorCalls = installationCalls() - before;
    if (options.faults > 0) sim.faults.add({ callers: ['app', 'installation'], rate: options.faults, fault: { kind: 'status', status: 502 } });
    const report = await live(world);
    return { doctor, ...report, apiCalls: report.apiCalls - doctorCalls };
  } finally {
    await sim.webhooks.idle();
    world.executor.close();
    await world.app.close();
    await sim.close();
    await rm(world.example.dir, { recursive: true, force: true });
  }
}

async function live(world: World): Promise<Omit<LifecycleReport, 'doctor'>> {
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
  await world.settle();
  // The pull-request pipeline (trainyard-pr.yml, as init wrote it) trains and evaluates the head; its completion wakes the App.
  await world.workflow('pipeline', await pullRequestEvent(world, number, 'opened'));
  await world.settle();
  watchComment();
  expect(world.stickyComment(), 'comment', 'the App left no comparison comment on the pull request');
  // A fix-up push marks the comparison stale; the pipeline runs again on the new head.
  const head = await sim.scenario.push({ repo: REPO, branch: 'more-epochs', files: { 'params.json': '{"epochs": 8, "note": "same"}\n' }, author: 'alice' });
  await world.settle();
  watchComment();
  await world.workflow('pipeline', await pullRequestEvent(world, number, 'synchronize'));
  await world.settle();
  watchComment();
  const checkName = `trainyard / ${MODEL}`;
  const check = world.repo.checkRuns.find((c) => c.name === checkName && c.headSha === head);
  expect(check?.conclusion === 'success', 'check', `${checkName} on ${head.slice(0, 7)} is ${check?.conclusion ?? 'missing'}, expected success`);

  // bob reviews the final head and merges; the release pipeline registers the candidate.
  await sim.scenario.submitReview({ repo: REPO, number, reviewer: 'bob', event: 'APPROVE' });
  const merge = await sim.scenario.merge({ repo: REPO, number, by: 'bob' });
  await world.settle();
  // The merge pushed main: the release workflow trains and evaluates the merged code, registers
  // the candidate, then deploys it once the App's "trainyard / promotion" check on the commit
  // succeeded, and records the promotion only after the deploy command did.
  await world.workflow('release', { repo: REPO, workflow: 'trainyard-release.yml', event: 'push', payload: { ref: 'refs/heads/main', before: base, after: merge }, sha: merge, ref: 'refs/heads/main', actor: 'bob' });
  await world.settle();
  const candidate = (await registry.versions(MODEL)).at(-1)!;
  expect(world.repo.comments.some((c) => c.issueNumber === number && c.user.login === BOT && c.body.startsWith(`registered as ${candidate.tag}`)), 'release', `no "registered as ${candidate.tag}" note on #${number}`);

  // The deploy job waited for the environment: the App's protection rule decided before it ran.
  const gate = world.repo.protectionReviews.find((r) => r.environment === 'production');
  expect(gate?.state === 'approved', 'gate', `the protection rule was ${gate ? `${gate.state}: ${gate.comment ?? ''}` : 'not answered'}`);
  const trusted = world.appRegistry();
  const promotion = (await trusted.history(MODEL, 'production')).at(-1);
  expect(promotion && promotion.version === candidate.version && promotion.decision === 'approved' && promotion.kind !== 'gate', 'promotion', `the last production record is ${JSON.stringify(promotion)}`);
  const newChampion = await trusted.version(MODEL, { environment: 'production' });
  expect(newChampion.version === candidate.version, 'promotion', `the production champion is ${newChampion.tag}, expected ${candidate.tag}`);

  // The scheduled drift workflow compares data/production.csv (June) with the champion's profile:
  // the job fails on drift, as designed, and uploads drift.json for the App.
  const main = world.repo.git.refs.get('refs/heads/main')!;
  const driftRun = await world.workflow('drift', { repo: REPO, workflow: 'trainyard-drift.yml', event: 'schedule', payload: { schedule: '0 6 * * 1' }, sha: main, ref: 'refs/heads/main', actor: OWNER }, 'failure');
  expect(driftRun.jobs[0]?.summary.includes('**Drift detected**'), 'drift', `the drift run found no drift: ${driftRun.jobs[0]?.summary.slice(0, 200) ?? 'no job'}`);
  const driftJson = world.repo.artifacts.some((artifact) => artifact.runId === driftRun.run.id && artifact.name === `trainyard-drift-${MODEL}`);
  expect(driftJson, 'drift', `the drift run uploaded no trainyard-drift-${MODEL}`);
  await world.settle();
  const branch = `trainyard/retrain/${MODEL}`;
  const retrain = world.repo.pulls.filter((p) => p.head.ref === branch && p.state === 'open');
  expect(retrain.length === 1, 'retraining', `${retrain.length} open pull requests on ${branch}`);
  expect(world.repo.runs.some((r) => r.event === 'workflow_dispatch' && r.headBranch === branch), 'retraining', `no dispatch of the retraining workflow on ${branch}`);

  const retrainingComparison = await retrainingRun(world, retrain[0]!.number);

  // The scheduled monitoring run: a performance drop in the prediction log.
  const monitoring = await monitoringRun(world, retrain[0]!.number);

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
    retrainingComparison,
    monitoring,
    workflowRuns: world.runs.map((run) => ({ workflow: run.workflow, event: run.event, conclusion: run.conclusion, jobs: run.jobs.map((job) => ({ name: job.name, conclusion: job.conclusion })) })),
    duplicates: duplicatesIn(createdObjects(sim, REPO)),
    apiCalls: requests.byCaller.app + requests.byCaller.installation,
    faultsInjected: sim.faults.injected(),
  };
}
