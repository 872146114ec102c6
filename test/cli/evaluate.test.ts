import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataEngine } from '../../src/data/engine.ts';
import type { EvaluationResult } from '../../src/metrics/evaluate.ts';
import { readMetricsFile } from '../../src/metrics/read-metrics.ts';
import { runCli } from '../helpers/cli.ts';
import { fixture, TOLERANCE } from '../metrics/fixtures.ts';

const predictions = path.resolve('test/fixtures/metrics/flight-delays-predictions.csv');
const trainData = path.resolve('examples/flight-delays/data/train.csv');
const reference = fixture<{ cases: Array<{ name: string; expected: Record<string, number> }>; slices_by_origin: Record<string, Record<string, number>> }>('binary.json');
const exampleExpected = reference.cases.find((c) => c.name === 'flight-delays example')!.expected;

function expectClose(actual: Record<string, number>, expected: Record<string, number>): void {
  for (const [name, value] of Object.entries(expected)) {
    if (name === 'rows') continue;
    expect(Math.abs(actual[name]! - value), name).toBeLessThanOrEqual(TOLERANCE);
  }
}

describe('trainyard evaluate', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'trainyard-evaluate-'));
  });

  it('computes the binary metrics of the example\'s predictions as sklearn does, and writes them', async () => {
    const result = await runCli(['evaluate', '--predictions', predictions, '--task', 'binary', '--json', '--out', 'metrics.yaml'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const parsed = JSON.parse(result.stdout) as EvaluationResult;
    expect(parsed.rows).toBe(4000);
    expectClose(parsed.metrics, exampleExpected);
    expect(parsed.confusionMatrix).toEqual([[3147, 8], [836, 9]]);
    expectClose(await readMetricsFile(path.join(dir, 'metrics.yaml')), exampleExpected);
  });

  it('reads Parquet the same as CSV', async () => {
    const parquet = path.join(dir, 'predictions.parquet');
    const engine = await DataEngine.open();
    await engine.query(`COPY (SELECT * FROM read_csv('${predictions}')) TO '${parquet}' (FORMAT parquet)`);
    engine.close();
    const result = await runCli(['evaluate', '-p', parquet, '-t', 'binary', '--json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expectClose((JSON.parse(result.stdout) as EvaluationResult).metrics, exampleExpected);
  });

  it('slices by a column of the evaluation data joined on id, each segment as sklearn computes it', async () => {
    const result = await runCli(['evaluate', '-p', predictions, '-t', 'binary', '--slice-by', 'origin', '--data', trainData, '--json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const { slices } = JSON.parse(result.stdout) as EvaluationResult;
    expect(slices!.column).toBe('origin');
    expect(slices!.segments.reduce((sum, segment) => sum + segment.rows, 0)).toBe(4000);
    for (const [airport, expected] of Object.entries(reference.slices_by_origin)) {
      const segment = slices!.segments.find((s) => s.segment === airport)!;
      expect(segment.rows).toBe(expected.rows);
      expectClose(segment.metrics, expected);
    }
  });

  it('prints a readable table with the per-segment rows', async () => {
    const result = await runCli(['evaluate', '-p', predictions, '-t', 'binary', '--slice-by', 'origin', '--data', trainData], { cwd: dir });
    expect(result.stdout).toContain('4,000 rows, binary.');
    expect(result.stdout).toMatch(/^\| roc_auc \| 0\.6591 \|$/m);
    expect(result.stdout).toMatch(/^\| ORD \| [\d,]+ \| /m);
  });

  it('evaluates multiclass predictions with probability columns, and regression', async () => {
    const multi = path.join(dir, 'multi.csv');
    await writeFile(multi, 'label,score_a,score_b,score_c\na,0.7,0.2,0.1\nb,0.1,0.8,0.1\nc,0.3,0.3,0.4\na,0.2,0.5,0.3\n');
    const result = await runCli(['evaluate', '-p', multi, '-t', 'multiclass', '--json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const { metrics } = JSON.parse(result.stdout) as EvaluationResult;
    expect(metrics.accuracy).toBe(0.75);
    // log_loss by hand: −mean(ln .7, ln .8, ln .4, ln .2)
    expect(metrics.log_loss).toBeCloseTo(-(Math.log(0.7) + Math.log(0.8) + Math.log(0.4) + Math.log(0.2)) / 4, 12);
    const regression = path.join(dir, 'reg.csv');
    await writeFile(regression, 'label,prediction\n1,1.5\n2,2\n3,2\n');
    const reg = await runCli(['evaluate', '-p', regression, '-t', 'regression', '--json'], { cwd: dir });
    expect((JSON.parse(reg.stdout) as EvaluationResult).metrics.mae).toBeCloseTo(0.5, 12);
  });

  it.each([
    ['a missing file', ['-p', 'nope.csv', '-t', 'binary'], /nope\.csv: no such file/],
    ['an unknown task', ['-p', 'good.csv', '-t', 'ranking'], /--task ranking: expected one of binary, multiclass, regression/],
    ['a missing column', ['-p', 'good.csv', '-t', 'binary', '--score', 'scor'], /good\.csv: no score column "scor" \(did you mean "score"\?\)/],
    ['a label that is not 0 or 1', ['-p', 'labels.csv', '-t', 'binary'], /labels\.csv: column "label" holds "2"; expected 0 or 1/],
    ['a score that is not a number', ['-p', 'scores.csv', '-t', 'binary'], /scores\.csv: column "score" has 1 value that is not a finite number \(first: "high"\)/],
    ['an empty score', ['-p', 'empty.csv', '-t', 'binary'], /empty\.csv: column "score" has 1 value that is not a finite number \(first: empty\)/],
    ['a bad threshold', ['-p', 'good.csv', '-t', 'binary', '--threshold', 'half'], /--threshold half: expected a number/],
    ['a slice column that is not there', ['-p', 'good.csv', '-t', 'binary', '--slice-by', 'origin'], /good\.csv: no column "origin" to slice by/],
  ])('refuses %s with exit 2, one line, and nothing written', async (_, args, message) => {
    await writeFile(path.join(dir, 'good.csv'), 'id,label,score\n1,0,0.2\n2,1,0.7\n');
    await writeFile(path.join(dir, 'labels.csv'), 'id,label,score\n1,0,0.2\n2,2,0.7\n');
    await writeFile(path.join(dir, 'scores.csv'), 'id,label,score\n1,0,0.2\n2,1,high\n');
    await writeFile(path.join(dir, 'empty.csv'), 'id,label,score\n1,0,0.2\n2,1,\n');
    const result = await runCli(['evaluate', ...args, '--out', 'never.json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    await expect(readFile(path.join(dir, 'never.json'))).rejects.toThrow();
  });
});
