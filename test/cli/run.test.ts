import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lineage } from '../../src/train/lineage.ts';
import { copyExample, runCli, type CliResult } from '../helpers/cli.ts';

describe('trainyard run on the flight-delays example', () => {
  let project: string;
  let result: CliResult;
  let runDir: string;

  beforeAll(async () => {
    project = await copyExample();
    result = await runCli(['run'], { cwd: project, now: new Date('2026-03-04T05:06:07.890Z') });
    runDir = path.join(project, '.trainyard', 'runs', '2026-03-04T05-06-07Z');
  });

  it('succeeds and prints the report it writes', async () => {
    expect(result.code, result.stderr).toBe(0);
    const report = await readFile(path.join(runDir, 'report.md'), 'utf8');
    expect(result.stdout).toContain(report);
    expect(result.stdout).toContain('Report written to .trainyard/runs/2026-03-04T05-06-07Z/report.md');
  });

  it('reports the model beside the always-on-time baseline', async () => {
    const metrics = JSON.parse(await readFile(path.join(runDir, 'flight-delays', 'metrics.json'), 'utf8')) as Record<string, number>;
    const row = (name: string) => new RegExp(`^\\| ${name} \\| ${metrics[name]!.toFixed(4)} \\| ${metrics[`baseline_${name}`]!.toFixed(4)} \\|`, 'm');
    for (const name of ['accuracy', 'roc_auc', 'log_loss', 'brier']) expect(result.stdout).toMatch(row(name));
    expect(result.stdout).toContain('## flight-delays (binary)');
  });

  it('leaves the artifact layout every later stage reads', async () => {
    const files = (await readdir(path.join(runDir, 'flight-delays'))).sort();
    expect(files).toEqual(['lineage.json', 'metrics.json', 'model', 'predictions.csv', 'train.log']);
    const predictions = await readFile(path.join(runDir, 'flight-delays', 'predictions.csv'), 'utf8');
    expect(predictions.split('\n')[0]).toBe('id,label,score');
  });

  it('records lineage: command, seed, params and hashed data', async () => {
    const lineage = JSON.parse(await readFile(path.join(runDir, 'flight-delays', 'lineage.json'), 'utf8')) as Lineage;
    expect(lineage).toMatchObject({ model: 'flight-delays', command: 'node train.mjs', seed: 42, exitStatus: 0, timedOut: false, params: { epochs: 8 } });
    expect(lineage.data).toEqual([{ path: 'data/train.csv', bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(lineage.configSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(lineage.versions.node).toBe(process.version);
  });
});
