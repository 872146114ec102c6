// Writes the production log of the flight-delays example: the predictions its model
// (train.mjs on data/train.csv, the config's params and seed) makes on later flights of
// vega-datasets' flights-3m.parquet, with their real timestamps:
//
//   monitoring/reference.csv    March 2001 flights (not in train.csv), scored and labelled:
//                               the reference period of `trainyard monitor`
//   monitoring/predictions.csv  April–June 2001 flights, scored (id, date, score, features)
//   monitoring/labels.csv       the labels (delay > 15 minutes) that have arrived by
//                               2001-07-01 00:00: a flight's label arrives 14 days after it
//
// About 1 flight in 128 is kept, picked by the md5 of its position in the source file,
// so the output is the same on every run. Dates are the data's local departure times,
// read as UTC.
//
// Usage (from the repository root, needs the repo's node_modules):
//   node examples/flight-delays/production-log.mjs

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'yaml';
import { DELAY_THRESHOLD_MINUTES, loadModel, run, scoreRow } from './train.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DATA_DIR = path.join(HERE, 'data');
const OUT_DIR = path.join(HERE, 'monitoring');
const SALT = 'flight-delays-production-2001';
const LABEL_DELAY_DAYS = 14;
const AS_OF = '2001-07-01 00:00:00';

function trainModel() {
  const config = parse(readFileSync(path.join(HERE, '.github', 'trainyard.yml'), 'utf8'));
  const { training } = config.models['flight-delays'];
  const out = mkdtempSync(path.join(tmpdir(), 'flight-delays-model-'));
  run({ TRAINYARD_OUTPUT_DIR: out, TRAINYARD_DATA_TRAIN: path.join(DATA_DIR, 'train.csv'), TRAINYARD_SEED: String(training.seed), TRAINYARD_PARAMS: JSON.stringify(training.params) }, () => {});
  const model = loadModel(path.join(out, 'model', 'model.json'));
  rmSync(out, { recursive: true, force: true });
  return model;
}

function query(parquet, months) {
  const file = parquet.replaceAll("'", "''");
  const trainIds = path.join(DATA_DIR, 'train.csv').replaceAll("'", "''");
  return `
    SELECT file_row_number::INTEGER AS id, strftime(date, '%Y-%m-%d %H:%M:%S') AS date, delay::INTEGER AS delay, distance::INTEGER AS distance, origin, destination
    FROM read_parquet('${file}', file_row_number = true)
    WHERE date IS NOT NULL AND delay IS NOT NULL AND distance IS NOT NULL
      AND regexp_full_match(origin, '[A-Z]{3}') AND regexp_full_match(destination, '[A-Z]{3}')
      AND month(date) IN (${months.join(', ')})
      AND substr(md5('${SALT}:' || file_row_number::VARCHAR), 1, 2) IN ('00', '01')
      AND file_row_number NOT IN (SELECT id FROM read_csv('${trainIds}'))
    ORDER BY date, id`;
}

async function main() {
  const model = trainModel();
  const parquet = path.join(HERE, '..', '..', 'node_modules', 'vega-datasets', 'data', 'flights-3m.parquet');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const read = async (months) => (await connection.runAndReadAll(query(parquet, months))).getRowObjectsJS();
  const scored = (rows) => rows.map((row) => ({ ...row, id: Number(row.id), score: Number(scoreRow(model, row).toFixed(6)), label: row.delay > DELAY_THRESHOLD_MINUTES ? 1 : 0 }));
  const reference = scored(await read([3]));
  const log = scored(await read([4, 5, 6]));
  const cutoff = new Date(`${AS_OF.replace(' ', 'T')}Z`).getTime() - LABEL_DELAY_DAYS * 86_400_000;
  const arrived = log.filter((row) => new Date(`${row.date.replace(' ', 'T')}Z`).getTime() < cutoff);
  const csv = (columns, rows) => [columns.join(','), ...rows.map((row) => columns.map((c) => String(row[c])).join(','))].join('\n') + '\n';
  writeFileSync(path.join(OUT_DIR, 'reference.csv'), csv(['id', 'date', 'score', 'distance', 'origin', 'destination', 'label'], reference));
  writeFileSync(path.join(OUT_DIR, 'predictions.csv'), csv(['id', 'date', 'score', 'distance', 'origin', 'destination'], log));
  writeFileSync(path.join(OUT_DIR, 'labels.csv'), csv(['id', 'label'], [...arrived].sort((a, b) => a.id - b.id)));
  console.log(`reference.csv: ${reference.length} rows; predictions.csv: ${log.length} rows; labels.csv: ${arrived.length} labels (as of ${AS_OF}, ${LABEL_DELAY_DAYS} days after each flight)`);
  connection.closeSync();
  instance.closeSync();
}

main().catch((err) => {
  console.error(`production-log: ${err.message}`);
  process.exit(1);
});
