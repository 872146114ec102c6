import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

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

  it('scores a held-out fifth of the training file, by row id', async () => {
    const ids = new Set(parseCsv(await readFile(path.join(EXAMPLE, 'data/train.csv'), 'utf8')).map((row) => Number(row.id)));
    expect(predictions).toHaveLength(4000);
    expect(metrics.holdout_rows).toBe(4000);
    expect(metrics.train_rows).toBe(16000);
    expect(predictions.every((row) => ids.has(row.id))).toBe(true);
    expect(new Set(predictions.map((row) => row.id)).size).toBe(4000);
  });

  it('reports metrics that follow from its own predictions', () => {
    const positives = predictions.filter((row) => row.label === 1).length;
    const correct = predictions.filter((row) => (row.score >= 0.5 ? 1 : 0) === row.label).length;
    expect(metrics.positive_rate).toBeCloseTo(positives / 4000, 12);
    expect(metrics.accuracy).toBeCloseTo(correct / 4000, 12);
    expect(metrics.baseline_accuracy).toBeCloseTo(1 - positives / 4000, 12);
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
