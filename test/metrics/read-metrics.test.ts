import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenMetrics, metricValue, parseMetricsText, readMetricsFile, type MetricFileFormat } from '../../src/metrics/read-metrics.ts';
import { renderMetrics } from '../../src/metrics/write-metrics.ts';

describe('metrics files in DVC\'s formats', () => {
  it.each<[string, MetricFileFormat, string, Record<string, number>]>([
    ['nested JSON', 'json', '{"eval": {"roc_auc": 0.7, "loss": {"log": 0.4}}, "rows": 10}', { 'eval.roc_auc': 0.7, 'eval.loss.log': 0.4, rows: 10 }],
    ['nested YAML', 'yaml', 'eval:\n  roc_auc: 0.7\n  loss: { log: 0.4 }\nrows: 10\n', { 'eval.roc_auc': 0.7, 'eval.loss.log': 0.4, rows: 10 }],
    ['YAML exponents', 'yaml', 'tiny: 1.5e-7\n', { tiny: 1.5e-7 }],
    ['wide CSV', 'csv', 'roc_auc,eval.log_loss\n0.7,0.4\n', { roc_auc: 0.7, 'eval.log_loss': 0.4 }],
    ['long CSV', 'csv', 'name,value\nroc_auc,0.7\n"eval.log,loss",0.4\n', { roc_auc: 0.7, 'eval.log,loss': 0.4 }],
    ['CSV with CRLF and a BOM', 'csv', '\uFEFFmetric,value\r\nroc_auc,0.7\r\n', { roc_auc: 0.7 }],
    ['wide TSV', 'tsv', 'roc_auc\tlog_loss\n0.7\t0.4\n', { roc_auc: 0.7, log_loss: 0.4 }],
  ])('%s', (_, format, text, expected) => {
    expect(parseMetricsText(text, format, `m.${format}`)).toEqual(expected);
  });

  it.each<[string, MetricFileFormat, string, RegExp]>([
    ['NaN in YAML', 'yaml', 'a:\n  b: .nan\n', /^m: metric "a\.b" is NaN; expected a finite number$/],
    ['Infinity in YAML', 'yaml', 'a: .inf\n', /metric "a" is Infinity/],
    ['a string in YAML', 'yaml', 'a: "0.5"\n', /metric "a" is "0\.5"/],
    ['a boolean in JSON', 'json', '{"a": true}', /metric "a" is true/],
    ['null in JSON', 'json', '{"a": null}', /metric "a" is null/],
    ['a list in JSON', 'json', '{"a": [1, 2]}', /metric "a" is \[1,2\]/],
    ['NaN in JSON (Python\'s json.dump)', 'json', '{"a": NaN}', /^m: metric "a" is NaN \(Python's json\.dump writes it for a float that is not a number\); expected a finite number$/],
    ['-Infinity in JSON, inside a nested object', 'json', '{"eval": {"loss": -Infinity}, "note": "NaN is fine in a string"}', /^m: metric "eval\.loss" is -Infinity/],
    ['invalid JSON', 'json', '{"a": NaNa}', /^m: invalid JSON/],
    ['a top-level list', 'json', '[1]', /expected an object of metric names to numbers/],
    ['an empty object', 'json', '{}', /holds no metrics/],
    ['invalid YAML', 'yaml', 'a: [1\n', /^m:\d+:\d+: invalid YAML/],
    ['duplicate YAML keys', 'yaml', 'a: 1\na: 2\n', /invalid YAML/],
    ['an empty CSV cell', 'csv', 'a,b\n0.5,\n', /^m:2: metric "b" is ""; expected a finite number$/],
    ['NaN in CSV', 'csv', 'name,value\na,NaN\n', /^m:2: metric "a" is "NaN"/],
    ['two value rows', 'csv', 'a,b\n1,2\n3,4\n', /has 2 rows of values; expected a header of metric names and exactly one row/],
    ['too few values', 'csv', 'a,b\n1\n', /m:2: has 1 values for 2 metric names/],
    ['a repeated name', 'csv', 'name,value\na,1\na,2\n', /m:3: metric "a" appears twice/],
    ['an empty CSV', 'csv', '\n', /holds no metrics/],
  ])('refuses %s, naming the key and file', (_, format, text, message) => {
    expect(() => parseMetricsText(text, format, 'm')).toThrow(message);
  });

  it('reads by extension and names a missing key with the closest one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-metrics-'));
    const file = path.join(dir, 'metrics.yml');
    await writeFile(file, 'eval:\n  roc_auc: 0.7\n');
    const values = await readMetricsFile(file);
    expect(values).toEqual({ 'eval.roc_auc': 0.7 });
    expect(() => metricValue(values, 'eval.roc_acu', file)).toThrow(`${file}: no metric "eval.roc_acu" (did you mean "eval.roc_auc"?); it has: eval.roc_auc`);
    await expect(readMetricsFile(path.join(dir, 'none.json'))).rejects.toThrow('none.json: cannot read the metrics file (ENOENT)');
  });

  it('keeps flattenMetrics, the API the trainer artifacts use', () => {
    expect(flattenMetrics({ a: { b: 1 } }, 'f')).toEqual({ 'a.b': 1 });
  });

  it.each(['m.json', 'm.yaml', 'm.csv', 'm.tsv'])('writes %s so that it reads back the same', (file) => {
    const values = { roc_auc: 0.6590506287568338, 'eval.rows': 4000, tiny: 1.5e-12 };
    expect(parseMetricsText(renderMetrics(values, file), path.extname(file).slice(1) as MetricFileFormat, file)).toEqual(values);
  });
});
