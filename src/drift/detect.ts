/**
 * Dataset drift: every column of the reference and current data tested by its method
 * (configured, or chosen as Evidently does), p-values corrected when asked, and the
 * dataset verdict when the share of drifted columns reaches drift_share.
 */
import type { DataEngine } from '../data/engine.ts';
import type { DataSource } from '../data/format.ts';
import { UsageError } from '../errors.ts';
import type { Profile } from '../profile/types.ts';
import { kindOfType } from '../profile/column-kind.ts';
import { binnedCounts, shares } from './binning.ts';
import { adjustPValues } from './correction.ts';
import { duckdbEvidence } from './duckdb-evidence.ts';
import { excludedColumns, type DriftExclusion } from './exclusions.ts';
import { groupSide, type GroupedSide } from './grouped-side.ts';
import type { Correction, DriftMethod } from '../config/drift-methods.ts';
import { profileRelation } from './profile-relation.ts';
import { DRIFT_TESTS } from './registry.ts';
import { autoMethod } from './select.ts';
import type { ColumnDrift, ColumnEvidence, ColumnKind, DriftResult, TestOutcome } from './types.ts';
import { verdict } from './verdict.ts';

/** The reference side: a table of raw rows, or a profile. */
export type ReferenceSide = { kind: 'data'; table: string; source: string; data?: DataSource } | { kind: 'profile'; profile: Profile; source: string };

export interface DriftRequest {
  reference: ReferenceSide;
  /** A table or view of the current rows. */
  current: { table: string; source: string; data?: DataSource };
  /** Columns to test, taken as given; when absent, all but the excluded ones. */
  columns?: string[];
  /** Columns to leave out when `columns` is absent (ids by name are left out as well). */
  exclude?: DriftExclusion[];
  methods: Record<string, DriftMethod>;
  thresholds: Record<string, number>;
  driftShare: number;
  correction: Correction;
  /**
   * The reference's grouped counts by plan, kept across calls that test several current
   * sides against one reference (the chunks of `trainyard monitor`): grouped once.
   */
  referenceCache?: Map<string, GroupedSide>;
  /** False: skip the distributions the report charts (nobody reads them). */
  distributions?: boolean;
}

interface ColumnInfo {
  name: string;
  reference?: { type: string; kind: ColumnDrift['kind'] };
  current?: { type: string; kind: ColumnDrift['kind'] };
}

async function columnInfo(engine: DataEngine, request: DriftRequest): Promise<{ infos: ColumnInfo[]; excluded: DriftExclusion[] }> {
  const reference =
    request.reference.kind === 'data'
      ? (await engine.columns(request.reference.table, request.reference.data)).map((c) => ({ name: c.name, type: c.type, kind: kindOfType(c.type) }))
      : request.reference.profile.columns.map((c) => ({ name: c.name, type: c.type, kind: c.kind }));
  const current = (await engine.columns(request.current.table, request.current.data)).map((c) => ({ name: c.name, type: c.type, kind: kindOfType(c.type) }));
  const names = [...reference.map((c) => c.name), ...current.map((c) => c.name).filter((name) => !reference.some((c) => c.name === name))];
  const infos = names.map((name) => {
    const r = reference.find((c) => c.name === name);
    const c = current.find((col) => col.name === name);
    return { name, ...(r ? { reference: { type: r.type, kind: r.kind } } : {}), ...(c ? { current: { type: c.type, kind: c.kind } } : {}) };
  });
  if (!request.columns) {
    const excluded = excludedColumns(names, request.exclude ?? []);
    return { infos: infos.filter((info) => !excluded.some((entry) => entry.column === info.name)), excluded };
  }
  const unknown = request.columns.filter((name) => !names.includes(name));
  if (unknown.length > 0) throw new UsageError(`column "${unknown[0]}" is in neither the reference nor the current data; they have: ${names.join(', ')}`);
  return { infos: request.columns.map((name) => infos.find((info) => info.name === name)!), excluded: [] };
}

function untested(info: ColumnInfo, status: ColumnDrift['status'], note: string, rows: { reference: number; current: number }): ColumnDrift {
  return {
    column: info.name,
    kind: info.reference?.kind ?? info.current?.kind ?? 'other',
    method: null,
    statistic: null,
    pValue: null,
    threshold: null,
    rule: null,
    drifted: false,
    referenceRows: rows.reference,
    currentRows: rows.current,
    status,
    basis: null,
    description: null,
    note,
  };
}

/** The kind a column is tested as, or why it is not tested. */
function planColumn(info: ColumnInfo): ColumnKind | ColumnDrift {
  const noRows = { reference: 0, current: 0 };
  if (!info.reference) return untested(info, 'missing_in_reference', 'not in the reference data', noRows);
  if (!info.current) return untested(info, 'missing_in_current', 'not in the current data', noRows);
  const kind = info.reference.kind;
  if (kind !== 'numerical' && kind !== 'categorical') {
    return untested(info, 'skipped', `${info.reference.type} columns are not tested for drift (as in Evidently)`, noRows);
  }
  return kind === 'numerical' && info.current.kind !== 'numerical' ? 'categorical' : kind;
}

interface Sides {
  reference: GroupedSide | undefined;
  current: GroupedSide;
}

async function testColumn(engine: DataEngine, request: DriftRequest, sides: Sides, info: ColumnInfo, testedKind: ColumnKind, index: number): Promise<ColumnDrift> {
  const reference =
    request.reference.kind === 'data'
      ? { sql: sides.reference!.relation(info.name), rows: undefined, std: undefined, basis: 'data' as const }
      : await profileRelation(engine, request.reference.profile, info.name, `drift_profile_${index}`);
  const evidence = await duckdbEvidence(engine, {
    kind: testedKind,
    reference: reference.sql,
    current: sides.current.relation(info.name),
    table: `drift_column_${index}`,
    ...(reference.std !== undefined ? { referenceStd: reference.std } : {}),
  });
  const referenceRows = reference.rows ?? evidence.reference.rows;
  const rows = { reference: referenceRows, current: evidence.current.rows };
  if (evidence.reference.rows === 0 || evidence.current.rows === 0) {
    const side = evidence.reference.rows === 0 ? 'reference' : 'current';
    return untested(info, 'empty', `no values in the ${side} data (all null)`, rows);
  }
  const method = request.methods[info.name] ?? autoMethod({ kind: testedKind, referenceRows, distinct: evidence.distinct });
  const test = DRIFT_TESTS[method];
  if (!test.kinds.includes(testedKind)) {
    throw new UsageError(`method ${method} for column "${info.name}" needs a ${test.kinds.join(' or ')} column; "${info.name}" is ${testedKind}`);
  }
  const threshold = request.thresholds[info.name] ?? test.defaultThreshold;
  const outcome = await test.run(evidence);
  const distribution = request.distributions === false ? undefined : (outcome.distribution ?? (await chartDistribution(evidence)));
  await engine.query(`DROP TABLE IF EXISTS drift_column_${index}`);
  const basisNote = reference.basis === 'sample' ? `reference: a reservoir sample of ${evidence.reference.rows} of ${referenceRows} values` : undefined;
  const note = [outcome.note, basisNote].filter(Boolean).join('; ');
  return {
    column: info.name,
    kind: testedKind,
    method,
    statistic: outcome.statistic,
    pValue: outcome.pValue,
    threshold,
    rule: test.rule,
    drifted: verdict(test.rule, outcome.statistic, outcome.pValue, threshold),
    referenceRows,
    currentRows: evidence.current.rows,
    status: 'tested',
    basis: reference.basis,
    description: test.description,
    ...(note ? { note } : {}),
    ...(distribution ? { distribution } : {}),
  };
}

/** Shares per bin or value, for the report's chart, when the test did not bin. */
async function chartDistribution(evidence: ColumnEvidence): Promise<NonNullable<TestOutcome['distribution']>> {
  const binned = await binnedCounts(evidence);
  return { labels: binned.labels, ...shares(binned, evidence) };
}

export function applyCorrection(columns: ColumnDrift[], correction: Correction): void {
  if (correction === 'none') return;
  const withP = columns.filter((c) => c.status === 'tested' && c.pValue !== null);
  const adjusted = adjustPValues(
    withP.map((c) => c.pValue!),
    correction,
  );
  withP.forEach((column, i) => {
    column.pValueAdjusted = adjusted[i]!;
    column.drifted = verdict(column.rule!, column.statistic, adjusted[i]!, column.threshold!);
  });
}

export async function detectDrift(engine: DataEngine, request: DriftRequest): Promise<DriftResult> {
  const { infos, excluded } = await columnInfo(engine, request);
  const planned = infos.map(planColumn);
  const plan = infos.flatMap((info, i) => (typeof planned[i] === 'string' ? [{ name: info.name, kind: planned[i] }] : []));
  const cacheKey = JSON.stringify(plan);
  const cached = request.referenceCache?.get(cacheKey);
  const reference = request.reference.kind === 'data' ? (cached ?? (await groupSide(engine, request.reference.table, plan, `drift_reference_counts_${request.referenceCache?.size ?? 0}`))) : undefined;
  if (reference && !cached) request.referenceCache?.set(cacheKey, reference);
  const sides: Sides = {
    reference,
    current: await groupSide(engine, request.current.table, plan, 'drift_current_counts'),
  };
  const columns: ColumnDrift[] = [];
  for (const [index, info] of infos.entries()) {
    const kind = planned[index]!;
    columns.push(typeof kind === 'string' ? await testColumn(engine, request, sides, info, kind, index) : kind);
  }
  applyCorrection(columns, request.correction);
  const tested = columns.filter((c) => c.status === 'tested').length;
  const driftedColumns = columns.filter((c) => c.drifted).length;
  const share = tested === 0 ? 0 : driftedColumns / tested;
  const referenceRows = request.reference.kind === 'profile' ? request.reference.profile.rows : sides.reference!.rows;
  return {
    drifted: tested > 0 && share >= request.driftShare,
    share,
    driftShare: request.driftShare,
    correction: request.correction,
    reference: { source: request.reference.source, kind: request.reference.kind, rows: referenceRows },
    current: { source: request.current.source, rows: sides.current.rows },
    tested,
    driftedColumns,
    columns,
    excluded,
  };
}
