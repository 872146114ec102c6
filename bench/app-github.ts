/**
 * The GitHub side of bench/app.ts, in a child process so that the App's process holds the
 * App alone: the simulator, one repository with a champion, one open pull request per
 * run; on the parent's word, `count` pipeline runs complete at an even rate over
 * `seconds`. Speaks to the parent over the IPC channel.
 */
import { Octokit } from '@octokit/rest';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectVersionContent } from '../src/registry/content.ts';
import { GitHubReleasesRegistry } from '../src/registry/github/github-registry.ts';
import { startSimulator } from '../sim/index.ts';

export type ToParent =
  | { kind: 'ready'; url: string; appId: number; privateKey: string }
  | { kind: 'done'; seconds: number; latencies: number[]; failed: number; lost: number; duplicates: number; checks: number; appCalls: number; violations: number };
export type ToChild = { kind: 'webhook'; url: string; secret: string } | { kind: 'go'; count: number; seconds: number };

const REPO = 'acme/models';
const CONFIG = `version: 1
models:
  churn:
    task: binary
    data: { train: data/train.csv }
    training: { command: node train.mjs }
    metrics:
      policy:
        roc_auc: { greater_is_better: true, threshold: 0.6, min_absolute_change: 0.002 }
        log_loss: { greater_is_better: false, min_relative_change: 0.0 }
`;
const send = (message: ToParent) => process.send!(message);

async function championContent() {
  const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-bench-app-'));
  await mkdir(path.join(dir, 'model'));
  await writeFile(path.join(dir, 'model', 'model.json'), '{"weights":[0.1,0.2]}');
  await writeFile(path.join(dir, 'metrics.json'), JSON.stringify({ roc_auc: 0.7, log_loss: 0.5 }));
  await writeFile(path.join(dir, 'predictions.csv'), 'id,label,score\n1,1,0.8\n2,0,0.3\n');
  await writeFile(path.join(dir, 'lineage.json'), JSON.stringify({
    schemaVersion: 1, model: 'churn', commit: null, dirty: null, configSha256: 'c'.repeat(64), data: [], params: {}, seed: 42,
    command: 'node train.mjs', start: '2026-01-01T00:00:00.000Z', end: '2026-01-01T00:01:00.000Z', durationSeconds: 60,
    exitStatus: 0, signal: null, timedOut: false, runner: { name: null, os: 'linux', arch: 'x64', labels: [] }, versions: { node: process.version, python: null, trainyard: 'bench' },
  }));
  return collectVersionContent({ outputDir: dir, metricsFile: 'metrics.json', predictionsFile: 'predictions.csv' });
}

const count = Number(process.argv[2]);
const sim = await startSimulator({ rateLimit: 1_000_000 });
sim.seed.repo({ fullName: REPO, files: { '.github/trainyard.yml': CONFIG, '.github/workflows/trainyard-pr.yml': 'name: trainyard pr\non: pull_request\njobs: {}\n' }, collaborators: { alice: 'write' } });
const registry = new GitHubReleasesRegistry({ octokit: new Octokit({ auth: sim.seed.user({ login: 'acme' }).token, baseUrl: sim.url }), owner: 'acme', repo: 'models' });
const champion = await registry.register({ model: 'churn', content: await championContent(), text: { task: 'binary', description: null, intendedUse: null, limitations: null }, commit: null, runUrl: null });
await registry.promote({ model: 'churn', version: champion.version, environment: 'production', decision: 'approved', approvers: ['bob'], gate: { passed: true, summary: 'seed' }, reason: 'seed', runUrl: null, actor: 'acme' });
const pulls: number[] = [];
for (let i = 0; i < count; i++) {
  await sim.scenario.push({ repo: REPO, branch: `feature-${i}`, files: { 'train.mjs': `// ${i}\n` }, author: 'alice' });
  pulls.push(await sim.scenario.openPullRequest({ repo: REPO, head: `feature-${i}`, title: `Candidate ${i}`, author: 'alice' }));
}
const seeded = sim.seed.app({ slug: 'trainyard' });
sim.seed.installation({ appId: seeded.id, account: 'acme' });
send({ kind: 'ready', url: sim.url, appId: seeded.id, privateKey: seeded.privateKey });

process.on('message', (message: ToChild) => {
  if (message.kind === 'webhook') seeded.app.webhook = { url: message.url, secret: message.secret };
  else void deliver(message.count, message.seconds);
});

async function deliver(total: number, seconds: number): Promise<void> {
  const before = sim.requests();
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = started + (i * seconds * 1000) / total - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const auc = 0.65 + (i % 100) / 1000;
    sim.scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: `feature-${i}`, event: 'pull_request', artifacts: [{ name: 'trainyard-churn', files: [{ path: 'metrics.json', content: JSON.stringify({ roc_auc: auc, log_loss: 0.49 }) }, { path: 'predictions.csv', content: 'id,label,score\n1,1,0.8\n' }] }] });
  }
  await sim.webhooks.idle();
  const elapsed = (performance.now() - started) / 1000;
  const deliveries = sim.webhooks.deliveries.filter((d) => d.event === 'workflow_run');
  const repo = sim.state.repo(REPO)!;
  const perPull = new Map<number, number>();
  for (const c of repo.comments) if (c.user.login === 'trainyard[bot]' && c.body.startsWith('<!-- trainyard:churn -->')) perPull.set(c.issueNumber, (perPull.get(c.issueNumber) ?? 0) + 1);
  const after = sim.requests();
  send({
    kind: 'done', seconds: elapsed, latencies: deliveries.map((d) => d.durationMs), failed: deliveries.filter((d) => d.statusCode !== 200).length,
    lost: pulls.filter((n) => !perPull.has(n)).length, duplicates: [...perPull.values()].reduce((sum, n) => sum + n - 1, 0),
    checks: repo.checkRuns.filter((c) => c.name === 'trainyard / churn').length,
    appCalls: after.byCaller.installation + after.byCaller.app - before.byCaller.installation - before.byCaller.app, violations: sim.violations().length,
  });
  await sim.close();
  process.disconnect();
}
