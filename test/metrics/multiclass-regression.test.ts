import { describe, expect, it } from 'vitest';
import { MULTICLASS_METRICS, multiclassMetrics, prepareMulticlass } from '../../src/metrics/multiclass.ts';
import { sortClasses } from '../../src/metrics/prediction-columns.ts';
import { REGRESSION_METRICS, regressionMetrics } from '../../src/metrics/regression.ts';
import { unitWeights, type MulticlassRows } from '../../src/metrics/types.ts';
import { fixture, TOLERANCE } from './fixtures.ts';

interface MulticlassCase {
  name: string;
  label: Array<string | number>;
  prediction?: Array<string | number>;
  probabilities?: Record<string, number[]>;
  expected: Record<string, number>;
}

interface RegressionCase {
  name: string;
  label: number[];
  prediction: number[];
  expected: Record<string, number>;
}

function multiclassRows(c: MulticlassCase): MulticlassRows {
  const seen = new Set([...c.label, ...(c.prediction ?? []), ...Object.keys(c.probabilities ?? {})].map(String));
  const classes = sortClasses([...seen]);
  const code = (value: string | number) => classes.indexOf(String(value));
  const probabilities = c.probabilities ? classes.map((name) => Float64Array.from(c.probabilities![name]!)) : null;
  let predicted: Int32Array;
  if (c.prediction) predicted = Int32Array.from(c.prediction.map(code));
  else predicted = Int32Array.from(c.label.map((_, i) => probabilities!.reduce((best, column, k) => (column[i]! > probabilities![best]![i]! ? k : best), 0)));
  return { task: 'multiclass', classes, label: Int32Array.from(c.label.map(code)), predicted, probabilities };
}

describe('multiclass metrics equal scikit-learn 1.2', () => {
  it.each(fixture<{ cases: MulticlassCase[] }>('multiclass.json').cases)('$name', (c) => {
    const values = multiclassMetrics(prepareMulticlass(multiclassRows(c)), unitWeights(c.label.length));
    for (const name of MULTICLASS_METRICS) {
      const expected = c.expected[name];
      if (expected === undefined) expect(values[name], name).toBeNaN();
      else expect(Math.abs(values[name]! - expected), `${name}: ${values[name]} vs ${expected}`).toBeLessThanOrEqual(TOLERANCE);
    }
  });
});

describe('regression metrics equal scikit-learn 1.2', () => {
  it.each(fixture<{ cases: RegressionCase[] }>('regression.json').cases)('$name', (c) => {
    const values = regressionMetrics({ task: 'regression', label: Float64Array.from(c.label), predicted: Float64Array.from(c.prediction) }, unitWeights(c.label.length));
    for (const name of REGRESSION_METRICS) {
      // MAPE divides by eps for a zero label, so its scale is ~1e15: compare relatively.
      const scale = Math.max(1, Math.abs(c.expected[name]!));
      expect(Math.abs(values[name]! - c.expected[name]!) / scale, `${name}: ${values[name]} vs ${c.expected[name]}`).toBeLessThanOrEqual(TOLERANCE);
    }
  });
});

describe('sortClasses', () => {
  it.each([
    [['10', '2', '1'], ['1', '2', '10']],
    [['dog', 'cat', 'Eel'], ['Eel', 'cat', 'dog']],
    [['1', 'b', '10'], ['1', '10', 'b']],
  ])('%j sorts as sklearn sorts labels: %j', (input, expected) => {
    expect(sortClasses(input)).toEqual(expected);
  });
});
