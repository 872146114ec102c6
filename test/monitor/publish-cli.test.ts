/** `trainyard monitor-publish` against the simulator: a monitor.json in, the health issue and history out. */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG, REPO, seedRepo } from '../app/harness.ts';
import { runCli } from '../helpers/cli.ts';
import { useSimulator } from '../sim/vitest.ts';
import { aucLow, result } from './results.ts';

const sim = useSimulator();

async function setup(content: string): Promise<{ dir: string; env: Record<string, string | undefined> }> {
  seedRepo(sim());
  const { token } = sim().seed.user({ login: 'acme' });
  const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-monitor-publish-'));
  await writeFile(path.join(dir, 'monitor.json'), content);
  const env = { PATH: process.env.PATH, GITHUB_API_URL: sim().url, GITHUB_TOKEN: token, GITHUB_REPOSITORY: REPO, GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '77' };
  return { dir, env };
}

describe('trainyard monitor-publish', () => {
  it('publishes the result: history, health issue, one alert comment mentioning --notify', async () => {
    const monitor = result('churn', [
      { week: '2026-01-05', auc: 0.8, estimatedAuc: 0.79 },
      { week: '2026-01-12', auc: null, estimatedAuc: 0.6, alerts: [aucLow(0.6, 'estimated')] },
    ]);
    const { dir, env } = await setup(JSON.stringify(monitor));
    const args = ['monitor-publish', '--result', 'monitor.json', '--notify', 'alice,bob', '--notify', '@acme/ml', '--model-version', '7'];
    const first = await runCli(args, { cwd: dir, env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^history: trainyard-monitoring:churn.jsonl, 2 chunks\nhealth issue #1 created: .*\/acme\/models\/issues\/1\nalert comment posted for 1 new alert\(s\)\n$/);
    const again = await runCli([...args, '--json'], { cwd: dir, env });
    expect(JSON.parse(again.stdout)).toMatchObject({ history: { chunks: 2, written: false }, issue: { number: 1, action: 'unchanged' }, alertComment: null, retraining: null });
    const comments = sim().state.repo(REPO)!.comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('@alice @bob @acme/ml: **churn** has 1 new monitoring alert ([run](https://github.com/acme/models/actions/runs/77))');
    expect(sim().state.repo(REPO)!.issues[0]!.body).toContain('version 7, [run](https://github.com/acme/models/actions/runs/77)');
  });

  it('--config: the model\'s monitoring.notify and retrain_after apply where the options are not given', async () => {
    const monitor = result('churn', [
      { week: '2026-01-05', auc: 0.8, estimatedAuc: 0.79 },
      { week: '2026-01-12', auc: null, estimatedAuc: 0.6, alerts: [aucLow(0.6, 'estimated')] },
    ]);
    const { dir, env } = await setup(JSON.stringify(monitor));
    await writeFile(path.join(dir, 'trainyard.yml'), `${CONFIG}    monitoring: { notify: [carol, "@acme/ml-oncall"], retrain_after: 1 }\n`);
    const configured = await runCli(['monitor-publish', '--result', 'monitor.json', '--config', 'trainyard.yml', '--json'], { cwd: dir, env });
    expect(configured.stderr).toBe('');
    // One estimated roc_auc chunk out of its band is enough with retrain_after 1.
    expect(JSON.parse(configured.stdout)).toMatchObject({ alertComment: { alerts: 1 }, issue: { number: 1, action: 'created' }, retraining: { action: 'opened', pullRequest: 2, branch: 'trainyard/retrain/churn' } });
    expect(sim().state.repo(REPO)!.comments[0]!.body).toContain('@carol @acme/ml-oncall: **churn** has 1 new monitoring alert');
    // The first publish that finds a drop creates the health issue before the pull request, which links it.
    expect(sim().state.repo(REPO)!.pulls[0]!.body).toContain('Model health: #1');
    expect(sim().state.repo(REPO)!.issues[0]!.body).toContain('Retraining: #2');
    const again = await runCli(['monitor-publish', '--result', 'monitor.json', '--config', 'trainyard.yml', '--json'], { cwd: dir, env });
    expect(JSON.parse(again.stdout)).toMatchObject({ alertComment: null, retraining: { action: 'unchanged' } });
    await writeFile(path.join(dir, 'other.yml'), CONFIG.replace('churn:', 'fraud:'));
    const other = await runCli(['monitor-publish', '--result', 'monitor.json', '--config', 'other.yml'], { cwd: dir, env });
    expect(other).toMatchObject({ code: 2, stdout: '', stderr: 'trainyard: --config other.yml: has no model "churn" (the result\'s model); it has: fraud\n' });
  });

  it('--notify and --retrain-after win over the config', async () => {
    const monitor = result('churn', [{ week: '2026-01-12', auc: null, estimatedAuc: 0.6, alerts: [aucLow(0.6, 'estimated')] }]);
    const { dir, env } = await setup(JSON.stringify(monitor));
    await writeFile(path.join(dir, 'trainyard.yml'), `${CONFIG}    monitoring: { notify: [carol], retrain_after: 1 }\n`);
    const given = await runCli(['monitor-publish', '--result', 'monitor.json', '--config', 'trainyard.yml', '--notify', 'bob', '--retrain-after', '2', '--json'], { cwd: dir, env });
    expect(JSON.parse(given.stdout)).toMatchObject({ alertComment: { alerts: 1 }, retraining: null });
    expect(sim().state.repo(REPO)!.comments[0]!.body).toMatch(/^<!-- [^\n]+ -->\n@bob: \*\*churn\*\*/);
  });

  it('bad input is one line and exit 2', async () => {
    const { dir, env } = await setup('{"model": "churn", "chunks": "no"}');
    const bad = await runCli(['monitor-publish', '--result', 'monitor.json'], { cwd: dir, env });
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(/^trainyard: monitor.json: chunking: .*; expected the output of trainyard monitor --json\n$/);
    const missing = await runCli(['monitor-publish', '--result', 'nope.json'], { cwd: dir, env });
    expect(missing.stderr).toBe('trainyard: nope.json: cannot read it (ENOENT); expected the output of trainyard monitor --json\n');
    const noRepo = await runCli(['monitor-publish', '--result', 'monitor.json'], { cwd: dir, env: { ...env, GITHUB_REPOSITORY: undefined } });
    expect(noRepo).toMatchObject({ code: 2, stderr: 'trainyard: --repo is not given and GITHUB_REPOSITORY is not set; expected owner/name\n' });
    const badAfter = await runCli(['monitor-publish', '--result', 'monitor.json', '--retrain-after', 'three'], { cwd: dir, env });
    expect(badAfter).toMatchObject({ code: 2, stderr: 'trainyard: --retrain-after: "three" is not a whole number of chunks\n' });
  });

  it('the bundle the action runs (dist/trainyard.js) publishes the same way', async () => {
    const monitor = result('churn', [{ week: '2026-01-05', auc: 0.8, estimatedAuc: 0.79 }]);
    const { dir, env } = await setup(JSON.stringify(monitor));
    const run = await promisify(execFile)(process.execPath, [path.resolve('dist/trainyard.js'), 'monitor-publish', '--result', 'monitor.json', '--json'], { cwd: dir, env });
    expect(JSON.parse(run.stdout)).toMatchObject({ history: { chunks: 1, written: true }, issue: { number: 1, action: 'created' }, alertComment: null, retraining: null });
    expect(sim().state.repo(REPO)!.issues.map((i) => i.title)).toEqual(['Model health: churn']);
  });
});
