/** The monitoring loop on GitHub, over real HTTP against the simulator: history branch, health issue, alert comments, retraining. */
import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { publishMonitoring, type PublishOptions } from '../../src/monitor/github/publish.ts';
import { REPO, seedRepo } from '../app/harness.ts';
import { useSimulator } from '../sim/vitest.ts';
import { aucLow, result, type ChunkSpec } from './results.ts';

const sim = useSimulator();
const target = { owner: 'acme', repo: 'models' };
const NOW = () => new Date('2026-02-20T06:00:00Z');

function client(): Octokit {
  seedRepo(sim());
  const quiet = () => undefined;
  return new Octokit({ auth: sim().seed.user({ login: 'acme' }).token, baseUrl: sim().url, log: { debug: quiet, info: quiet, warn: quiet, error: quiet } });
}

const week = (w: string, auc: number | null, est: number, alert = false): ChunkSpec => ({ week: w, auc, estimatedAuc: est, alerts: alert ? [aucLow(est, 'estimated')] : [] });

const repoState = () => sim().state.repo(REPO)!;
const healthIssues = () => repoState().issues.filter((i) => (i.body ?? '').startsWith('<!-- trainyard:health:churn -->'));
const alertComments = () => repoState().comments.filter((c) => c.body.startsWith('<!-- trainyard:monitoring-alert:churn:'));
const retrainPulls = () => repoState().pulls.filter((p) => p.head.ref === 'trainyard/retrain/churn');

async function historyLines(octokit: Octokit): Promise<Array<Record<string, unknown>>> {
  const { data } = await octokit.rest.repos.getContent({ ...target, path: 'churn.jsonl', ref: 'trainyard-monitoring' });
  const text = Buffer.from((data as { content: string }).content, 'base64').toString('utf8');
  return text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('publishMonitoring', () => {
  it('keeps one history line per chunk, one health issue, one comment per new alert and one retraining pull request', async () => {
    const octokit = client();
    const options = (run: number): PublishOptions => ({ notify: ['alice', '@acme/ml'], retrainAfter: 3, runUrl: `https://github.com/acme/models/actions/runs/${run}`, version: '2', now: NOW });

    // Two healthy weeks: the branch starts as a root commit, the issue is created, nothing else.
    const first = await publishMonitoring(octokit, target, result('churn', [week('2026-01-05', 0.8, 0.79), week('2026-01-12', 0.81, 0.8)]), options(1));
    expect(first).toMatchObject({ history: { branch: 'trainyard-monitoring', file: 'churn.jsonl', chunks: 2, written: true }, issue: { action: 'created' }, alertComment: null, retraining: null });
    const head = repoState().git.refs.get('refs/heads/trainyard-monitoring')!;
    const { data: rootCommit } = await octokit.rest.git.getCommit({ ...target, commit_sha: head });
    expect(rootCommit.parents).toEqual([]);
    expect(healthIssues()).toHaveLength(1);
    expect(healthIssues()[0]!.title).toBe('Model health: churn');
    expect(repoState().issueLabels.get(first.issue.number)).toEqual(['trainyard', 'trainyard:monitoring']);

    // The same result again (same run, same clock): nothing is written anywhere.
    const again = await publishMonitoring(octokit, target, result('churn', [week('2026-01-05', 0.8, 0.79), week('2026-01-12', 0.81, 0.8)]), options(1));
    expect(again).toMatchObject({ history: { chunks: 2, written: false }, issue: { number: first.issue.number, action: 'unchanged' }, alertComment: null });
    expect(repoState().git.refs.get('refs/heads/trainyard-monitoring')).toBe(head);

    // Week 2 recomputed (its labels arrived), weeks 3 and 4 alert: one comment with both alerts.
    const degrading = result('churn', [week('2026-01-12', 0.78, 0.8), week('2026-01-19', null, 0.66, true), week('2026-01-26', null, 0.64, true)]);
    const second = await publishMonitoring(octokit, target, degrading, options(2));
    expect(second).toMatchObject({ history: { chunks: 4, written: true }, issue: { number: first.issue.number, action: 'updated' }, alertComment: { alerts: 2 }, retraining: null });
    expect(alertComments()).toHaveLength(1);
    expect(alertComments()[0]!.body).toContain('@alice @acme/ml: **churn** has 2 new monitoring alerts ([run](https://github.com/acme/models/actions/runs/2))');
    expect(alertComments()[0]!.body).toContain('| 2026-01-26 | estimated | roc_auc | 0.64 | [0.7, 0.9] |');
    expect(alertComments()[0]!.issueNumber).toBe(first.issue.number);
    let lines = await historyLines(octokit);
    expect(lines.map((l) => [l.start, (l.realized as Record<string, number> | null)?.roc_auc ?? null, l.runUrl])).toEqual([
      ['2026-01-05T00:00:00.000Z', 0.8, 'https://github.com/acme/models/actions/runs/1'],
      ['2026-01-12T00:00:00.000Z', 0.78, 'https://github.com/acme/models/actions/runs/2'],
      ['2026-01-19T00:00:00.000Z', null, 'https://github.com/acme/models/actions/runs/2'],
      ['2026-01-26T00:00:00.000Z', null, 'https://github.com/acme/models/actions/runs/2'],
    ]);

    // The same chunks re-run by another run: replaced, not duplicated; their alerts are not new.
    const rerun = await publishMonitoring(octokit, target, degrading, options(3));
    expect(rerun).toMatchObject({ history: { chunks: 4, written: true }, alertComment: null, retraining: null });
    lines = await historyLines(octokit);
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)!.runUrl).toBe('https://github.com/acme/models/actions/runs/3');
    expect(alertComments()).toHaveLength(1);

    // A third consecutive chunk out of band: the retraining pull request, one more comment.
    const third = await publishMonitoring(octokit, target, result('churn', [week('2026-02-02', null, 0.61, true)]), options(4));
    expect(third.retraining).toMatchObject({ action: 'opened', branch: 'trainyard/retrain/churn' });
    expect(third.alertComment).toMatchObject({ alerts: 1 });
    expect(retrainPulls()).toHaveLength(1);
    const pull = retrainPulls()[0]!;
    expect(pull.title).toBe('Retrain churn: estimated roc_auc out of its band for 3 chunks');
    expect(pull.body).toContain('<!-- trainyard:retrain:churn -->');
    expect(pull.body).toContain('| 2026-01-19 | estimated | roc_auc | 0.66 | [0.7, 0.9] |');
    expect(pull.body).toContain('| 2026-02-02 | estimated | roc_auc | 0.61 | [0.7, 0.9] |');
    expect(pull.body).toContain(`Model health: #${first.issue.number}`);
    expect(repoState().issueLabels.get(pull.number)).toEqual(['trainyard', 'trainyard:retrain']);
    const dispatched = repoState().runs.filter((r) => r.event === 'workflow_dispatch');
    expect(dispatched).toMatchObject([{ path: '.github/workflows/trainyard-retrain.yml', headBranch: 'trainyard/retrain/churn', inputs: { model: 'churn', reason: 'performance' } }]);
    const { data: lock } = await octokit.rest.repos.getContent({ ...target, path: 'trainyard.lock', ref: 'trainyard/retrain/churn' });
    const entry = (JSON.parse(Buffer.from((lock as { content: string }).content, 'base64').toString('utf8')) as { models: Record<string, Record<string, unknown>> }).models.churn!;
    expect(entry).toMatchObject({ reason: 'performance', drift: null, performance: { kind: 'estimated', metric: 'roc_auc', chunks: 3, since: '2026-01-19T00:00:00.000Z' }, runUrl: 'https://github.com/acme/models/actions/runs/4' });
    const body = healthIssues()[0]!.body!;
    expect(body).toContain(`Retraining: #${pull.number}`);
    expect(body).toContain('```mermaid\nxychart-beta\n  title "roc_auc"\n  x-axis ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02"]');
    // realized stops at the first chunk without labels; estimated, lower and upper span all five
    expect(body).toContain('  line [0.8, 0.78]\n  line [0.79, 0.8, 0.66, 0.64, 0.61]\n  line [0.7, 0.7, 0.7, 0.7, 0.7]\n  line [0.9, 0.9, 0.9, 0.9, 0.9]\n```');
    expect(body).toContain('**1 alert**');

    // Re-running it, and a fourth chunk extending the same run: still one pull request, no new dispatch.
    await publishMonitoring(octokit, target, result('churn', [week('2026-02-02', null, 0.61, true)]), options(4));
    const fourth = await publishMonitoring(octokit, target, result('churn', [week('2026-02-09', null, 0.6, true)]), options(5));
    expect(fourth.retraining).toMatchObject({ action: 'unchanged' });
    expect(retrainPulls()).toHaveLength(1);
    expect(repoState().runs.filter((r) => r.event === 'workflow_dispatch')).toHaveLength(1);
    expect(alertComments()).toHaveLength(3);
    expect(healthIssues()).toHaveLength(1);
    expect(await historyLines(octokit)).toHaveLength(6);
  });

  it('reopens a closed health issue when the latest chunk alerts, and refuses unusable options', async () => {
    const octokit = client();
    const healthy = await publishMonitoring(octokit, target, result('churn', [week('2026-01-05', 0.8, 0.79)]), { now: NOW });
    await octokit.rest.issues.update({ ...target, issue_number: healthy.issue.number, state: 'closed' });
    const alerting = await publishMonitoring(octokit, target, result('churn', [week('2026-01-12', 0.6, 0.62, true)]), { now: NOW, retrainAfter: 0 });
    expect(alerting).toMatchObject({ issue: { number: healthy.issue.number, action: 'updated' }, alertComment: { alerts: 1 }, retraining: null });
    expect(healthIssues().map((i) => i.state)).toEqual(['open']);
    expect(alertComments()[0]!.body.split('\n')[1]).toBe('**churn** has 1 new monitoring alert.');
    await expect(publishMonitoring(octokit, target, result('churn', []), { retrainAfter: -1 })).rejects.toThrow(UsageError);
    await expect(publishMonitoring(octokit, target, result('churn', []), { notify: ['not a login'] })).rejects.toThrow(/monitoring.notify: "not a login"/);
    await expect(publishMonitoring(octokit, target, result('Churn/../x', []), {})).rejects.toThrow(UsageError);
  });
});

describe('the history branch', () => {
  it('survives a writer that moved the branch between read and write: merged again, nothing lost', async () => {
    const octokit = client();
    await publishMonitoring(octokit, target, result('churn', [week('2026-01-05', 0.8, 0.79)]), { now: NOW });
    // Another writer's commit lands on the branch right before this run moves it.
    let raced = false;
    octokit.hook.before('request', async (options) => {
      if (raced || options.method !== 'PATCH' || !String(options.url).includes('/git/refs/')) return;
      raced = true;
      const other = new Octokit({ auth: sim().seed.user({ login: 'acme' }).token, baseUrl: sim().url });
      await publishMonitoring(other, target, result('churn', [week('2026-01-12', 0.79, 0.78)]), { now: NOW });
    });
    const outcome = await publishMonitoring(octokit, target, result('churn', [week('2026-01-19', 0.77, 0.76)]), { now: NOW });
    expect(raced).toBe(true);
    expect(outcome.history).toMatchObject({ chunks: 3, written: true });
    expect((await historyLines(octokit)).map((l) => l.start)).toEqual(['2026-01-05T00:00:00.000Z', '2026-01-12T00:00:00.000Z', '2026-01-19T00:00:00.000Z']);
  });
});
