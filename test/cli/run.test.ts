import { appendFile, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lineage } from '../../src/train/lineage.ts';
import { copyExample, runCli, type CliResult } from '../helpers/cli.ts';

describe('trainyard run on the flight-delays example', () => {
  let project: string;
  let first: CliResult;
  let second: CliResult;
  const runDir = (stamp: string) => path.join(project, '.trainyard', 'runs', stamp);

  beforeAll(async () => {
    project = await copyExample();
    first = await runCli(['run'], { cwd: project, now: new Date('2026-03-04T05:06:07.890Z') });
    second = await runCli(['run'], { cwd: project, now: new Date('2026-03-05T05:06:07.890Z') });
  });

  it('succeeds and prints the report it writes', async () => {
    expect(first.code, first.stderr).toBe(0);
    const report = await readFile(path.join(runDir('2026-03-04T05-06-07-890Z'), 'report.md'), 'utf8');
    expect(first.stdout).toContain(report);
    expect(first.stdout).toContain('Report written to .trainyard/runs/2026-03-04T05-06-07-890Z/report.md');
  });

  it('goes through every stage, in order', () => {
    const stages = [...first.stdout.matchAll(/^\| (\w+) \| (?:✅|❌|ℹ️|⏭️|⚠️) \| /gm)].map((match) => match[1]);
    expect(stages).toEqual(['validate', 'train', 'evaluate', 'compare', 'drift', 'register']);
    expect(first.stdout).toContain('| validate | ✅ | train valid (20,000 rows), production valid (10,000 rows) |');
    expect(first.stdout).toMatch(/\| drift \| ✅ \| no dataset drift, 0 of 4 columns/);
  });

  it('judges the first model on the evaluation rows by threshold rules, with metrics trainyard computed, then promotes it', async () => {
    const metrics = JSON.parse(await readFile(path.join(runDir('2026-03-04T05-06-07-890Z'), 'flight-delays', 'metrics.json'), 'utf8')) as Record<string, number>;
    expect(first.stdout).toContain('| compare | ✅ | against threshold rules on the evaluation rows (no champion yet): pass: all 3 gated metrics met the policy |');
    expect(first.stdout).toContain('The candidate scored on the 3,980 evaluation rows (the rows of data/train.csv whose id hashes below 0.2), labels read from the data');
    expect(first.stdout).toContain(`| roc_auc ↑ | — | ${metrics.roc_auc!.toFixed(4)} | — | ✅ pass |`);
    expect(first.stdout).toContain('| holdout_rows (reported by the trainer) | — | 3,980 | — | — |');
    expect(first.stdout).toContain('| register | ℹ️ | registered flight-delays@v1, promoted to production (#1) |');
  });

  it('compares the next run with the champion on shared rows, keeps the champion when it is no better, and exits 1 (a gate said no)', () => {
    expect(second.code, second.stderr).toBe(1);
    expect(second.stdout).toContain('| compare | ❌ | against champion flight-delays@v1: fail: roc_auc did not meet the policy |');
    expect(second.stdout).toContain('paired bootstrap over 3,980 shared rows, 1,000 resamples');
    expect(second.stdout).toContain('Both models scored on the 3,980 evaluation rows');
    expect(second.stdout).toContain('| register | ℹ️ | registered flight-delays@v2, not promoted: the comparison did not pass |');
  });

  it('leaves the history in the local registry for `trainyard registry history`', async () => {
    const history = await runCli(['registry', 'history', 'flight-delays'], { cwd: project });
    expect(history.code, history.stderr).toBe(0);
    const rows = history.stdout.trim().split('\n').slice(2);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^\S+\s+production\s+1\s+v1\s+approved\s+.*passed: pass: all 3 gated metrics met the policy/);
  });

  it('leaves the artifact layout every later stage reads', async () => {
    const files = (await readdir(path.join(runDir('2026-03-04T05-06-07-890Z'), 'flight-delays'))).sort();
    expect(files).toEqual(['comparison.json', 'drift.json', 'drift.md', 'lineage.json', 'metrics.json', 'model', 'predictions.csv', 'train.log']);
    const predictions = await readFile(path.join(runDir('2026-03-04T05-06-07-890Z'), 'flight-delays', 'predictions.csv'), 'utf8');
    expect(predictions.split('\n')[0]).toBe('id,label,score');
  });

  it('records lineage: command, seed, params and hashed data', async () => {
    const lineage = JSON.parse(await readFile(path.join(runDir('2026-03-04T05-06-07-890Z'), 'flight-delays', 'lineage.json'), 'utf8')) as Lineage;
    expect(lineage).toMatchObject({ model: 'flight-delays', command: 'node train.mjs', seed: 42, exitStatus: 0, timedOut: false, params: { epochs: 8 } });
    expect(lineage.data).toEqual([{ path: 'data/train.csv', bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(lineage.configSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(lineage.versions.node).toBe(process.version);
  });

  it('stops before training when the data fails its schema, with exit code 1', async () => {
    await appendFile(path.join(project, 'data', 'train.csv'), '99999999,2001-02-30 25:00:00,12,-5,XX,LAX\n');
    const result = await runCli(['run'], { cwd: project, now: new Date('2026-03-06T05:06:07.890Z') });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('0 of 1 model trained.');
    expect(result.stdout).toContain('Training did not run: the data failed validation.');
    expect(result.stdout).toMatch(/\| validate \| ❌ \| train \d+ failed check\(s\) \(20,001 rows\), production valid/);
    expect(await readdir(runDir('2026-03-06T05-06-07-890Z'))).toEqual(['report.md']);
  });
});
