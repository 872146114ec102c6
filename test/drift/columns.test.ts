/**
 * Every test through the DuckDB evidence, on column pairs whose values scipy and a
 * faithful copy of Evidently's stattests computed (scripts/fixtures/drift.py).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataEngine, quoteLiteral } from '../../src/data/engine.ts';
import { duckdbEvidence } from '../../src/drift/duckdb-evidence.ts';
import type { DriftMethod } from '../../src/config/drift-methods.ts';
import { DRIFT_TESTS } from '../../src/drift/registry.ts';
import type { ColumnKind } from '../../src/drift/types.ts';
import { groupedSql } from '../../src/profile/column-sql.ts';
import { fixture, relativeError, TOLERANCE } from './fixtures.ts';

interface ColumnCase {
  name: string;
  kind: ColumnKind;
  reference: Array<number | string>;
  current: Array<number | string>;
  expected: Partial<Record<DriftMethod, { statistic: number | null; pValue: number | null }>>;
}

const cases = fixture<ColumnCase[]>('columns.json');
const rows = cases.flatMap((c, i) => Object.entries(c.expected).map(([method, expected]) => ({ ...c, index: i, method: method as DriftMethod, expected: expected! })));

function valuesSql(values: Array<number | string>, kind: ColumnKind): string {
  const literal = (v: number | string) => (kind === 'numerical' ? `${Number(v).toPrecision(17)}::DOUBLE` : quoteLiteral(String(v)));
  return `SELECT * FROM (VALUES ${values.map((v) => `(${literal(v)})`).join(', ')}) AS t(x)`;
}

describe('drift tests on column pairs (scipy, Evidently)', () => {
  let engine: DataEngine;
  beforeAll(async () => {
    engine = await DataEngine.open({ threads: 2 });
    for (const [i, c] of cases.entries()) {
      await engine.query(`CREATE TABLE ref_${i} AS ${valuesSql(c.reference, c.kind)}`);
      await engine.query(`CREATE TABLE cur_${i} AS ${valuesSql(c.current, c.kind)}`);
    }
  });
  afterAll(() => engine.close());

  it.each(rows)('$name: $method', async ({ index, kind, method, expected }) => {
    const evidence = await duckdbEvidence(engine, {
      kind,
      reference: groupedSql(`ref_${index}`, 'x', kind),
      current: groupedSql(`cur_${index}`, 'x', kind),
      table: `evidence_${index}_${method}`,
    });
    const outcome = await DRIFT_TESTS[method].run(evidence);
    if (expected.statistic === null) expect(outcome.statistic).toBeNull();
    else expect(relativeError(outcome.statistic!, expected.statistic)).toBeLessThanOrEqual(TOLERANCE);
    if (expected.pValue === null) expect(outcome.pValue).toBeNull();
    else expect(relativeError(outcome.pValue!, expected.pValue)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('reproduces the reference values of STATISTICS.md', async () => {
    const md = fixture<Record<string, number>>('statistics-md.json');
    expect(md).toMatchObject({ psi_abc: 0.2407945608651872, psi_empty_bin: 1.566420764587036, range_psi: 7.414532745869386, range_bins: 9 });
    expect(md.range_js).toBeCloseTo(0.5887050112577373, 15);
    expect(md.range_wasserstein).toBeCloseTo(1.7321374166049877, 15);
    expect(md.range_ks_p).toBeCloseTo(1.0024645454361508e-11, 20);
    const abc = async (ref: string[], cur: string[], method: DriftMethod) => {
      const name = `md_${method}_${ref.length}_${cur.length}`;
      await engine.query(`CREATE OR REPLACE TABLE ${name}_r AS ${valuesSql(ref, 'categorical')}`);
      await engine.query(`CREATE OR REPLACE TABLE ${name}_c AS ${valuesSql(cur, 'categorical')}`);
      const evidence = await duckdbEvidence(engine, { kind: 'categorical', reference: groupedSql(`${name}_r`, 'x', 'categorical'), current: groupedSql(`${name}_c`, 'x', 'categorical'), table: `${name}_e` });
      return (await DRIFT_TESTS[method].run(evidence)).statistic!;
    };
    const repeat = (spec: Array<[string, number]>) => spec.flatMap(([v, n]) => Array<string>(n).fill(v));
    const ref = repeat([['a', 50], ['b', 30], ['c', 20]]);
    const cur = repeat([['a', 30], ['b', 30], ['c', 40]]);
    expect(relativeError(await abc(ref, cur, 'psi'), 0.2407945608651872)).toBeLessThanOrEqual(TOLERANCE);
    expect(relativeError(await abc(ref, cur, 'jensenshannon'), 0.17211473103812178)).toBeLessThanOrEqual(TOLERANCE);
    const withEmpty = await abc(repeat([['a', 60], ['b', 40]]), repeat([['a', 50], ['b', 30], ['c', 20]]), 'psi');
    expect(relativeError(withEmpty, 1.566420764587036)).toBeLessThanOrEqual(TOLERANCE);
  });
});
