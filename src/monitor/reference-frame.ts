/**
 * The reference is chunked like the log, so that its chunks' metrics vary as much as the
 * log's and the bands drawn from them fit the log's chunks. Reference rows without the
 * log's timestamp column (labelled rows of an evaluation set) cannot be cut in time:
 * they are cut by row count in id order, `N` rows a chunk when the log's chunks are
 * `<N>rows`, else the median row count of the log's chunks.
 */
import { quoteIdentifier, type DataEngine } from '../data/engine.ts';
import { openFrame, type Frame, type FrameRequest } from './frame.ts';
import { loadSource, type SourceSpec } from './source.ts';
import type { Chunking } from './types.ts';

/** The median row count of the log's chunks (at least 1): the size of an untimed reference's chunks under time chunking. */
async function typicalChunkRows(engine: DataEngine, log: Frame): Promise<number> {
  const [row] = await engine.query(`SELECT median(n) AS rows FROM (SELECT count(*) AS n FROM ${quoteIdentifier(log.rowsView)} GROUP BY __chunk)`);
  const rows = Math.round(Number(row?.rows ?? 0));
  return Number.isFinite(rows) && rows >= 1 ? rows : 1;
}

/** The chunking of reference rows without timestamps. */
export async function untimedChunking(engine: DataEngine, chunking: Chunking, log: Frame): Promise<{ rows: number }> {
  return typeof chunking === 'string' ? { rows: await typicalChunkRows(engine, log) } : chunking;
}

export async function openReference(engine: DataEngine, spec: SourceSpec, log: Frame, base: Omit<FrameRequest, 'name' | 'rows' | 'needsLabel'>): Promise<Frame> {
  const request = { name: 'monitor_reference', rows: spec, needsLabel: true, ...base };
  if (spec.kind !== 'files') return openFrame(engine, request);
  const { columns } = await loadSource(engine, 'monitor_reference_probe', spec);
  if (columns.includes(base.columns.timestamp)) return openFrame(engine, request);
  return openFrame(engine, { ...request, chunking: await untimedChunking(engine, base.chunking, log), untimed: true });
}
