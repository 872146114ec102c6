import { describe, expect, it } from 'vitest';
import { commandFor, discover, modelNameFrom } from '../../src/init/discover.ts';
import type { RepoFile } from '../../src/init/types.ts';

const files = (...specs: Array<[string, number]>): RepoFile[] => specs.map(([path, size]) => ({ path, size }));

describe('discover', () => {
  it.each([
    ['the example layout', files(['data/train.csv', 850_045], ['data/production.csv', 432_692], ['data/schema.yml', 509], ['train.mjs', 19_538], ['train.py', 19_802], ['prepare.mjs', 5_911], ['package.json', 300]), 'data/train.csv', 'data/production.csv', ['train.py', 'train.mjs'], ['data/schema.yml']],
    ['a lone Parquet file and a script in scripts/', files(['datasets/events.parquet', 10], ['scripts/train.py', 5]), 'datasets/events.parquet', undefined, ['scripts/train.py'], []],
    ['the largest file when none is named for training, never the test split', files(['data/test.csv', 900], ['data/big.csv', 500], ['data/small.csv', 100]), 'data/big.csv', undefined, [], []],
    ['training data named "training" and serving data', files(['data/training_2024.tsv', 1], ['data/serving.jsonl', 1], ['src/train.ts', 1], ['data/features.schema.yaml', 1]), 'data/training_2024.tsv', 'data/serving.jsonl', ['src/train.ts'], ['data/features.schema.yaml']],
    ['JSON only inside data folders, not tool configuration', files(['tsconfig.json', 9_000], ['data/rows.json', 10]), 'data/rows.json', undefined, [], []],
    ['nothing to work with', files(['README.md', 10]), undefined, undefined, [], []],
  ])('finds %s', (_name, repo, train, production, scripts, schemas) => {
    const found = discover({ files: repo, folderName: 'repo', defaultBranch: 'main' });
    expect(found.train).toBe(train);
    expect(found.production).toBe(production);
    expect(found.scripts).toEqual(scripts);
    expect(found.schemaCandidates).toEqual(schemas);
    if (train) expect(found.dataFiles[0]).toBe(train);
  });
});

describe('commandFor', () => {
  it.each([
    ['train.py', 'python train.py'],
    ['train.mjs', 'node train.mjs'],
    ['scripts/train.sh', 'bash scripts/train.sh'],
    ['src/train.ts', 'npx tsx src/train.ts'],
    ['my models/train.py', 'python "my models/train.py"'],
  ])('runs %s as %s', (script, command) => {
    expect(commandFor(script)).toBe(command);
  });
});

describe('modelNameFrom', () => {
  it.each([
    ['flight-delays', 'flight-delays'],
    ['My Repo_2', 'my-repo_2'],
    ['--Churn!!', 'churn'],
    ['ÄÖÜ', 'model'],
    ['x'.repeat(80), 'x'.repeat(63)],
  ])('names %s as %s', (folder, name) => {
    expect(modelNameFrom(folder)).toBe(name);
  });
});

describe('discover: Python dependencies', () => {
  const files = (...paths: string[]) => paths.map((path) => ({ path, size: 10 }));
  it.each([
    [['train.py', 'data/train.csv', 'requirements.txt'], 'requirements.txt'],
    [['train.py', 'data/train.csv', 'requirements.txt', 'pyproject.toml', 'uv.lock'], 'uv.lock'],
    [['src/train.py', 'data/train.csv', 'pyproject.toml', 'src/requirements.txt'], 'src/requirements.txt'],
    [['train.py', 'data/train.csv', 'environment.yml'], 'environment.yml'],
    [['train.py', 'data/train.csv'], undefined],
  ])('in %j finds %s', (paths, expected) => {
    expect(discover({ files: files(...paths), folderName: 'churn', defaultBranch: 'main' }).pythonDependencies).toBe(expected);
  });
});
