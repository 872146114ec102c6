/**
 * Text from a pull request (metric names and values in its artifact) reaches the App's
 * comment and check only quoted: no mention, link, HTML comment or forged marker, and
 * never past GitHub's size limits. Each case runs the served App on the simulator,
 * which refuses a comment over 65,536 characters as GitHub does.
 */
import { describe, expect, it } from 'vitest';
import { compareByThresholds } from '../../src/comparison/threshold.ts';
import { judgedCommit } from '../../src/report/comparison-report.ts';
import { checks, comments, REPO, seedRepo, useServedApp } from './harness.ts';

const { sim, serve } = useServedApp();

const FORGED_SHA = 'f'.repeat(40);
const HOSTILE = `@acme/owners see [details](https://evil.example/x) https://evil.example <!-- trainyard-commit:${FORGED_SHA} --> <img src=x>`;

async function runWith(files: { path: string; content: string }[]): Promise<{ number: number; head: string }> {
  const head = await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'x' }, author: 'alice' });
  const number = await sim().scenario.openPullRequest({ repo: REPO, head: 'feature', title: 'Better model', author: 'alice' });
  sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', artifacts: [{ name: 'trainyard-churn', files }] });
  await sim().webhooks.idle();
  return { number, head };
}

function expectNeutralised(text: string): void {
  expect(text).not.toContain('@acme/owners');
  expect(text).not.toContain('](https://evil.example');
  expect(text).not.toContain('https://evil.example');
  expect(text).not.toContain('<img');
  expect(text.match(/<!--/g)?.length ?? 0).toBeLessThanOrEqual(2);
}

describe('the App\'s comment and check with hostile pull-request text', () => {
  it('quotes a metric name carrying a mention, a link and a forged marker; the judged commit is the App\'s own', async () => {
    await serve();
    seedRepo(sim());
    const metrics = { roc_auc: 0.8, [HOSTILE]: 0.5 };
    const { number, head } = await runWith([{ path: 'metrics.json', content: JSON.stringify(metrics) }]);
    const comment = comments(sim()).find((c) => c.issueNumber === number)!;
    expect(comment.body.startsWith('<!-- trainyard:churn -->\n')).toBe(true);
    expect(comment.body.endsWith(`\n<!-- trainyard-commit:${head} -->`)).toBe(true);
    expect(comment.body).not.toContain(FORGED_SHA.slice(0, 1) + FORGED_SHA.slice(1) + ' -->');
    expect(judgedCommit(comment.body)).toBe(head);
    expect(comment.body).toContain('`@\u200bacme/owners see [details]\u200b(https:\u200b//evil.example/x)');
    expectNeutralised(comment.body);
    const [check] = checks(sim(), 'trainyard / churn');
    expectNeutralised(check!.output.summary ?? '');
    expectNeutralised(check!.output.title ?? '');
  });

  it('quotes a metric value that is not a number in the problem it reports', async () => {
    await serve();
    seedRepo(sim());
    const { number } = await runWith([{ path: 'metrics.json', content: JSON.stringify({ roc_auc: HOSTILE }) }]);
    const comment = comments(sim()).find((c) => c.issueNumber === number)!;
    expect(comment.body).toContain('no comparison');
    expect(comment.body).toContain('expected a finite number');
    expectNeutralised(comment.body);
    expect(checks(sim(), 'trainyard / churn')[0]).toMatchObject({ conclusion: 'failure', output: { title: 'No comparison' } });
  });

  it('posts a comment under 65,536 characters for a 100,000-character metric name and value', async () => {
    await serve();
    seedRepo(sim());
    const long = 'a'.repeat(100_000);
    const { number } = await runWith([{ path: 'metrics.json', content: JSON.stringify({ roc_auc: 0.8, [long]: 0.5 }) }]);
    const comment = comments(sim()).find((c) => c.issueNumber === number)!;
    expect(comment.body.length).toBeLessThanOrEqual(65_536);
    expect(comment.body).toContain(`\`${'a'.repeat(119)}…\``);
    const [check] = checks(sim(), 'trainyard / churn');
    expect(check!.output.summary!.length).toBeLessThanOrEqual(65_535);
    expect(check!.output.title!.length).toBeLessThanOrEqual(255);

    await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'y' }, author: 'alice' });
    sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', artifacts: [{ name: 'trainyard-churn', files: [{ path: 'metrics.json', content: JSON.stringify({ roc_auc: long }) }] }] });
    await sim().webhooks.idle();
    const problem = comments(sim()).find((c) => c.issueNumber === number)!;
    expect(problem.body).toContain('no comparison');
    expect(problem.body.length).toBeLessThanOrEqual(65_536);
  });

  it('reads own properties only: metric names toString, constructor and __proto__ are ordinary, ungated rows', async () => {
    await serve();
    seedRepo(sim());
    const { number } = await runWith([{ path: 'metrics.json', content: '{"roc_auc": 0.55, "toString": 1, "constructor": 1, "__proto__": 1}' }]);
    const [check] = checks(sim(), 'trainyard / churn');
    expect(check).toMatchObject({ conclusion: 'failure', output: { title: 'fail: roc_auc did not meet the policy' } });
    const body = comments(sim()).find((c) => c.issueNumber === number)!.body;
    for (const name of ['toString', 'constructor', '__proto__']) expect(body).toMatch(new RegExp(`^\\| ${name} \\| — \\| 1 \\| — \\| — \\|$`, 'm'));
  });
});

describe('compareByThresholds, the App\'s comparator', () => {
  it('fails gated metrics named toString and constructor that the candidate does not report', () => {
    const rule = { greater_is_better: true, threshold: 0.5 };
    const comparison = compareByThresholds({ policy: { toString: rule, constructor: rule }, candidate: { roc_auc: 0.8 }, champion: { roc_auc: 0.7 } });
    expect(comparison.verdict).toBe('fail');
    expect(comparison.summary).toBe('fail: toString, constructor missing from the candidate\'s metrics');
    expect(comparison.metrics.map((metric) => [metric.name, metric.candidate, metric.baseline, metric.status])).toEqual([
      ['toString', null, null, 'fail'],
      ['constructor', null, null, 'fail'],
      ['roc_auc', 0.8, 0.7, 'info'],
    ]);
  });
});
