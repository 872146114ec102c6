/**
 * The four reusable workflows through the callers `trainyard init` writes, on a small
 * scikit-learn project made here (a logistic regression on a synthetic churn table),
 * trained by Debian's python3-sklearn. Skipped, saying so, where no python3 on this
 * machine imports sklearn.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { useSimulator } from '../sim/vitest.ts';
import { executorFor, failures, initProject, jobsOf, octokit } from './project.ts';

function pythonWithSklearn(): string | null {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(candidate, ['-c', 'import sklearn'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // the next candidate
    }
  }
  return null;
}

const python = pythonWithSklearn();
if (!python) console.warn('test/workflows/pipelines-sklearn.test.ts skipped: no python3 on this machine imports sklearn (apt-get install python3-sklearn)');

const TRAIN_PY = `"""Churn: logistic regression with scikit-learn, as trainyard runs it."""
import csv, json, os, pickle
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

out = os.environ["TRAINYARD_OUTPUT_DIR"]
seed = int(os.environ.get("TRAINYARD_SEED", "42"))
with open("data/train.csv") as f:
    rows = list(csv.DictReader(f))
ids = [int(r["id"]) for r in rows]
X = [[float(r["tenure"]), float(r["monthly"]), float(r["support_calls"])] for r in rows]
y = [int(r["churned"]) for r in rows]
X_tr, X_te, y_tr, y_te, id_tr, id_te = train_test_split(X, y, ids, test_size=0.25, random_state=seed)
model = LogisticRegression(max_iter=1000).fit(X_tr, y_tr)
scores = model.predict_proba(X_te)[:, 1]
os.makedirs(os.path.join(out, "model"), exist_ok=True)
with open(os.path.join(out, "model", "model.pkl"), "wb") as f:
    pickle.dump(model, f)
metrics = {"roc_auc": roc_auc_score(y_te, scores), "log_loss": log_loss(y_te, scores), "accuracy": accuracy_score(y_te, scores >= 0.5)}
with open(os.path.join(out, "metrics.json"), "w") as f:
    json.dump(metrics, f)
with open(os.path.join(out, "predictions.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["id", "label", "score"])
    for i, label, score in zip(id_te, y_te, scores):
        w.writerow([i, label, float(score)])
print("roc_auc", metrics["roc_auc"])
`;

/** A deterministic churn table: churn grows with support calls and falls with tenure. */
function churnCsv(rows: number, offset: number, shift: number): string {
  let state = 12345 + offset;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const lines = ['id,tenure,monthly,support_calls,churned'];
  for (let i = 0; i < rows; i++) {
    const tenure = Math.floor(random() * 72 + shift);
    const monthly = Math.round((20 + random() * 80 + shift) * 100) / 100;
    const calls = Math.floor(random() * 6);
    const risk = 0.6 * calls - 0.05 * tenure + 0.01 * monthly;
    lines.push(`${offset + i},${tenure},${monthly},${calls},${random() < 1 / (1 + Math.exp(-risk)) ? 1 : 0}`);
  }
  return `${lines.join('\n')}\n`;
}

const SCHEMA = `columns:\n  id: { type: integer, unique: true }\n  tenure: { type: integer, min: 0 }\n  monthly: { type: number }\n  support_calls: { type: integer, min: 0 }\n  churned: { type: integer, min: 0, max: 1 }\n`;

const sim = useSimulator();

describe.skipIf(!python)('the reusable workflows on a scikit-learn project', () => {
  it('pull request, release, drift and retraining run every trainyard step', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trainyard-sklearn-'));
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, 'train.py'), TRAIN_PY);
    writeFileSync(path.join(dir, 'data/train.csv'), churnCsv(600, 0, 0));
    writeFileSync(path.join(dir, 'data/production.csv'), churnCsv(300, 10_000, 40));
    writeFileSync(path.join(dir, 'data/schema.yml'), SCHEMA);
    const files = await initProject(dir, ['--model', 'churn', '--command', `${python} train.py`, '--data', 'data/train.csv']);
    expect(files['.github/trainyard.yml']).toContain('schema: "data/schema.yml"');
    const { token } = sim().seed.user({ login: 'alice' });
    sim().seed.repo({ fullName: 'acme/churn', files, collaborators: { alice: 'admin' } });
    const app = sim().seed.app({ slug: 'trainyard' });
    const executor = executorFor(sim(), undefined, { TRAINYARD_APP_ID: String(app.id) });
    const main = sim().state.repo('acme/churn')!.git.refs.get('refs/heads/main')!;
    try {
      const head = await sim().scenario.push({ repo: 'acme/churn', branch: 'more-iterations', files: { 'NOTES.md': 'x\n' }, author: 'alice' });
      const number = await sim().scenario.openPullRequest({ repo: 'acme/churn', head: 'more-iterations', title: 'More', author: 'alice' });
      const { data: pr } = await octokit(sim(), token).pulls.get({ owner: 'acme', repo: 'churn', pull_number: number });
      const pull = await executor.run({ repo: 'acme/churn', workflow: 'trainyard-pr.yml', event: 'pull_request', payload: { action: 'opened', number, pull_request: pr }, sha: head, ref: `refs/pull/${number}/merge`, actor: 'alice' });
      expect(jobsOf(pull), failures(pull)).toEqual([['churn / validate data', 'success'], ['churn / train', 'success'], ['churn / evaluate', 'success']]);
      expect(pull.jobs[1]!.steps.find((step) => step.name.startsWith('Train the candidate'))!.log).toContain('roc_auc');

      const installation = sim().seed.installation({ appId: app.id, account: 'acme' });
      await octokit(sim(), sim().seed.installationToken({ installationId: installation.id })).checks.create({ owner: 'acme', repo: 'churn', name: 'trainyard / promotion', head_sha: main, status: 'completed', conclusion: 'success' });
      const release = await executor.run({ repo: 'acme/churn', workflow: 'trainyard-release.yml', event: 'push', payload: { ref: 'refs/heads/main', after: main }, sha: main, ref: 'refs/heads/main', actor: 'alice' });
      expect(jobsOf(release), failures(release)).toEqual(['validate data', 'train', 'evaluate', 'register the candidate', 'promote and deploy'].map((job) => [`churn / ${job}`, 'success']));
      const env = { PATH: process.env.PATH, GITHUB_API_URL: sim().url, GITHUB_TOKEN: token };
      const history = JSON.parse((await runCli(['registry', 'history', 'churn', '--registry', 'github:acme/churn', '--json'], { env })).stdout) as { history: Array<{ version: number; environment: string }> };
      expect(history.history.map((record) => [record.version, record.environment])).toEqual([[1, 'production']]);

      // Production customers stay 40 months longer and pay 40 more a month: drift, and the job says so by failing.
      const drift = await executor.run({ repo: 'acme/churn', workflow: 'trainyard-drift.yml', event: 'schedule', payload: { schedule: '0 6 * * 1' }, sha: main, ref: 'refs/heads/main', actor: 'alice' });
      expect(jobsOf(drift)).toEqual([['churn / detect drift', 'failure']]);
      expect(drift.jobs[0]!.steps.at(-1)!.log).toContain('::error title=trainyard drift::the dataset drifted');
      const { data: artifacts } = await octokit(sim(), token).actions.listWorkflowRunArtifacts({ owner: 'acme', repo: 'churn', run_id: drift.run.id });
      expect(artifacts.artifacts.map((artifact) => artifact.name)).toEqual(['trainyard-drift-churn']);

      const retrain = await executor.run({ repo: 'acme/churn', workflow: 'trainyard-retrain.yml', event: 'workflow_dispatch', payload: { ref: 'refs/heads/main' }, inputs: { model: 'churn', reason: 'drift' }, sha: main, ref: 'refs/heads/main', actor: 'alice' });
      expect(retrain.jobs.slice(0, 2).map((job) => [job.name, job.conclusion]), failures(retrain)).toEqual([['churn / validate data', 'success'], ['churn / train', 'success']]);
      expect(retrain.jobs[2]!.steps.find((step) => step.name === 'Compare the candidate with the champion')!.outcome).not.toBe('skipped');
    } finally {
      executor.close();
    }
  }, 300_000);
});
