import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareModels, type Comparison, type MetricComparison } from '../../src/metrics/compare.ts';
import { parsePolicy } from '../../src/metrics/policy.ts';
import { readMetricsFile } from '../../src/metrics/read-metrics.ts';
import { compareStage } from '../../src/metrics/stages.ts';
import { commentMarker, commitMarker, judgedCommit, renderCheckOutput, renderJobSummary, renderPrComment, type ComparisonReport } from '../../src/report/comparison-report.ts';
import { COMMENT_LIMIT, fitSections } from '../../src/report/fit.ts';
import { lineChart } from '../../src/report/mermaid.ts';
import type { Lineage } from '../../src/train/lineage.ts';

const fixtures = path.resolve('test/fixtures/metrics');

/** The lineage `trainyard train` records for the example (fixed times and hashes). */
const lineage: Lineage = {
  schemaVersion: 1,
  model: 'flight-delays',
  commit: '3f9c2d41b7e08a6c5d2f1e0b9a8c7d6e5f4a3b2c',
  dirty: false,
  configSha256: 'c'.repeat(64),
  data: [{ path: 'data/train.csv', bytes: 1_020_417, sha256: '9b1f0c3e5a7d2b4c6e8f0a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d' }],
  params: { epochs: 8, learning_rate: 0.01, l2: 0.0001, holdout: 0.2 },
  seed: 42,
  command: 'node train.mjs',
  start: '2026-03-04T05:06:07.000Z',
  end: '2026-03-04T05:06:08.250Z',
  durationSeconds: 1.25,
  exitStatus: 0,
  signal: null,
  timedOut: false,
  runner: { name: 'gpu-runner-3', os: 'linux', arch: 'x64', labels: ['self-hosted', 'gpu'] },
  versions: { node: 'v24.11.0', python: null, trainyard: '0.1.0' },
  gpu: null,
  telemetry: null,
};

describe('the PR comment for the flight-delays example', () => {
  let report: ComparisonReport;

  beforeAll(async () => {
    const config = await readFile(path.resolve('examples/flight-delays/.github/trainyard.yml'), 'utf8');
    const { policy } = parsePolicy(config, 'trainyard.yml');
    // Candidate: 8 epochs (the example's defaults); champion v2: the same model after 2 epochs; v1: 1 epoch.
    const comparison = await compareStage({
      candidate: { metricsFile: path.join(fixtures, 'flight-delays-metrics.json'), predictions: path.join(fixtures, 'flight-delays-predictions.csv') },
      baseline: { metricsFile: path.join(fixtures, 'flight-delays-epochs2-metrics.json'), predictions: path.join(fixtures, 'flight-delays-epochs2-predictions.csv') },
      policy,
      columns: { task: 'binary' },
      cwd: fixtures,
    });
    const champion = await readMetricsFile(path.join(fixtures, 'flight-delays-epochs2-metrics.json'));
    report = {
      model: 'flight-delays',
      comparison,
      baselineName: 'champion v2',
      checks: [
        { name: 'data validation', status: 'pass', summary: '20,000 rows of data/train.csv match data/schema.yml' },
        { name: 'drift', status: 'warn', summary: '1 of 5 columns drifted against the champion\'s profile (delay: Wasserstein 0.12)' },
      ],
      history: [
        { version: 'v1', metrics: { roc_auc: 0.6439495869241084 } },
        { version: 'v2', metrics: champion },
      ],
      lineage,
      runUrl: 'https://github.com/octo-org/flights/actions/runs/123456789',
    };
  });

  it('reads well: matches the rendered sample in docs/samples/pr-comment.md', async () => {
    await expect(renderPrComment(report)).toMatchFileSnapshot('../../docs/samples/pr-comment.md');
  });

  it('leads with the marker and the verdict, then the table with intervals', () => {
    const body = renderPrComment(report);
    const lines = body.split('\n');
    expect(lines[0]).toBe(commentMarker('flight-delays'));
    expect(lines[1]).toMatch(/^## (✅|❌|⚠️) trainyard: flight-delays /);
    expect(body).toContain('| metric | champion v2 | candidate | change | 95% interval | gate |');
    expect(body).toMatch(/^\| roc_auc ↑ \| 0\.6542 \| 0\.6591 \| \+0\.0048 \(\+0\.7%\) \| \[[^\]]+\] \| ✅ pass \|$/m);
    expect(body).toContain('```mermaid\nxychart-beta');
    expect(body).toContain('| v1 | 0.6439 |');
    expect(body).toContain('<details><summary>Lineage</summary>');
  });

  it('gives the job summary without the marker, and a check-run output', () => {
    expect(renderJobSummary(report)).toBe(renderPrComment(report).slice(commentMarker('flight-delays').length + 1));
    const check = renderCheckOutput(report);
    expect(check.conclusion).toBe('success');
    expect(check.title).toBe('pass: all 3 gated metrics met the policy');
  });
});

function metric(index: number): MetricComparison {
  return { name: `segment_${index}_${'x'.repeat(60)}.roc_auc`, candidate: 0.7, baseline: 0.69, delta: 0.01, relative: 0.0145, ci: [0.001, 0.02], pass: true, status: 'pass', reason: `meets the rule ${'because '.repeat(10)}`, greaterIsBetter: true, test: null };
}

describe('GitHub\'s size limits', () => {
  const huge: Comparison = { verdict: 'fail', metrics: Array.from({ length: 3000 }, (_, i) => metric(i)), hasBaseline: true, significance: null, summary: 'fail: many metrics' };

  it.each([
    ['PR comment', (report: ComparisonReport) => renderPrComment(report), COMMENT_LIMIT],
    ['job summary', (report: ComparisonReport) => renderJobSummary(report), COMMENT_LIMIT],
    ['check output', (report: ComparisonReport) => renderCheckOutput(report).summary, COMMENT_LIMIT - 1],
  ])('keeps the %s under the limit, verdict first, saying what was left out', (_, render, limit) => {
    const text = render({ model: 'big', comparison: huge, lineage, history: [{ version: 'v1', metrics: {} }] });
    expect(text.length).toBeLessThanOrEqual(limit);
    expect(text).toContain('## ❌ trainyard: big fails');
    expect(text).toMatch(/_\d+ more rows left out to stay under GitHub's size limit\._/);
  });

  it('drops the least important sections first', () => {
    const text = fitSections([{ text: 'a'.repeat(50), priority: 9 }, { text: 'b'.repeat(50), priority: 1 }, { text: 'c'.repeat(50), priority: 5 }], 110);
    expect(text).toBe(`${'a'.repeat(50)}\n\n${'c'.repeat(50)}\n`);
  });
});

describe('the report of other verdicts', () => {
  const base = compareModels({
    candidate: { metrics: { roc_auc: 0.6, log_loss: 0.5 }, file: 'c.json' },
    baseline: null,
    policy: { rules: { roc_auc: { greater_is_better: true, threshold: 0.65 } }, significance: null },
  });

  it('says a first model has no baseline, and fails the check', () => {
    const text = renderPrComment({ model: 'm', comparison: base });
    expect(text).toContain('## ❌ trainyard: m fails');
    expect(text).toContain('with no baseline yet (first model: threshold rules only)');
    expect(text).toMatch(/^\| roc_auc ↑ \| — \| 0\.6000 \| — \| ❌ fail \|$/m);
    expect(renderCheckOutput({ model: 'm', comparison: base }).conclusion).toBe('failure');
  });

  it('marks inconclusive as blocking', () => {
    const comparison: Comparison = { ...base, verdict: 'inconclusive', summary: 'inconclusive: roc_auc changed within the noise' };
    expect(renderPrComment({ model: 'm', comparison })).toContain('## ⚠️ trainyard: m is inconclusive');
    expect(renderCheckOutput({ model: 'm', comparison }).conclusion).toBe('failure');
  });
});

describe('lineChart', () => {
  it('writes an xychart with quoted labels and a padded axis', () => {
    expect(lineChart({ title: 'auc "by" version', axis: 'auc', points: [{ label: 'v1', value: 0.6 }, { label: 'candidate', value: 0.7 }] })).toBe(
      ['```mermaid', 'xychart-beta', '  title "auc \'by\' version"', '  x-axis ["v1", "candidate"]', '  y-axis "auc" 0.59 --> 0.71', '  line [0.6, 0.7]', '```'].join('\n'),
    );
  });
});

describe('the judged commit', () => {
  const sha = 'a'.repeat(40);
  const forged = `<!-- trainyard-commit:${'f'.repeat(40)} -->`;

  it('is read from the last line only, so a marker inside the text is never believed', () => {
    expect(judgedCommit(`<!-- trainyard:m -->\n${forged}\nbody\n${commitMarker(sha)}`)).toBe(sha);
    expect(judgedCommit(`<!-- trainyard:m -->\nbody\n${forged}\nmore`)).toBeNull();
  });

  it('is the last line of the comment the renderer writes, even when the report is cut to fit', () => {
    const huge: Comparison = { verdict: 'fail', metrics: Array.from({ length: 3000 }, (_, i) => metric(i)), hasBaseline: true, significance: null, summary: '' };
    const body = renderPrComment({ model: 'm', comparison: huge, commit: sha });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.endsWith(`\n${commitMarker(sha)}`)).toBe(true);
    expect(judgedCommit(body)).toBe(sha);
    expect(renderJobSummary({ model: 'm', comparison: huge, commit: sha })).not.toContain('trainyard-commit');
  });

  it('quotes a hostile problem text and keeps it short', () => {
    const body = renderPrComment({ model: 'm', comparison: null, problem: `metrics.json: metric "x" is "${'@team '.repeat(1000)}${forged}"`, commit: sha });
    expect(body).toContain('## ❌ trainyard: m: no comparison');
    expect(body).not.toContain(forged);
    expect(body).not.toMatch(/(^|[^\u200b])@team/);
    expect(body.length).toBeLessThan(2500);
  });
});
