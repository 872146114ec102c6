import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig, projectRootOf } from '../../src/config/load.ts';
import { ConfigError } from '../../src/errors.ts';

const FILE = '.github/trainyard.yml';

function errorOf(text: string): ConfigError {
  try {
    parseConfig(text, FILE);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const minimal = `models:
  churn:
    task: binary
    data:
      train: data/train.csv
    training:
      command: python train.py
`;

describe('parseConfig', () => {
  it('fills the documented defaults', () => {
    const config = parseConfig(minimal, FILE);
    const model = config.models.churn!;
    expect(model.training).toMatchObject({ runs_on: ['self-hosted', 'gpu'], timeout_minutes: 360, seed: 42, gpus: 0, params: {} });
    expect(model.metrics).toEqual({ file: 'metrics.json', predictions: 'predictions.csv', policy: {} });
    expect(config.version).toBe(1);
  });

  it('reads the example project config', async () => {
    const loaded = await loadConfig('examples/flight-delays/.github/trainyard.yml');
    expect(Object.keys(loaded.config.models)).toEqual(['flight-delays']);
    expect(loaded.root).toBe(path.resolve('examples/flight-delays'));
    expect(loaded.config.models['flight-delays']!.metrics.policy.roc_auc).toEqual({ greater_is_better: true, threshold: 0.6, min_absolute_change: 0.002 });
  });

  it.each([
    {
      name: 'a misspelt key, with the closest known key',
      text: minimal.replace('training:', 'trainig:'),
      message: `${FILE}:6:5: models.churn.trainig: unknown key; did you mean "training"?`,
    },
    {
      name: 'a misspelt nested key',
      text: `${minimal}      timout_minutes: 5\n`,
      message: `${FILE}:8:7: models.churn.training.timout_minutes: unknown key; did you mean "timeout_minutes"?`,
    },
    {
      name: 'a value of the wrong type',
      text: `${minimal}      timeout_minutes: soon\n`,
      message: `${FILE}:8:24: models.churn.training.timeout_minutes: expected a number, got "soon"`,
    },
    {
      name: 'a value outside its enum',
      text: minimal.replace('task: binary', 'task: binray'),
      message: `${FILE}:3:11: models.churn.task: expected one of "binary", "multiclass", "regression", got "binray"`,
    },
    {
      name: 'a missing required key',
      text: 'models:\n  churn:\n    task: binary\n    training: { command: x }\n',
      message: `${FILE}:3:5: models.churn.data: missing; expected a mapping`,
    },
    {
      name: 'a model name unusable in a tag',
      text: minimal.replace('churn:', 'Churn Model:'),
      message: `${FILE}:2:3: models.Churn Model: invalid name "Churn Model"; expected a name matching /^[a-z0-9][a-z0-9._-]{0,62}$/`,
    },
    {
      name: 'a metric rule without any bound (MLflow requires one)',
      text: `${minimal}    metrics:\n      policy:\n        auc: { greater_is_better: true }\n`,
      message: `${FILE}:10:14: models.churn.metrics.policy.auc: expected at least one of threshold, min_absolute_change, min_relative_change`,
    },
    {
      name: 'a relative change outside [0, 1]',
      text: `${minimal}    metrics:\n      policy:\n        auc: { greater_is_better: true, min_relative_change: 5 }\n`,
      message: `${FILE}:10:62: models.churn.metrics.policy.auc.min_relative_change: expected a number <= 1, got 5`,
    },
    {
      name: 'an unknown drift method',
      text: `${minimal}    drift:\n      methods: { delay: anova }\n`,
      message: `${FILE}:9:25: models.churn.drift.methods.delay: expected one of "ks", "wasserstein", "jensenshannon", "psi", "kl", "hellinger", "chisquare", "z", "linf", got "anova"`,
    },
    {
      name: 'no models',
      text: 'models: {}\n',
      message: `${FILE}:1:9: models: expected at least one model`,
    },
    {
      name: 'an empty file',
      text: '',
      message: `${FILE}: the file is empty; expected a mapping with a "models" key`,
    },
    {
      name: 'broken YAML, with its position',
      text: 'models:\n  churn: [1, 2\n',
      message: `${FILE}:3:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    },
    {
      name: 'a duplicated key',
      text: `${minimal}models: {}\n`,
      message: `${FILE}:8:1: invalid YAML: Map keys must be unique`,
    },
  ])('rejects $name', ({ text, message }) => {
    expect(errorOf(text).message).toBe(message);
  });

  it('refuses a YAML alias bomb without expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (const name of ['b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const previous = String.fromCharCode(name.charCodeAt(0) - 1);
      levels.push(`${name}: &${name} [${Array.from({ length: 10 }, () => `*${previous}`).join(',')}]`);
    }
    const started = Date.now();
    const error = errorOf(`${levels.join('\n')}\nmodels: *h\n`);
    expect(error.message).toBe(`${FILE}: too many YAML aliases (an alias bomb); expected at most 100`);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses text over 1 MiB', () => {
    const text = `${minimal}# ${'x'.repeat(1024 * 1024)}\n`;
    expect(errorOf(text).message).toMatch(/^\.github\/trainyard\.yml: file is \d+ bytes; expected at most 1048576 \(1 MiB\)$/);
  });
});

describe('loadConfig', () => {
  it('refuses a file over 1 MiB before reading it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-config-'));
    const file = path.join(dir, 'trainyard.yml');
    await writeFile(file, `${minimal}#${' '.repeat(1024 * 1024)}\n`);
    await expect(loadConfig(file, 'trainyard.yml')).rejects.toThrow(/^trainyard\.yml: file is \d+ bytes; expected at most 1048576/);
  });

  it('names a missing file', async () => {
    await expect(loadConfig('/nonexistent/trainyard.yml', 'nope.yml')).rejects.toThrow('nope.yml: cannot read the config (ENOENT); expected a YAML file such as .github/trainyard.yml');
  });
});

describe('projectRootOf', () => {
  it.each([
    ['/repo/.github/trainyard.yml', '/repo'],
    ['/repo/configs/trainyard.yml', '/repo/configs'],
  ])('%s -> %s', (file, root) => {
    expect(projectRootOf(file)).toBe(root);
  });
});
