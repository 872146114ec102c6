/**
 * The flight-delays example as the sandbox's model repository: its config (with the drift
 * tests the drift workflow runs), a working copy to train in, and training through
 * trainyard's own trainer (lineage included).
 */
import { cp, mkdtemp, readFile } from 'node:fs/promises';
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
