/**
 * monitor's default reference from a GitHub registry (the simulator, over HTTP): the
 * champion's predictions file alone is downloaded, digest verified, and joined to the
 * evaluation rows; without GITHUB_TOKEN, one line says what the token is for.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MonitorResult } from '../../src/monitor/types.ts';
import { championed } from '../helpers/champion.ts';
import { runCli } from '../helpers/cli.ts';
import { useSimulator } from '../sim/vitest.ts';

const sim = useSimulator();

const CONFIG = [
  'version: 1',
  'registry: github:acme/models',
  'models:',
  '  churn:',
  '    task: binary',
  '    data: { train: data/train.csv }',
  '    training: { command: "true" }',
  '    evaluation: { file: data/evaluation.csv, id: id, label: churned }',
  '    monitoring:',
  '      predictions: log.csv',
  '      chunk: 1rows',
  '',
].join('\n');

/** The churn project beside the registered versions: champion v2 scored ids 1 and 2 (0.2 each). */
async function project(cwd: string): Promise<void> {
  await mkdir(path.join(cwd, '.github'), { recursive: true });
  await mkdir(path.join(cwd, 'data'), { recursive: true });
  await writeFile(path.join(cwd, '.github/trainyard.yml'), CONFIG);
  await writeFile(path.join(cwd, 'data/evaluation.csv'), 'id,timestamp,x,churned\n1,2026-01-01T00:00:00Z,0.5,1\n2,2026-01-02T00:00:00Z,0.7,0\n3,2026-01-03T00:00:00Z,0.9,1\n');
  await writeFile(path.join(cwd, 'log.csv'), 'id,timestamp,score,x\n10,2026-02-01T00:00:00Z,0.3,0.6\n11,2026-02-02T00:00:00Z,0.8,0.4\n');
}

function downloads(tag: string): Record<string, number> {
  const release = sim().state.repo('acme/models')!.releases.find((candidate) => candidate.tagName === tag)!;
  return Object.fromEntries(release.assets.map((asset) => [asset.name, asset.downloadCount]));
}

describe('trainyard monitor without --reference, the champion on GitHub', () => {
  it("downloads only the champion's predictions and joins them to the evaluation rows", async () => {
    const setup = await championed(sim());
    await project(setup.cwd);
    const run = await runCli(['monitor', '--json'], setup);
    const source = "the champion churn@v2's predictions on the evaluation rows (data/evaluation.csv)";
    expect(run.stderr).toBe(`trainyard: warning: the champion's predictions lack 1 evaluation row (the evaluation set changed since it was trained); the reference has the others\ntrainyard: reference: ${source}\n`);
    const result = JSON.parse(run.stdout) as MonitorResult;
    expect(result.reference).toEqual({ rows: 2, chunks: 2, source });
    expect(downloads('churn@v2')).toMatchObject({ 'predictions.csv': 1, 'model__weights.bin': 0, 'metrics.json': 0, 'profile.json': 0 });
    expect(Object.values(downloads('churn@v1')).every((count) => count === 0)).toBe(true);
  });

  it('says what the token is for when GITHUB_TOKEN is not set, exit 2', async () => {
    const setup = await championed(sim());
    await project(setup.cwd);
    const run = await runCli(['monitor', '--json'], { cwd: setup.cwd, env: { ...setup.env, GITHUB_TOKEN: undefined } });
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', 'trainyard: GITHUB_TOKEN is not set; a github: registry needs a token with contents: read to read the champion of churn, whose evaluation predictions are the default reference (or give --reference)\n']);
  });
});
