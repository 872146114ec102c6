/**
 * Feature drift of every chunk against the reference, in a fixed number of queries
 * whatever the number of chunks: per column, the reference's distinct values and their
 * counts in one grouped query, the log's for all chunks (by chunk and value) in another,
 * each read back sorted. (One GROUPING SETS scan of every column at once holds a hash
 * table per column at the same time: several times the memory, no less work.) Each chunk's evidence
 * is then the merge of two sorted count lists, answered in typed arrays: the same
 * questions, rules and tests as `trainyard drift` asks of its DuckDB evidence.
 */
import { quoteIdentifier, type DataEngine } from '../data/engine.ts';
import { kindOfType } from '../profile/column-kind.ts';
import { applyCorrection } from '../drift/detect.ts';
import type { Correction, DriftMethod } from '../config/drift-methods.ts';
import { DRIFT_TESTS } from '../drift/registry.ts';
import { autoMethod } from '../drift/select.ts';
import type { ColumnDrift, ColumnEvidence, ColumnKind, HistogramCounts, SideSummary, ValueCount } from '../drift/types.ts';
import { verdict } from '../drift/verdict.ts';
import { UsageError } from '../errors.ts';
import { presentSql, valueSql } from '../profile/column-sql.ts';
import type { ChunkDrift } from './types.ts';

export interface ChunkDriftRequest {
  /** The reference rows and the log's rows (with `__chunk`). */
  reference: string;
  log: string;
  /** Whether reading a side again costs little (Parquet, a table); otherwise its tested columns are read once into a table. */
  cheapReference: boolean;
  cheapLog: boolean;
  features: string[];
  /** The chunks, in order. */
  keys: number[];
  methods: Record<string, DriftMethod>;
  thresholds: Record<string, number>;
  driftShare: number;
  correction: Correction;
}

const q = quoteIdentifier;

/** Distinct values in order with their counts on the reference (r) and current (c) side. */
interface Merged {
  /** Numbers, or for categorical columns the value's rank among all values. */
  order: Float64Array;
  values: (number | string)[] | Float64Array;
  r: Float64Array;
  c: Float64Array;
}

interface Sorted {
  /** Sort keys, ascending. */
  order: Float64Array;
  values: (number | string)[] | Float64Array;
  n: Float64Array;
}

function merge(reference: Sorted, current: Sorted, from: number, to: number): Merged {
  const size = reference.order.length + (to - from);
  const order = new Float64Array(size);
  const r = new Float64Array(size);
  const c = new Float64Array(size);
  const numeric = reference.values instanceof Float64Array;
  const values: (number | string)[] | Float64Array = numeric ? new Float64Array(size) : new Array<string>(size);
  let i = 0;
  let j = from;
  let k = 0;
  while (i < reference.order.length || j < to) {
    const a = i < reference.order.length ? reference.order[i]! : Number.POSITIVE_INFINITY;
    const b = j < to ? current.order[j]! : Number.POSITIVE_INFINITY;
    if (i < reference.order.length && (j >= to || a <= b)) {
      order[k] = a;
      values[k] = reference.values[i]!;
      r[k] = reference.n[i]!;
      if (j < to && a === b) c[k] = current.n[j++]!;
      i++;
    } else {
      order[k] = b;
      values[k] = current.values[j]!;
      c[k] = current.n[j++]!;
    }
    k++;
  }
  return { order: order.subarray(0, k), values: numeric ? (values as Float64Array).subarray(0, k) : (values as string[]).slice(0, k), r: r.subarray(0, k), c: c.subarray(0, k) };
}

function side(merged: Merged, counts: Float64Array, numerical: boolean): SideSummary {
  let rows = 0;
  let distinct = 0;
  let min: number | null = null;
  let max: number | null = null;
  let weighted = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i]!;
    if (n <= 0) continue;
    rows += n;
    distinct++;
    if (numerical) {
      const v = merged.order[i]!;
      if (min === null) min = v;
      max = v;
      weighted += n * v;
    }
  }
  if (!numerical || rows === 0) return { rows, distinct, min: null, max: null, mean: null, std: null };
  const mean = weighted / rows;
  let squares = 0;
  for (let i = 0; i < counts.length; i++) squares += counts[i]! * (merged.order[i]! - mean) ** 2;
  return { rows, distinct, min, max, mean, std: Math.sqrt(squares / rows) };
}

/** The evidence of one column in one chunk, from the merged counts. */
export function mergedEvidence(kind: ColumnKind, merged: Merged): ColumnEvidence {
  const numerical = kind === 'numerical';
  const reference = side(merged, merged.r, numerical);
  const current = side(merged, merged.c, numerical);
  let cdf: { d: number; w: number } | undefined;
  const cdfFacts = (): { d: number; w: number } => {
    if (cdf) return cdf;
    let cumR = 0;
    let cumC = 0;
    let d = 0;
    let w = 0;
    const last = merged.order.length - 1;
    for (let i = 0; i <= last; i++) {
      cumR += merged.r[i]!;
      cumC += merged.c[i]!;
      const gap = Math.abs(cumR / reference.rows - cumC / current.rows);
      if (gap > d) d = gap;
      if (i < last) w += gap * (merged.order[i + 1]! - merged.order[i]!);
    }
    return (cdf = { d, w });
  };
  return {
    kind,
    reference,
    current,
    distinct: merged.order.length,
    ecdfDistance: () => Promise.resolve(cdfFacts().d),
    wasserstein: () => Promise.resolve(cdfFacts().w),
    valueCounts(): Promise<ValueCount[]> {
      return Promise.resolve(Array.from({ length: merged.order.length }, (_, i) => ({ value: numerical ? merged.order[i]! : String(merged.values[i]), reference: merged.r[i]!, current: merged.c[i]! })));
    },
    histogram(edges: number[]): Promise<HistogramCounts> {
      // numpy's rule, as the SQL evidence applies it: uniform bins, exact at the edges, the last one closed.
      const k = edges.length - 1;
      const lo = edges[0]!;
      const hi = edges[k]!;
      const out: HistogramCounts = { reference: new Array<number>(k).fill(0), current: new Array<number>(k).fill(0) };
      for (let i = 0; i < merged.order.length; i++) {
        const v = merged.order[i]!;
        if (!(v >= lo && v <= hi)) continue;
        const g = Math.min(Math.max(Math.floor(((v - lo) / (hi - lo)) * k), 0), k - 1);
        const b = v < edges[g]! ? g - 1 : g < k - 1 && v >= edges[g + 1]! ? g + 1 : g;
        out.reference[b]! += merged.r[i]!;
        out.current[b]! += merged.c[i]!;
      }
      return Promise.resolve(out);
    },
  };
}

interface PlannedFeature {
  name: string;
  kind: ColumnKind;
}

/** Evidently's rule for what is tested: numbers and categories; a number that is text in the log is a category. */
async function plan(engine: DataEngine, request: ChunkDriftRequest): Promise<PlannedFeature[]> {
  const reference = new Map((await engine.columns(request.reference)).map((c) => [c.name, kindOfType(c.type)]));
  const log = new Map((await engine.columns(request.log)).map((c) => [c.name, kindOfType(c.type)]));
  const planned: PlannedFeature[] = [];
  for (const name of request.features) {
    const kind = reference.get(name);
    if (kind !== 'numerical' && kind !== 'categorical') continue;
    planned.push({ name, kind: kind === 'numerical' && log.get(name) !== 'numerical' ? 'categorical' : kind });
  }
  return planned;
}

/**
 * A column's counts as sorted lists: the reference's, and the log's for all chunks (chunk,
 * then value), each one grouped query over that column alone.
 */
async function sortedCounts(engine: DataEngine, feature: PlannedFeature, reference: string, log: string): Promise<{ reference: Sorted; current: Sorted; chunk: Float64Array }> {
  const value = valueSql(feature.name, feature.kind);
  const present = presentSql(feature.kind);
  const referenceSql = `SELECT v, count(*) AS n FROM (SELECT ${value} AS v FROM ${q(reference)}) WHERE ${present} GROUP BY v`;
  const current = `SELECT k, v, count(*) AS n FROM (SELECT __chunk AS k, ${value} AS v FROM ${q(log)}) WHERE k IS NOT NULL AND ${present} GROUP BY k, v`;
  if (feature.kind === 'numerical') {
    const ref = await engine.queryNumbers(`SELECT v, CAST(n AS DOUBLE) FROM (${referenceSql}) ORDER BY v`);
    const cur = await engine.queryNumbers(`SELECT CAST(k AS DOUBLE), v, CAST(n AS DOUBLE) FROM (${current}) ORDER BY k, v`);
    return {
      reference: { order: ref.columns[0]!, values: ref.columns[0]!, n: ref.columns[1]! },
      current: { order: cur.columns[1]!, values: cur.columns[1]!, n: cur.columns[2]! },
      chunk: cur.columns[0]!,
    };
  }
  // Categories keep DuckDB's order: each value carries its rank among the values of both sides.
  await engine.query(`CREATE OR REPLACE TEMP TABLE monitor_drift_reference AS ${referenceSql}`);
  await engine.query(`CREATE OR REPLACE TEMP TABLE monitor_drift_log AS ${current}`);
  const ranked = 'WITH ranks AS (SELECT v, row_number() OVER (ORDER BY v) AS rank FROM (SELECT v FROM monitor_drift_reference UNION SELECT v FROM monitor_drift_log))';
  const ref = await engine.query(`${ranked} SELECT ranks.rank, ref.v, ref.n FROM monitor_drift_reference AS ref JOIN ranks USING (v) ORDER BY ranks.rank`);
  const cur = await engine.query(`${ranked} SELECT cur.k, ranks.rank, cur.v, cur.n FROM monitor_drift_log AS cur JOIN ranks USING (v) ORDER BY cur.k, ranks.rank`);
  await engine.query('DROP TABLE monitor_drift_reference; DROP TABLE monitor_drift_log');
  return {
    reference: { order: Float64Array.from(ref, (row) => Number(row.rank)), values: ref.map((row) => String(row.v)), n: Float64Array.from(ref, (row) => Number(row.n)) },
    current: { order: Float64Array.from(cur, (row) => Number(row.rank)), values: cur.map((row) => String(row.v)), n: Float64Array.from(cur, (row) => Number(row.n)) },
    chunk: Float64Array.from(cur, (row) => Number(row.k)),
  };
}

async function testFeature(request: ChunkDriftRequest, feature: PlannedFeature, evidence: ColumnEvidence): Promise<ColumnDrift | null> {
  if (evidence.reference.rows === 0 || evidence.current.rows === 0) return null;
  const method = request.methods[feature.name] ?? autoMethod({ kind: feature.kind, referenceRows: evidence.reference.rows, distinct: evidence.distinct });
  const test = DRIFT_TESTS[method];
  if (!test.kinds.includes(feature.kind)) {
    throw new UsageError(`method ${method} for column "${feature.name}" needs a ${test.kinds.join(' or ')} column; "${feature.name}" is ${feature.kind}`);
  }
  const threshold = request.thresholds[feature.name] ?? test.defaultThreshold;
  const outcome = await test.run(evidence);
  return {
    column: feature.name,
    kind: feature.kind,
    method,
    statistic: outcome.statistic,
    pValue: outcome.pValue,
    threshold,
    rule: test.rule,
    drifted: verdict(test.rule, outcome.statistic, outcome.pValue, threshold),
    referenceRows: evidence.reference.rows,
    currentRows: evidence.current.rows,
    status: 'tested',
    basis: 'data',
    description: test.description,
  };
}

/** Each chunk's drift by key: the tested columns, the share drifted and the dataset verdict. */
export async function driftByChunk(engine: DataEngine, request: ChunkDriftRequest): Promise<Map<number, ChunkDrift>> {
  const features = await plan(engine, request);
  const byChunk = new Map<number, ColumnDrift[]>(request.keys.map((key) => [key, []]));
  if (features.length > 0) {
    // A side that is costly to read again (text files, chunks of N rows) is read once into a table of the tested columns.
    const narrow = async (view: string, cheap: boolean, table: string, chunk: boolean): Promise<string> => {
      if (cheap) return view;
      const columns = [...(chunk ? ['__chunk'] : []), ...features.map((f) => q(f.name))];
      await engine.query(`CREATE OR REPLACE TEMP TABLE ${q(table)} AS SELECT ${columns.join(', ')} FROM ${q(view)}`);
      return table;
    };
    const reference = await narrow(request.reference, request.cheapReference, 'monitor_drift_reference_rows', false);
    const log = await narrow(request.log, request.cheapLog, 'monitor_drift_log_rows', true);
    for (const feature of features) {
      const counts = await sortedCounts(engine, feature, reference, log);
      let from = 0;
      for (const key of request.keys) {
        let to = from;
        while (to < counts.chunk.length && counts.chunk[to] === key) to++;
        const tested = await testFeature(request, feature, mergedEvidence(feature.kind, merge(counts.reference, counts.current, from, to)));
        if (tested) byChunk.get(key)!.push(tested);
        from = to;
      }
    }
    await engine.query('DROP TABLE IF EXISTS monitor_drift_reference_rows; DROP TABLE IF EXISTS monitor_drift_log_rows');
  }
  const out = new Map<number, ChunkDrift>();
  for (const [key, columns] of byChunk) {
    applyCorrection(columns, request.correction);
    const drifted = columns.filter((c) => c.drifted).length;
    const share = columns.length === 0 ? 0 : drifted / columns.length;
    out.set(key, {
      drifted: columns.length > 0 && share >= request.driftShare,
      share,
      columns: columns.map((column) => ({ column: column.column, method: column.method!, statistic: column.statistic, drifted: column.drifted })),
    });
  }
  return out;
}
