/**
 * Drift from paths: reads the current data (and the reference data or profile) with the
 * DuckDB engine and runs detectDrift. Text formats are loaded once into temporary
 * tables, so each column's queries do not parse the files again.
 */
import path from 'node:path';
import { DataEngine } from '../data/engine.ts';
import { resolveSource, type DataSource } from '../data/format.ts';
import { looksLikeProfile, readProfile } from '../profile/read.ts';
import { detectDrift, type ReferenceSide } from './detect.ts';
import type { Correction, DriftMethod } from './methods.ts';
import type { DriftResult } from './types.ts';

export interface SidePaths {
  paths: string | string[];
  /** Relative paths resolve against this folder. */
  root: string;
}

export interface DriftPathsRequest {
  /** A data file, directory or glob, or a profile.json; relative to `root`. */
  reference: SidePaths;
  current: SidePaths;
  columns?: string[];
  methods: Record<string, DriftMethod>;
  thresholds: Record<string, number>;
  driftShare: number;
  correction: Correction;
  threads?: number;
}

async function load(engine: DataEngine, name: string, source: DataSource): Promise<string> {
  await engine.register(`${name}_source`, source);
  if (source.format === 'parquet') return `${name}_source`;
  await engine.query(`CREATE OR REPLACE TEMP TABLE ${name} AS SELECT * FROM ${name}_source`);
  return name;
}

async function referenceSide(engine: DataEngine, { paths: reference, root }: SidePaths): Promise<ReferenceSide> {
  const single = Array.isArray(reference) ? (reference.length === 1 ? reference[0]! : undefined) : reference;
  if (single !== undefined && (await looksLikeProfile(path.resolve(root, single)))) {
    return { kind: 'profile', profile: await readProfile(path.resolve(root, single), single), source: single };
  }
  const source = await resolveSource(reference, root);
  return { kind: 'data', table: await load(engine, 'drift_reference', source), source: source.display };
}

export async function runDrift(request: DriftPathsRequest): Promise<DriftResult> {
  const engine = await DataEngine.open(request.threads ? { threads: request.threads } : {});
  try {
    const currentSource = await resolveSource(request.current.paths, request.current.root);
    const reference = await referenceSide(engine, request.reference);
    const current = { table: await load(engine, 'drift_current', currentSource), source: currentSource.display };
    return await detectDrift(engine, {
      reference,
      current,
      ...(request.columns ? { columns: request.columns } : {}),
      methods: request.methods,
      thresholds: request.thresholds,
      driftShare: request.driftShare,
      correction: request.correction,
    });
  } finally {
    engine.close();
  }
}
