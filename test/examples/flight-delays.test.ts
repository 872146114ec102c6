import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { inEvaluationSplit } from '../../src/metrics/evaluation-set.ts';

const exec = promisify(execFile);
const EXAMPLE = path.resolve('examples/flight-delays');

async function train(env: Record<string, string>): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), 'trainyard-fd-'));
  await exec(process.execPath, ['train.mjs'], { cwd: EXAMPLE, env: { PATH: process.env.PATH, TRAINYARD_OUTPUT_DIR: out, ...env } });
  return out;
}

function parseCsv(text: string): Array<Record<string, string>> {
  const [header, ...rows] = text.trim().split('\n');
  const columns = header!.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((value, i) => [columns[i], value])));
}

describe('the flight-delays example trainer', () => {
  let out: string;
  let metrics: Record<string, number>;
  let predictions: Array<{ id: number; label: number; score: number }>;

  beforeAll(async () => {
    out = await train({ TRAINYARD_SEED: '42' });
    metrics = JSON.parse(await readFile(path.join(out, 'metrics.json'), 'utf8')) as Record<string, number>;
    predictions = parseCsv(await readFile(path.join(out, 'predictions.csv'), 'utf8')).map((row) => ({ id: Number(row.id), label: Number(row.label), score: Number(row.score) }));
  });

  it('scores the rows whose id hashes below the holdout fraction, the rows trainyard evaluates', async () => {
    const ids = parseCsv(await readFile(path.join(EXAMPLE, 'data/train.csv'), 'utf8')).map((row) => row.id!);
    const held = ids.filter((id) => inEvaluationSplit(id, 0.2)).map(Number).sort((a, b) => a - b);
    expect(held).toHaveLength(3980);
    expect(metrics.holdout_rows).toBe(3980);
    expect(metrics.train_rows).toBe(16020);
    expect(predictions.map((row) => row.id)).toEqual(held);
  });

  it('holds out the same rows for another seed, so a changed seed leaves the comparison on identical rows', async () => {
    const other = await train({ TRAINYARD_SEED: '7' });
    const rows = parseCsv(await readFile(path.join(other, 'predictions.csv'), 'utf8'));
    expect(rows.map((row) => Number(row.id))).toEqual(predictions.map((row) => row.id));
    expect(rows.map((row) => row.score)).not.toEqual(predictions.map((row) => String(row.score)));
  });

  it('reports metrics that follow from its own predictions', () => {
    const positives = predictions.filter((row) => row.label === 1).length;
    const correct = predictions.filter((row) => (row.score >= 0.5 ? 1 : 0) === row.label).length;
    expect(metrics.positive_rate).toBeCloseTo(positives / 3980, 12);
    expect(metrics.accuracy).toBeCloseTo(correct / 3980, 12);
    expect(metrics.baseline_accuracy).toBeCloseTo(1 - positives / 3980, 12);
    expect(metrics.baseline_roc_auc).toBe(0.5);
  });

  it('beats the always-on-time baseline where it should', () => {
    expect(metrics.roc_auc).toBeGreaterThan(metrics.baseline_roc_auc! + 0.1);
    expect(metrics.log_loss).toBeLessThan(metrics.baseline_log_loss!);
    expect(metrics.brier).toBeLessThan(metrics.baseline_brier!);
  });

  it('is deterministic for a seed', async () => {
    const again = await train({ TRAINYARD_SEED: '42' });
    expect(await readFile(path.join(again, 'predictions.csv'), 'utf8')).toBe(await readFile(path.join(out, 'predictions.csv'), 'utf8'));
  });

  it('refuses an unknown parameter with exit code 2 and one line', async () => {
    const failure = await train({ TRAINYARD_PARAMS: '{"epochz": 3}' }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
    expect((failure as { stderr: string }).stderr).toContain('epochz');
  });
});
