/**
 * Feature drift of every chunk against the reference, each chunk's evidence the merge of
 * two sorted count lists (distinct value, count), answered in typed arrays: the same
 * questions, rules and tests as `trainyard drift` asks of its DuckDB evidence. Numerical
 * columns are counted as the rows stream in, all of them in one scan per side: a hash
 * table of value counts per column and chunk, sorted at the end. (Grouping by chunk and
 * value in DuckDB costs a scan, a hash aggregate and a sort per column; one GROUPING SETS
 * scan of every column holds a hash table per column and grouping at the same time.)
 * Categorical columns keep DuckDB's text order: one grouped query per column and side.
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

/** Float64 bits as two 32-bit words, for hashing. */
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/**
 * The distinct finite numbers of a column in one chunk with their counts: open
 * addressing on the bits of the double, linear probing, a count of 0 marking a free slot.
 * -0 counts as 0, as DuckDB groups it.
 */
class NumberCounts {
  private values = new Float64Array(64);
  private counts = new Uint32Array(64);
  private mask = 63;
  private size = 0;

  private slot(value: number): number {
    bits[0] = value;
    const h = Math.imul(words[0]! ^ Math.imul(words[1]!, 0x85ebca6b), 0x9e3779b1);
    return (h ^ (h >>> 15)) & this.mask;
  }

  add(number: number): void {
    const value = number === 0 ? 0 : number;
    for (let slot = this.slot(value); ; slot = (slot + 1) & this.mask) {
      const count = this.counts[slot]!;
      if (count === 0) {
        this.values[slot] = value;
        this.counts[slot] = 1;
        if (++this.size * 2 > this.counts.length) this.grow();
        return;
      }
      if (this.values[slot] === value) {
        this.counts[slot] = count + 1;
        return;
      }
    }
  }

  private grow(): void {
    const { values, counts } = this;
    this.values = new Float64Array(values.length * 2);
    this.counts = new Uint32Array(counts.length * 2);
    this.mask = counts.length * 2 - 1;
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] === 0) continue;
      let slot = this.slot(values[i]!);
      while (this.counts[slot] !== 0) slot = (slot + 1) & this.mask;
      this.values[slot] = values[i]!;
      this.counts[slot] = counts[i]!;
    }
  }

  /** The values ascending with their counts. */
  sorted(): Sorted {
    const values = new Float64Array(this.size);
    for (let i = 0, k = 0; i < this.counts.length; i++) if (this.counts[i] !== 0) values[k++] = this.values[i]!;
    values.sort();
    const n = new Float64Array(this.size);
    for (let k = 0; k < values.length; k++) {
      let slot = this.slot(values[k]!);
      while (this.values[slot] !== values[k] || this.counts[slot] === 0) slot = (slot + 1) & this.mask;
      n[k] = this.counts[slot]!;
    }
    return { order: values, values, n };
  }
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
 * The counts of the numerical columns, one scan per side: the reference's per column, the
 * log's per column and chunk (in the order of `keys`; a chunk without a usable value has
 * an empty list). A value counts where it is finite (Evidently drops NaN and ±inf; NULL
 * arrives as NaN).
 */
async function numberCounts(engine: DataEngine, features: PlannedFeature[], reference: string, log: string, keys: number[]): Promise<{ reference: Sorted[]; current: Sorted[][] }> {
  const columns = features.map((f) => valueSql(f.name, f.kind)).join(', ');
  const referenceCounts = features.map(() => new NumberCounts());
  await engine.scanNumbers(`SELECT ${columns} FROM ${q(reference)}`, (values, count) => {
    for (let f = 0; f < features.length; f++) {
      const column = values[f]!;
      const counts = referenceCounts[f]!;
      for (let i = 0; i < count; i++) if (Number.isFinite(column[i]!)) counts.add(column[i]!);
    }
  });
  const index = new Map(keys.map((key, i) => [key, i]));
  const currentCounts = features.map(() => keys.map(() => new NumberCounts()));
  let chunkOf = new Int32Array(0);
  await engine.scanNumbers(`SELECT CAST(__chunk AS DOUBLE), ${columns} FROM ${q(log)} WHERE __chunk IS NOT NULL`, (values, count) => {
    // Each row's chunk as its position in `keys` (-1: not a chunk of the log), looked up once per run of equal keys.
    if (chunkOf.length < count) chunkOf = new Int32Array(count);
    const key = values[0]!;
    let last = Number.NaN;
    let at = -1;
    for (let i = 0; i < count; i++) {
      if (key[i] !== last) {
        last = key[i]!;
        at = index.get(last) ?? -1;
      }
      chunkOf[i] = at;
    }
    for (let f = 0; f < features.length; f++) {
      const column = values[f + 1]!;
      const counts = currentCounts[f]!;
      for (let i = 0; i < count; i++) if (chunkOf[i]! >= 0 && Number.isFinite(column[i]!)) counts[chunkOf[i]!]!.add(column[i]!);
    }
  });
  return { reference: referenceCounts.map((counts) => counts.sorted()), current: currentCounts.map((chunks) => chunks.map((counts) => counts.sorted())) };
}

/**
 * A categorical column's counts as sorted lists: the reference's, and the log's for all
 * chunks (chunk, then value), each one grouped query over that column alone. Categories
 * keep DuckDB's order: each value carries its rank among the values of both sides.
 */
async function categoryCounts(engine: DataEngine, feature: PlannedFeature, reference: string, log: string): Promise<{ reference: Sorted; current: Sorted; chunk: Float64Array }> {
  const value = valueSql(feature.name, feature.kind);
  const present = presentSql(feature.kind);
  const referenceSql = `SELECT v, count(*) AS n FROM (SELECT ${value} AS v FROM ${q(reference)}) WHERE ${present} GROUP BY v`;
  const current = `SELECT k, v, count(*) AS n FROM (SELECT __chunk AS k, ${value} AS v FROM ${q(log)}) WHERE k IS NOT NULL AND ${present} GROUP BY k, v`;
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
  // Each feature's outcome by chunk, gathered per kind and listed in the features' order.
  const outcomes = new Map<PlannedFeature, (ColumnDrift | null)[]>(features.map((f) => [f, []]));
  const record = async (feature: PlannedFeature, merged: Merged): Promise<void> => {
    outcomes.get(feature)!.push(await testFeature(request, feature, mergedEvidence(feature.kind, merged)));
  };
  const numerical = features.filter((f) => f.kind === 'numerical');
  if (numerical.length > 0) {
    const counts = await numberCounts(engine, numerical, request.reference, request.log, request.keys);
    for (const [f, feature] of numerical.entries()) {
      for (const current of counts.current[f]!) {
        await record(feature, merge(counts.reference[f]!, current, 0, current.order.length));
      }
    }
  }
  const categorical = features.filter((f) => f.kind === 'categorical');
  if (categorical.length > 0) {
    // A side that is costly to read again (text files, chunks of N rows) is read once into a table of the tested columns.
    const narrow = async (view: string, cheap: boolean, table: string, chunk: boolean): Promise<string> => {
      if (cheap) return view;
      const columns = [...(chunk ? ['__chunk'] : []), ...categorical.map((f) => q(f.name))];
      await engine.query(`CREATE OR REPLACE TEMP TABLE ${q(table)} AS SELECT ${columns.join(', ')} FROM ${q(view)}`);
      return table;
    };
    const reference = await narrow(request.reference, request.cheapReference, 'monitor_drift_reference_rows', false);
    const log = await narrow(request.log, request.cheapLog, 'monitor_drift_log_rows', true);
    for (const feature of categorical) {
      const counts = await categoryCounts(engine, feature, reference, log);
      let from = 0;
      for (const key of request.keys) {
        let to = from;
        while (to < counts.chunk.length && counts.chunk[to] === key) to++;
        await record(feature, merge(counts.reference, counts.current, from, to));
        from = to;
      }
    }
    await engine.query('DROP TABLE IF EXISTS monitor_drift_reference_rows; DROP TABLE IF EXISTS monitor_drift_log_rows');
  }
  const out = new Map<number, ChunkDrift>();
  for (const [at, key] of request.keys.entries()) {
    const columns = features.flatMap((f) => outcomes.get(f)![at] ?? []);
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
