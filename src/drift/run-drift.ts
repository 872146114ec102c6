/**
 * Drift from paths: reads the current data (and the reference data or profile) with the
 * DuckDB engine and runs detectDrift.
 */
import path from 'node:path';
import { DataEngine, quoteIdentifier, readerSql } from '../data/engine.ts';
import { resolveSource, type DataSource } from '../data/format.ts';
import { looksLikeProfile, readProfile } from '../profile/read.ts';
import { detectDrift, type ReferenceSide } from './detect.ts';
import type { DriftExclusion } from './exclusions.ts';
import type { Correction, DriftMethod } from '../config/drift-methods.ts';
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
  /** Columns to leave out when `columns` is absent (see exclusions.ts). */
  exclude?: DriftExclusion[];
  methods: Record<string, DriftMethod>;
  thresholds: Record<string, number>;
  driftShare: number;
  correction: Correction;
  threads?: number;
}

/**
 * A view over a source; detectDrift reads it once, whatever its format. (Not
 * engine.register: that describes the view to surface unreadable files, and detectDrift
 * describes it anyway, naming the source, so one sniff of a CSV suffices.)
 */
async function load(engine: DataEngine, name: string, source: DataSource): Promise<string> {
  await engine.query(`CREATE OR REPLACE VIEW ${quoteIdentifier(name)} AS SELECT * FROM ${readerSql(source)}`, source);
  return name;
}

async function referenceSide(engine: DataEngine, { paths: reference, root }: SidePaths): Promise<ReferenceSide> {
  const single = Array.isArray(reference) ? (reference.length === 1 ? reference[0]! : undefined) : reference;
  if (single !== undefined && (await looksLikeProfile(path.resolve(root, single)))) {
    return { kind: 'profile', profile: await readProfile(path.resolve(root, single), single), source: single };
  }
  const source = await resolveSource(reference, root);
  return { kind: 'data', table: await load(engine, 'drift_reference', source), source: source.display, data: source };
}

export async function runDrift(request: DriftPathsRequest): Promise<DriftResult> {
  const engine = await DataEngine.open(request.threads ? { threads: request.threads } : {});
  try {
    const currentSource = await resolveSource(request.current.paths, request.current.root);
    const reference = await referenceSide(engine, request.reference);
    const current = { table: await load(engine, 'drift_current', currentSource), source: currentSource.display, data: currentSource };
    return await detectDrift(engine, {
      reference,
      current,
      ...(request.columns ? { columns: request.columns } : {}),
      ...(request.exclude ? { exclude: request.exclude } : {}),
      methods: request.methods,
      thresholds: request.thresholds,
      driftShare: request.driftShare,
      correction: request.correction,
    });
  } finally {
    engine.close();
  }
}
