import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '../../src/config/load.ts';
import { isDataSchema, resolveChoices, type Ask } from '../../src/init/choices.ts';
import { discover } from '../../src/init/discover.ts';
import { planInit } from '../../src/init/plan.ts';
import type { InitChoices } from '../../src/init/types.ts';
import { checkFile } from '../../src/workflows/rules.ts';

const choices: InitChoices = {
  model: 'churn',
  task: 'binary',
  command: 'python train.py',
  train: 'data/train.parquet',
  production: 'data/live.parquet',
  schema: 'data/schema.yml',
  runsOn: ['self-hosted', 'gpu', 'a100'],
  environment: 'production',
  defaultBranch: 'trunk',
  driftSchedule: '0 6 * * 1',
};

const discovery = discover({ files: [{ path: 'data/train.csv', size: 10 }, { path: 'train.py', size: 1 }, { path: 'data/schema.yml', size: 1 }], folderName: 'Churn Model', defaultBranch: 'main' });

describe('planInit', () => {
  it('writes a config the loader accepts, with the schema line and the choices', () => {
    const [config] = planInit(choices).files;
    expect(config!.path).toBe('.github/trainyard.yml');
    expect(config!.content.split('\n')[0]).toBe('# yaml-language-server: $schema=https://raw.githubusercontent.com/trainyard/trainyard/v1/schema/trainyard.schema.json');
    const model = parseConfig(config!.content, 'x').models.churn!;
    expect(model.data).toEqual({ train: 'data/train.parquet', production: 'data/live.parquet', schema: 'data/schema.yml' });
    expect(model.training.command).toBe('python train.py');
    expect(model.training.runs_on).toEqual(['self-hosted', 'gpu', 'a100']);
    expect(model.drift?.current).toBe('data/live.parquet');
  });

  it('writes callers of the reusable workflows at the release tag that follow the workflow rules', () => {
    const callers = planInit(choices).files.slice(1);
    expect(callers.map((file) => file.path)).toEqual(['trainyard-pr', 'trainyard-release', 'trainyard-retrain', 'trainyard-drift', 'trainyard-monitor'].map((name) => `.github/workflows/${name}.yml`));
    for (const file of callers) {
      expect(checkFile(file.path, file.content, 'workflow'), file.path).toEqual([]);
      const workflow = parse(file.content) as { jobs: Record<string, { uses: string; with: Record<string, string> }> };
      const [job] = Object.values(workflow.jobs);
      expect(job!.uses).toBe(`trainyard/trainyard/${file.path}@v1`);
      if ('runner-labels' in job!.with) expect(JSON.parse(job!.with['runner-labels']!)).toEqual(['self-hosted', 'gpu', 'a100']);
    }
    const release = parse(callers[1]!.content) as { on: { push: { branches: string[] } }; jobs: { release: { permissions: Record<string, string> } } };
    expect(release.on.push.branches).toEqual(['trunk']);
    expect(release.jobs.release.permissions).toEqual({ contents: 'write', deployments: 'write', checks: 'read' });
    const monitor = parse(callers[4]!.content) as { on: { schedule: Array<{ cron: string }> }; jobs: { monitor: { permissions: Record<string, string>; with: Record<string, string> } } };
    expect(monitor.on.schedule).toEqual([{ cron: '17 1 * * *' }]);
    expect(monitor.jobs.monitor.permissions).toEqual({ contents: 'write', issues: 'write', 'pull-requests': 'write', actions: 'write' });
    expect(monitor.jobs.monitor.with).toEqual({ model: 'churn' });
  });

  it('skips drift monitoring and the schema without production data or a schema, and says so', () => {
    const plan = planInit({ ...choices, production: undefined, schema: undefined, task: 'regression' });
    expect(plan.files.map((file) => file.path)).not.toContain('.github/workflows/trainyard-drift.yml');
    expect(plan.files.map((file) => file.path)).not.toContain('.github/workflows/trainyard-monitor.yml');
    const model = parseConfig(plan.files[0]!.content, 'x').models.churn!;
    expect(model.data.schema).toBeUndefined();
    expect(model.drift).toBeUndefined();
    expect(plan.nextSteps.join('\n')).toMatch(/Add a data schema[\s\S]*Add production data/);
    expect(plan.files[0]!.content).toContain('rmse: { greater_is_better: false');
  });
});

describe('resolveChoices', () => {
  it('takes what was found when nobody is asked', async () => {
    const resolved = await resolveChoices({ discovery, flags: {}, schemaTexts: { 'data/schema.yml': 'columns:\n  id: { type: integer }\n' }, ask: undefined });
    expect(resolved).toMatchObject({ model: 'churn-model', task: 'binary', command: 'python train.py', train: 'data/train.csv', schema: 'data/schema.yml', defaultBranch: 'main' });
  });

  it('asks the terminal, flags win over questions', async () => {
    const asked: string[] = [];
    const ask: Ask = async (question, fallback) => {
      asked.push(`${question} [${fallback}]`);
      return question === 'Model name' ? 'fraud' : fallback;
    };
    const resolved = await resolveChoices({ discovery, flags: { task: 'multiclass' }, schemaTexts: {}, ask });
    expect(asked).toEqual(['Model name [churn-model]', 'Training command [python train.py]']);
    expect(resolved).toMatchObject({ model: 'fraud', task: 'multiclass', schema: undefined });
  });

  it.each([
    [{ model: 'Churn Model' }, 'model name "Churn Model" is invalid; expected lowercase letters, digits, ".", "_" or "-", starting with a letter or digit, at most 63 characters'],
    [{ task: 'ranking' }, 'task "ranking" is invalid; expected one of binary, multiclass, regression'],
  ])('refuses %o', async (flags, message) => {
    await expect(resolveChoices({ discovery, flags, schemaTexts: {}, ask: undefined })).rejects.toThrow(message);
  });

  it('refuses a repository without data or a training script unless flags name them', async () => {
    const empty = discover({ files: [], folderName: 'x', defaultBranch: 'main' });
    await expect(resolveChoices({ discovery: empty, flags: {}, schemaTexts: {}, ask: undefined })).rejects.toThrow('no training data found (CSV, TSV, Parquet, JSON Lines); pass --data <file|dir|glob>');
    await expect(resolveChoices({ discovery: empty, flags: { data: 'd.csv' }, schemaTexts: {}, ask: undefined })).rejects.toThrow('no training script found');
    await expect(resolveChoices({ discovery: empty, flags: { data: 'd.csv', command: 'make train' }, schemaTexts: {}, ask: undefined })).resolves.toMatchObject({ train: 'd.csv', command: 'make train' });
  });
});

describe('isDataSchema', () => {
  it.each([
    ['columns:\n  id: { type: integer }\n', true],
    ['openapi: 3.0.0\npaths: {}\n', false],
    ['columns: [a, b]\n', false],
    ['columns: {', false],
    ['', false],
  ])('%j -> %s', (text, expected) => {
    expect(isDataSchema(text)).toBe(expected);
  });
});
