/**
 * Data files trainyard reads, by extension. One source has one format: a glob that
 * mixes CSV and Parquet is a mistake worth reporting, not guessing around.
 */
import path from 'node:path';
import { DataError } from '../errors.ts';
import { expandDataPath } from '../util/glob.ts';

export type DataFormat = 'csv' | 'tsv' | 'parquet' | 'json' | 'jsonl';

const EXTENSIONS: Record<string, DataFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.parquet': 'parquet',
  '.pq': 'parquet',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** The format of a file from its extension (a trailing .gz or .zst is looked through). */
export function formatOf(file: string): DataFormat | undefined {
  const name = file.toLowerCase().replace(/\.(gz|zst)$/, '');
  return EXTENSIONS[path.extname(name)];
}

export interface DataSource {
  /** As the user gave it, for messages. */
  display: string;
  /** Absolute paths, sorted. */
  files: string[];
  format: DataFormat;
}

/** Expands a file, directory or glob (or a list) into one source of one format. */
export async function resolveSource(patterns: string | string[], root: string): Promise<DataSource> {
  const list = Array.isArray(patterns) ? patterns : [patterns];
  const display = list.join(', ');
  const files: string[] = [];
  for (const pattern of list) {
    const found = await expandDataPath(pattern, root);
    if (found.length === 0) throw new DataError(`${pattern}: no such file, or the glob matches nothing`);
    files.push(...found.filter((file) => formatOf(file) !== undefined || found.length === 1));
  }
  if (files.length === 0) throw new DataError(`${display}: no data files (expected .csv, .tsv, .parquet, .json or .jsonl)`);
  const formats = new Set(files.map((file) => formatOf(file)));
  if (formats.has(undefined)) {
    throw new DataError(`${files.find((file) => formatOf(file) === undefined)}: unknown data format; expected .csv, .tsv, .parquet, .json or .jsonl`);
  }
  if (formats.size > 1) throw new DataError(`${display}: mixes formats (${[...formats].join(', ')}); expected one format per source`);
  return { display, files: [...new Set(files)].sort(), format: [...formats][0]! };
}
