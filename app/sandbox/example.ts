/**
 * The flight-delays example as the sandbox's model repository: its config (with the drift
 * tests the drift workflow runs and the people monitoring notifies), its production log
 * as it stood on the day of the scheduled monitoring run, a working copy to train in, and
 * training through trainyard's own trainer (lineage included).
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { validateConfig } from '../../src/app/config.ts';
import type { ModelConfig, TrainyardConfig } from '../../src/config/schema.ts';
import { collectVersionContent } from '../../src/registry/content.ts';
import type { VersionContent } from '../../src/registry/types.ts';
import { gatherSystemFacts } from '../../src/train/system-facts.ts';
import { trainModel } from '../../src/train/train-model.ts';
import { sha256Text } from '../../src/util/hash.ts';

export const MODEL = 'flight-delays';
const EXAMPLE = fileURLToPath(new URL('../../examples/flight-delays/', import.meta.url));

/**
 * Evidently's automatic choice (Wasserstein and Jensen-Shannon distances at 0.1) does
 * not flag June against January-March; KS and chi-square do: origin and destination
 * have airports the training months never saw.
 */
const DRIFT_METHODS = { delay: 'ks', distance: 'ks', origin: 'chisquare', destination: 'chisquare' };

/** Who the monitoring workflow mentions on a new alert (`monitoring.notify`): the team of the story. */
export const NOTIFY = ['alice', 'bob'];

/**
 * The scheduled monitoring run sees the prediction log as it stood at this moment: the
 * predictions made before it, and the labels that had arrived by then. A flight's label
 * arrives 14 days after the flight (as examples/flight-delays/production-log.mjs wrote
 * the labels), so the weeks from 2001-05-07 have no labels yet.
 */
export const MONITORED_AT = '2001-05-21T00:00:00Z';
export const LABEL_DELAY_DAYS = 14;

export interface Example {
  dir: string;
  configText: string;
  config: TrainyardConfig;
  model: ModelConfig;
}

export async function prepareExample(): Promise<Example> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-sandbox-'));
  await cp(EXAMPLE, dir, { recursive: true, filter: (source) => !source.includes(`${path.sep}.trainyard`) });
  const document = parse(await readFile(path.join(dir, '.github', 'trainyard.yml'), 'utf8')) as { models: Record<string, { drift: Record<string, unknown> }> };
  document.models[MODEL]!.drift.methods = DRIFT_METHODS;
  (document.models[MODEL] as unknown as { monitoring: Record<string, unknown> }).monitoring.notify = NOTIFY;
  await cutProductionLog(dir, new Date(MONITORED_AT));
  const configText = stringify(document);
  const config = validateConfig(parse(configText));
  return { dir, configText, config, model: config.models[MODEL]! };
}

/** Trains the example with `epochs` in a fresh output folder and collects what a registration stores. */
export async function train(example: Example, epochs: number, label: string): Promise<{ outputDir: string; content: VersionContent }> {
  const outputDir = path.join(example.dir, '.trainyard', 'runs', label);
  const model = { ...example.model, training: { ...example.model.training, params: { ...example.model.training.params, epochs } } };
  const env = { PATH: process.env.PATH };
  await trainModel({
    name: MODEL, model, root: example.dir, outputDir, configSha256: sha256Text(example.configText), env,
    system: await gatherSystemFacts(example.dir, env), versions: { node: process.version, trainyard: 'sandbox' }, echo: () => undefined,
  });
  const content = await collectVersionContent({ outputDir, metricsFile: model.metrics.file, predictionsFile: model.metrics.predictions });
  return { outputDir, content };
}

function csvRows(text: string): { header: string; rows: string[]; column: (name: string) => number } {
  const [header, ...rows] = text.trimEnd().split('\n');
  const names = header!.split(',');
  return { header: header!, rows, column: (name) => names.indexOf(name) };
}

/**
 * The example's production log (monitoring/predictions.csv and labels.csv, the model's
 * real predictions on April-June 2001 flights) cut at `at`: the predictions before it,
 * and the labels of the flights at least LABEL_DELAY_DAYS before it. Deterministic: the
 * same rows every time, in the files' order. On 2001-05-21 the realized roc_auc of the
 * weeks of April 16, 23 and 30 is below its band from March (the three latest weeks with
 * labels), which is the performance drop the monitoring run reports.
 */
export async function cutProductionLog(dir: string, at: Date): Promise<void> {
  const predictionsFile = path.join(dir, 'monitoring', 'predictions.csv');
  const labelsFile = path.join(dir, 'monitoring', 'labels.csv');
  const predictions = csvRows(await readFile(predictionsFile, 'utf8'));
  const labels = csvRows(await readFile(labelsFile, 'utf8'));
  const [id, date] = [predictions.column('id'), predictions.column('date')];
  const arrived = at.getTime() - LABEL_DELAY_DAYS * 86_400_000;
  const made = new Map<string, number>();
  const kept = predictions.rows.filter((row) => {
    const cells = row.split(',');
    const time = Date.parse(`${cells[date]!.replace(' ', 'T')}Z`);
    if (time >= at.getTime()) return false;
    made.set(cells[id]!, time);
    return true;
  });
  const labelId = labels.column('id');
  const known = labels.rows.filter((row) => (made.get(row.split(',')[labelId]!) ?? Infinity) <= arrived);
  await writeFile(predictionsFile, `${[predictions.header, ...kept].join('\n')}\n`);
  await writeFile(labelsFile, `${[labels.header, ...known].join('\n')}\n`);
}
