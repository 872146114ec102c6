/**
 * The evaluation set: rows fixed by the config, labels from the data, metrics computed
 * by trainyard from predictions joined by id. Expected values: test/fixtures/evaluation,
 * computed by Debian's python3-sklearn (make.py).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../src/config/schema.ts';
import { stableBucket } from '../../src/metrics/evaluation-set.ts';
import { evaluationCompareStage } from '../../src/metrics/stages.ts';
import { renderJobSummary } from '../../src/report/comparison-report.ts';

const fixtures = path.resolve('test/fixtures/evaluation');

interface Expected {
  fraction: number;
  evaluation_ids: number[];
  buckets: Record<string, number>;
  candidate: Record<string, number>;
  champion: Record<string, number>;
  rescored_roc_auc: number;
}

let expected: Expected;
let work: string;

const model = (policy: ModelConfig['metrics']['policy'] = { roc_auc: { greater_is_better: true, threshold: 0.6, min_absolute_change: 0.01 } }): Pick<ModelConfig, 'task' | 'metrics' | 'evaluation' | 'data'> => ({
  task: 'binary',
  data: { train: 'data.csv' },
  metrics: { file: 'metrics.json', predictions: 'predictions.csv', policy },
  evaluation: { split: { fraction: 0.25 }, id: 'id', label: 'label', tolerance: 0.0001 },
});

async function metricsFile(name: string, values: Record<string, number>): Promise<string> {
  const file = path.join(work, name);
  await writeFile(file, JSON.stringify(values));
  return file;
}

beforeAll(async () => {
  expected = JSON.parse(await readFile(path.join(fixtures, 'expected.json'), 'utf8')) as Expected;
  work = await mkdtemp(path.join(tmpdir(), 'trainyard-evaluation-'));
});

describe('stableBucket', () => {
  it('equals Python\'s hashlib reading of the id (first 8 bytes of SHA-256 over 2^64)', () => {
    for (const [id, bucket] of Object.entries(expected.buckets)) expect(stableBucket(id)).toBe(bucket);
  });
});

describe('the comparison on the evaluation set', () => {
  const compare = async (options: { reported?: Record<string, number>; champion?: string | null; policy?: ModelConfig['metrics']['policy'] } = {}) => {
    const honest = { roc_auc: expected.candidate.roc_auc!, accuracy: expected.candidate.accuracy! };
    return evaluationCompareStage({
      model: model(options.policy),
      candidate: { metrics: options.reported ?? honest, metricsFile: await metricsFile('candidate-metrics.json', options.reported ?? honest), predictions: 'candidate.csv' },
      champion: options.champion === null ? null : { tag: 'm@v1', metricsFile: await metricsFile('champion-metrics.json', { roc_auc: 0.99 }), predictions: options.champion ?? 'champion.csv' },
      cwd: fixtures,
      workDir: path.join(work, `run-${Math.random().toString(36).slice(2)}`),
    });
  };

  it('computes every metric from the predictions and the data\'s labels, both models on the same rows (sklearn values)', async () => {
    const { comparison, set } = await compare();
    expect(set.rows).toBe(expected.evaluation_ids.length);
    const row = (name: string) => comparison.metrics.find((metric) => metric.name === name)!;
    for (const name of ['roc_auc', 'accuracy', 'log_loss']) {
      expect(row(name).candidate).toBeCloseTo(expected.candidate[name]!, 12);
      expect(row(name).baseline).toBeCloseTo(expected.champion[name]!, 12);
    }
    expect(row('roc_auc').source).toBe('trainyard');
    // The champion's file claims roc_auc 0.99: the comparison uses the value computed on the rows.
    expect(comparison.verdict).toBe('pass');
    expect(comparison.significance!.rows).toEqual({ shared: expected.evaluation_ids.length, candidateOnly: 0, baselineOnly: 0 });
    const ci = row('roc_auc').ci!;
    expect(ci[0]).toBeLessThanOrEqual(row('roc_auc').delta!);
    expect(ci[1]).toBeGreaterThanOrEqual(row('roc_auc').delta!);
  });

  it('fails a trainer that inflates a metric, naming the metric and both values', async () => {
    const { comparison } = await compare({ reported: { roc_auc: 0.99, accuracy: expected.candidate.accuracy! } });
    expect(comparison.verdict).toBe('fail');
    const computed = comparison.metrics.find((metric) => metric.name === 'roc_auc')!.candidate!;
    expect(comparison.summary).toBe(`fail: the trainer reported roc_auc = 0.99, trainyard computed ${computed} on the evaluation rows`);
    const report = renderJobSummary({ model: 'm', comparison, baselineName: 'champion m@v1' });
    expect(report).toContain(`the trainer reported roc_auc = 0.99 in ${path.join(work, 'candidate-metrics.json')}, but trainyard computed ${computed}`);
  });

  it('shows a custom metric as reported by the trainer, and gates on it only with reported: true', async () => {
    const reported = { roc_auc: expected.candidate.roc_auc!, revenue_lift: 0.12 };
    const shown = await compare({ reported });
    const lift = shown.comparison.metrics.find((metric) => metric.name === 'revenue_lift')!;
    expect(lift).toMatchObject({ source: 'trainer', status: 'info', candidate: 0.12 });
    expect(renderJobSummary({ model: 'm', comparison: shown.comparison })).toMatch(/^\| revenue_lift \(reported by the trainer\) \|/m);
    const ungated = await compare({ reported, policy: { revenue_lift: { greater_is_better: true, threshold: 0.1 } } });
    expect(ungated.comparison.verdict).toBe('fail');
    expect(ungated.comparison.metrics[0]!.reason).toContain('gates only with `reported: true`');
    const gated = await compare({ reported, policy: { revenue_lift: { greater_is_better: true, threshold: 0.1, reported: true } } });
    expect(gated.comparison.metrics[0]).toMatchObject({ status: 'pass', source: 'trainer' });
  });

  it('is inconclusive, saying why, when the champion has no predictions for the current evaluation rows', async () => {
    const { comparison } = await compare({ champion: 'champion-old-set.csv' });
    expect(comparison.verdict).toBe('inconclusive');
    expect(comparison.summary).toMatch(/^inconclusive: the champion m@v1 has no predictions for \d+ of the 105 evaluation rows \(the evaluation set changed since it was trained\), and the config has no `predict` command to re-score it$/);
    const report = renderJobSummary({ model: 'm', comparison, baselineName: 'champion m@v1' });
    expect(report).not.toContain('Significance of the differences');
    expect(report).toContain('the champion m@v1 could not be judged on the evaluation rows');
  });

  it('re-scores the champion with the predict command (features without the label) when the evaluation rows changed', async () => {
    const modelDir = await mkdtemp(path.join(work, 'champion-model-'));
    const script = path.join(work, 'predict.mjs');
    await writeFile(script, [
      "import { readFileSync, writeFileSync } from 'node:fs';",
      "const [header, ...rows] = readFileSync(process.env.TRAINYARD_PREDICT_INPUT, 'utf8').trim().split('\\n');",
      "if (header !== 'id,x') { console.error('unexpected columns ' + header); process.exit(3); }",
      "if (!process.env.MODEL_DIR) process.exit(4);",
      "writeFileSync(process.env.TRAINYARD_PREDICT_OUTPUT, 'id,score\\n' + rows.map((row) => { const [id, x] = row.split(','); return id + ',' + 1 / (1 + Math.exp(-Number(x))); }).join('\\n') + '\\n');",
    ].join('\n'));
    const { comparison, rescored } = await evaluationCompareStage({
      model: { ...model(), predict: { command: `node ${script}` } },
      candidate: { metrics: { roc_auc: expected.candidate.roc_auc! }, metricsFile: await metricsFile('m.json', { roc_auc: expected.candidate.roc_auc! }), predictions: 'candidate.csv' },
      champion: { tag: 'm@v1', metricsFile: await metricsFile('c.json', { roc_auc: 0.7 }), predictions: 'champion-old-set.csv', modelDir },
      cwd: fixtures,
      workDir: path.join(work, 'rescore'),
    });
    expect(rescored).toBe(true);
    const auc = comparison.metrics.find((metric) => metric.name === 'roc_auc')!;
    expect(auc.baseline).toBeCloseTo(expected.rescored_roc_auc, 12);
    expect(comparison.significance!.rows).toEqual({ shared: expected.evaluation_ids.length, candidateOnly: 0, baselineOnly: 0 });
    expect(comparison.baselineUnavailable).toBeUndefined();
  });

  it('fails when predictions miss evaluation rows or score others, with the counts', async () => {
    await expect(compare({ champion: null, reported: { roc_auc: 0.8 } }).then(() => null)).resolves.toBeNull();
    const file = path.join(work, 'partial.csv');
    const lines = (await readFile(path.join(fixtures, 'candidate.csv'), 'utf8')).trim().split('\n');
    await writeFile(file, `${lines.slice(0, -3).join('\n')}\n1001,1,0.5\n`);
    await expect(evaluationCompareStage({
      model: model(),
      candidate: { metrics: {}, metricsFile: 'metrics.json', predictions: file },
      champion: null,
      cwd: fixtures,
      workDir: path.join(work, 'partial'),
    })).rejects.toThrow(`${file}: 3 of the 105 evaluation rows have no prediction and 1 predictions are of rows outside the evaluation set`);
  });
});
