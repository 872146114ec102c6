/**
 * The artifact layout every trainer writes and every later stage reads:
 * `model/`, the metrics file, the predictions file (`id,label,score`) and
 * `lineage.json` (written by trainyard).
 */
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../errors.ts';
import { readMetricsFile, type MetricValues } from '../metrics/read-metrics.ts';

export const MODEL_DIR = 'model';
export const LINEAGE_FILE = 'lineage.json';
export const PREDICTION_COLUMNS = ['id', 'label', 'score'] as const;

export interface TrainingArtifacts {
  outputDir: string;
  modelFiles: string[];
  metrics: MetricValues;
  predictionsFile: string;
}

async function firstLine(file: string): Promise<string | null> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)[0] ?? '';
  } finally {
    await handle.close();
  }
}

/** Checks that a trainer left the layout behind and reads its metrics. */
export async function readTrainingArtifacts(outputDir: string, files: { metrics: string; predictions: string }): Promise<TrainingArtifacts> {
  const modelDir = path.join(outputDir, MODEL_DIR);
  const modelFiles = await readdir(modelDir).catch(() => [] as string[]);
  if (modelFiles.length === 0) {
    throw new DataError(`${modelDir}: the trainer wrote no model files; expected at least one file in ${MODEL_DIR}/ under TRAINYARD_OUTPUT_DIR`);
  }
  const metrics = await readMetricsFile(path.join(outputDir, files.metrics));
  const predictionsFile = path.join(outputDir, files.predictions);
  const header = await firstLine(predictionsFile);
  if (header === null) {
    throw new DataError(`${predictionsFile}: the trainer wrote no predictions; expected a CSV with columns ${PREDICTION_COLUMNS.join(',')}`);
  }
  const columns = header.split(',').map((column) => column.trim().replace(/^"|"$/g, ''));
  const missing = PREDICTION_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new DataError(`${predictionsFile}: missing column(s) ${missing.join(', ')}; expected a header with ${PREDICTION_COLUMNS.join(',')}`);
  }
  return { outputDir, modelFiles: modelFiles.sort(), metrics, predictionsFile };
}
