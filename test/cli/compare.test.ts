import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComparisonDocument } from '../../src/metrics/comparison-document.ts';
import { runCli } from '../helpers/cli.ts';

const predictions = path.resolve('test/fixtures/metrics/flight-delays-predictions.csv');
const config = path.resolve('examples/flight-delays/.github/trainyard.yml');

describe('trainyard compare', () => {
  let dir: string;
  const write = (name: string, text: string) => writeFile(path.join(dir, name), text);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'trainyard-compare-'));
    await write('candidate.json', JSON.stringify({ roc_auc: 0.66, log_loss: 0.48, accuracy: 0.79, eval: { rows: 4000 } }));
    await write('baseline.yaml', 'roc_auc: 0.65\nlog_loss: 0.49\naccuracy: 0.78\neval:\n  rows: 4000\n');
    await write('worse.csv', 'name,value\nroc_auc,0.651\nlog_loss,0.47\naccuracy,0.8\n');
    // The baseline model: the candidate's scores rounded to one decimal (same rows, same labels).
    const lines = (await readFile(predictions, 'utf8')).trim().split('\n');
    const rounded = lines.slice(1).map((line) => {
      const [id, label, score] = line.split(',');
      return `${id},${label},${Math.round(Number(score) * 10) / 10}`;
    });
    await write('baseline-predictions.csv', `${lines[0]}\n${rounded.join('\n')}\n`);
    // The example's policy without its evaluation section: these predictions are not its evaluation rows.
    await write('example-policy.yml', 'policy:\n  roc_auc: { greater_is_better: true, threshold: 0.6, min_absolute_change: 0.002 }\n  log_loss: { greater_is_better: false, min_relative_change: 0.0 }\n  accuracy: { greater_is_better: true, threshold: 0.5 }\n');
    await write('gate.yml', 'policy:\n  roc_auc: { greater_is_better: true, min_absolute_change: 0.012 }\nsignificance: { confidence: 0.95, resamples: 200, seed: 7 }\n');
  });

  it('passes a candidate that meets the policy: exit 0 and the comparison.json contract', async () => {
    const result = await runCli(['compare', '--candidate', 'candidate.json', '--baseline', 'baseline.yaml', '--policy', config, '--json', '--out', 'comparison.json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const document = JSON.parse(result.stdout) as ComparisonDocument;
    expect(document).toMatchObject({ verdict: 'pass', model: 'flight-delays', candidate: 'candidate.json', baseline: 'baseline.yaml' });
    expect(Object.keys(document.metrics[0]!)).toEqual(expect.arrayContaining(['name', 'candidate', 'baseline', 'delta', 'relative', 'ci', 'pass', 'reason']));
    expect(document.metrics.map((metric) => metric.name)).toEqual(['roc_auc', 'log_loss', 'accuracy', 'eval.rows']);
    expect(await readFile(path.join(dir, 'comparison.json'), 'utf8')).toBe(result.stdout);
  });

  it('fails a candidate that misses a rule: exit 1, the reason in the report', async () => {
    const result = await runCli(['compare', '--candidate', 'worse.csv', '--baseline', 'baseline.yaml', '--policy', config, '--markdown', 'report.md'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('## ❌ trainyard: flight-delays fails');
    expect(result.stdout).toContain('**roc_auc** ❌ fail: 0.6510 < baseline 0.6500 + 0.0020');
    expect(await readFile(path.join(dir, 'report.md'), 'utf8')).toBe(result.stdout);
  });

  it('judges a first model by thresholds only', async () => {
    const result = await runCli(['compare', '--candidate', 'candidate.json', '--policy', config, '--json'], { cwd: dir });
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as ComparisonDocument;
    expect(document.baseline).toBeNull();
    expect(document.metrics[1]).toMatchObject({ name: 'log_loss', pass: true, reason: 'no baseline (first model): only the threshold applies' });
  });

  it('adds paired intervals, McNemar and DeLong from both models\' predictions', async () => {
    const result = await runCli(['compare', '--candidate-predictions', predictions, '--baseline-predictions', 'baseline-predictions.csv', '--policy', 'example-policy.yml', '--task', 'binary', '--resamples', '200', '--json', '--metrics-out', 'computed.json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const document = JSON.parse(result.stdout) as ComparisonDocument;
    // --metrics-out: the candidate's metrics as trainyard computed them from its predictions.
    const computed = JSON.parse(await readFile(path.join(dir, 'computed.json'), 'utf8')) as Record<string, number>;
    expect(computed.roc_auc).toBe(document.metrics.find((metric) => metric.name === 'roc_auc')!.candidate);
    expect(Object.keys(computed)).toEqual(expect.arrayContaining(['roc_auc', 'accuracy', 'log_loss']));
    expect(document.significance).toMatchObject({ gating: false, resamples: 200, seed: 42, rows: { shared: 4000, candidateOnly: 0, baselineOnly: 0 } });
    const auc = document.metrics.find((metric) => metric.name === 'roc_auc')!;
    expect(auc.ci![0]).toBeLessThan(auc.delta!);
    expect(auc.ci![1]).toBeGreaterThan(auc.delta!);
    expect(auc.test).toMatchObject({ test: 'delong' });
    expect(document.metrics.find((metric) => metric.name === 'accuracy')!.test).toMatchObject({ test: 'mcnemar-exact' });
  });

  it('is inconclusive when the significance gate finds the gain within the noise: exit 1', async () => {
    const result = await runCli(['compare', '--candidate-predictions', predictions, '--baseline-predictions', 'baseline-predictions.csv', '--policy', 'gate.yml', '--task', 'binary', '--json'], { cwd: dir });
    const document = JSON.parse(result.stdout) as ComparisonDocument;
    const auc = document.metrics[0]!;
    // The point gain (about 0.0137) meets the 0.012 rule, but its interval crosses 0.012.
    expect(auc.delta!).toBeGreaterThan(0.012);
    expect(auc.ci![0]).toBeLessThan(0.012);
    expect(auc.ci![1]).toBeGreaterThan(0.012);
    expect(auc.reason).toContain('the 95% interval crosses the rule\'s bound');
    expect(document.verdict).toBe('inconclusive');
    expect(result.code).toBe(1);
  });

  it.each([
    ['NaN in YAML', 'bad.yaml', 'roc_auc: .nan\n', /bad\.yaml: metric "roc_auc" is NaN; expected a finite number/],
    ['a nested string in JSON', 'bad.json', '{"eval": {"roc_auc": "high"}}', /bad\.json: metric "eval\.roc_auc" is "high"; expected a finite number/],
    ['Infinity in CSV', 'bad.csv', 'roc_auc,log_loss\ninf,0.4\n', /bad\.csv:2: metric "roc_auc" is "inf"; expected a finite number/],
    ['a word in TSV', 'bad.tsv', 'name\tvalue\nroc_auc\tgood\n', /bad\.tsv:2: metric "roc_auc" is "good"; expected a finite number/],
    ['a policy metric the file lacks', 'partial.json', '{"roc_auc": 0.7, "accuracy": 0.8}', /partial\.json: no metric "log_loss"/],
    ['invalid JSON', 'broken.json', '{"roc_auc": 0.8,', /broken\.json: invalid JSON/],
    ['Python\'s NaN', 'nan.json', '{"roc_auc": NaN, "note": "NaN"}', /nan\.json: metric "roc_auc" is NaN \(Python's json\.dump writes it for a float that is not a number\); expected a finite number/],
  ])('refuses a bad metrics file (%s) with exit 2 naming the file and key', async (_, name, text, message) => {
    await write(name, text);
    const result = await runCli(['compare', '--candidate', name, '--baseline', 'baseline.yaml', '--policy', config, '--out', `${name}.out.json`], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    await expect(readFile(path.join(dir, `${name}.out.json`))).rejects.toThrow();
  });

  it.each([
    ['no candidate', ['--baseline', 'baseline.yaml'], /expected --candidate <metrics> or --candidate-predictions <file>/],
    ['a policy with a bad rule', ['--candidate', 'candidate.json', '--policy', 'rule.yml'], /rule\.yml:2:\d+: policy\.roc_auc\.min_absolute_change:/],
    ['predictions without a task', ['--candidate-predictions', predictions, '--policy', 'gate-notask.yml'], /--task is needed/],
    ['an out-of-range confidence', ['--candidate', 'candidate.json', '--confidence', '95'], /--confidence 95: expected a number between 0 and 1/],
    ['--metrics-out without predictions', ['--candidate', 'candidate.json', '--metrics-out', 'computed.json'], /^trainyard: --metrics-out needs --candidate-predictions: it writes the metrics trainyard computes from them\n$/],
  ])('refuses %s with exit 2', async (_, args, message) => {
    await write('rule.yml', 'policy:\n  roc_auc: { greater_is_better: true, min_absolute_change: 0 }\n');
    await write('gate-notask.yml', 'policy: {}\n');
    const result = await runCli(['compare', ...args], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
