/**
 * ColumnEvidence answered by DuckDB. Both sides arrive as relations of (v, n): grouped
 * raw data, or a profile's value counts or sample. They are joined into one table of
 * distinct values with a count per side, and every question is one query over it.
 */
import { quoteIdentifier, type DataEngine } from '../data/engine.ts';
import type { ColumnEvidence, ColumnKind, HistogramCounts, SideSummary, ValueCount } from './types.ts';

export interface EvidenceRequest {
  kind: ColumnKind;
  /** SQL returning (v, n): distinct non-null values and their counts. */
  reference: string;
  current: string;
  /** Name of the temporary table to build. */
  table: string;
  /** Replaces the reference's standard deviation (a profile knows it exactly, its sample does not). */
  referenceStd?: number;
}

const num = (value: unknown): number => (value === null || value === undefined ? Number.NaN : Number(value));
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** SQL for the bin of each value among uniform `edges`, exact at the edges (numpy's rule). */
function histogramSql(table: string, edges: number[]): string {
  const k = edges.length - 1;
  const literal = (x: number) => x.toPrecision(17);
  const list = `([${edges.map(literal).join(', ')}]::DOUBLE[])`;
  const lo = edges[0]!;
  const hi = edges[k]!;
  const guess = `least(greatest(floor((v - ${literal(lo)}) / ${literal(hi - lo)} * ${k})::BIGINT, 0), ${k - 1})`;
  const bin = `CASE WHEN v < ${list}[g + 1] THEN g - 1 WHEN g < ${k - 1} AND v >= ${list}[g + 2] THEN g + 1 ELSE g END`;
  return (
    `SELECT ${bin} AS b, sum(r) AS r, sum(c) AS c FROM (SELECT v, r, c, ${guess} AS g FROM ${table} ` +
    `WHERE v >= ${literal(lo)} AND v <= ${literal(hi)}) GROUP BY b`
  );
}

export async function duckdbEvidence(engine: DataEngine, request: EvidenceRequest): Promise<ColumnEvidence> {
  const table = quoteIdentifier(request.table);
  await engine.query(
    `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT v, sum(r)::DOUBLE AS r, sum(c)::DOUBLE AS c FROM (` +
      `SELECT v, n AS r, 0 AS c FROM (${request.reference}) UNION ALL SELECT v, 0 AS r, n AS c FROM (${request.current})) GROUP BY v`,
  );
  const numerical = request.kind === 'numerical';
  const moments = numerical
    ? `, sum(r * v) FILTER (WHERE r > 0) / sum(r) AS mr, sum(c * v) FILTER (WHERE c > 0) / sum(c) AS mc`
    : ', NULL AS mr, NULL AS mc';
  const range = numerical
    ? `, min(v) FILTER (WHERE r > 0) AS minr, max(v) FILTER (WHERE r > 0) AS maxr, min(v) FILTER (WHERE c > 0) AS minc, max(v) FILTER (WHERE c > 0) AS maxc`
    : ', NULL AS minr, NULL AS maxr, NULL AS minc, NULL AS maxc';
  const [facts] = await engine.query(
    `SELECT sum(r) AS nr, sum(c) AS nc, count(*) FILTER (WHERE r > 0) AS dr, count(*) FILTER (WHERE c > 0) AS dc, count(*) AS du${range}${moments} FROM ${table}`,
  );
  let stdR: number | null = null;
  let stdC: number | null = null;
  if (numerical && facts) {
    const [spread] = await engine.query(
      `SELECT sqrt(sum(r * (v - ${num(facts.mr) || 0}) ^ 2) / sum(r)) AS sr, sqrt(sum(c * (v - ${num(facts.mc) || 0}) ^ 2) / sum(c)) AS sc FROM ${table}`,
    );
    stdR = numOrNull(spread?.sr);
    stdC = numOrNull(spread?.sc);
  }
  const side = (rows: unknown, distinct: unknown, min: unknown, max: unknown, mean: unknown, std: number | null): SideSummary => ({
    rows: num(rows) || 0,
    distinct: num(distinct) || 0,
    min: numOrNull(min),
    max: numOrNull(max),
    mean: numerical ? numOrNull(mean) : null,
    std,
  });
  const reference = side(facts?.nr, facts?.dr, facts?.minr, facts?.maxr, facts?.mr, request.referenceStd ?? stdR);
  const current = side(facts?.nc, facts?.dc, facts?.minc, facts?.maxc, facts?.mc, stdC);

  let cdf: Promise<{ d: number; w: number }> | undefined;
  const cdfFacts = () =>
    (cdf ??= engine
      .query(
        `SELECT max(abs(fr - fc)) AS d, sum(abs(fr - fc) * (nv - v)) AS w FROM (` +
          `SELECT v, sum(r) OVER w / ${reference.rows} AS fr, sum(c) OVER w / ${current.rows} AS fc, lead(v) OVER (ORDER BY v) AS nv ` +
          `FROM ${table} WINDOW w AS (ORDER BY v ROWS UNBOUNDED PRECEDING))`,
      )
      .then(([row]) => ({ d: num(row?.d), w: num(row?.w) || 0 })));

  return {
    kind: request.kind,
    reference,
    current,
    distinct: num(facts?.du) || 0,
    ecdfDistance: async () => (await cdfFacts()).d,
    wasserstein: async () => (await cdfFacts()).w,
    async valueCounts(): Promise<ValueCount[]> {
      const rows = await engine.query(`SELECT v, r, c FROM ${table} ORDER BY v`);
      return rows.map((row) => ({ value: numerical ? num(row.v) : String(row.v), reference: num(row.r), current: num(row.c) }));
    },
    async histogram(edges: number[]): Promise<HistogramCounts> {
      const bins = edges.length - 1;
      const rows = await engine.query(histogramSql(table, edges));
      const out: HistogramCounts = { reference: new Array<number>(bins).fill(0), current: new Array<number>(bins).fill(0) };
      for (const row of rows) {
        const b = num(row.b);
        out.reference[b]! += num(row.r);
        out.current[b]! += num(row.c);
      }
      return out;
    },
  };
}
