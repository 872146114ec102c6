import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORT_LIMIT } from '../../src/report/drift-report.ts';
import { copyExample, runCli } from '../helpers/cli.ts';

describe('trainyard drift', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'trainyard-drift-'));
    const rows = (f: (i: number) => string) => Array.from({ length: 300 }, (_, i) => f(i)).join('\n');
    await writeFile(path.join(dir, 'ref.csv'), `x,c,only_ref,blank\n${rows((i) => `${i % 50},${'abc'[i % 3]},1,`)}\n`);
    await writeFile(path.join(dir, 'same.csv'), `x,c,only_cur,blank\n${rows((i) => `${(i * 7) % 50},${'abc'[(i + 1) % 3]},2,`)}\n`);
    await writeFile(path.join(dir, 'moved.csv'), `x,c\n${rows((i) => `${(i % 50) + 30},${'cdd'[i % 3]}`)}\n`);
  });

  it('prints the JSON contract and exits 0 without drift', async () => {
    const result = await runCli(['drift', '--reference', 'ref.csv', '--current', 'same.csv', '--json'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ drifted: false, share: 0, driftShare: 0.5 });
    const byName = Object.fromEntries(json.columns.map((c: { column: string }) => [c.column, c]));
    expect(byName.x).toEqual(
      expect.objectContaining({ column: 'x', kind: 'numerical', method: 'ks', statistic: 0, pValue: 1, threshold: 0.05, drifted: false, referenceRows: 300, currentRows: 300 }),
    );
    expect(byName.c).toEqual(expect.objectContaining({ kind: 'categorical', method: 'chisquare', pValue: 1, drifted: false }));
    expect(byName.only_ref).toMatchObject({ status: 'missing_in_current', method: null, drifted: false });
    expect(byName.only_cur).toMatchObject({ status: 'missing_in_reference', drifted: false });
    expect(byName.blank).toMatchObject({ status: 'empty', note: 'no values in the reference data (all null)' });
  });

  it('exits 1 when the dataset drifted, and writes the report and drift.json', async () => {
    const result = await runCli(['drift', '-r', 'ref.csv', '--current', 'moved.csv', '--report', 'out/report.md', '--out', 'out/drift.json'], { cwd: dir });
    expect(result.code).toBe(1);
    const report = await readFile(path.join(dir, 'out/report.md'), 'utf8');
    expect(report).toContain('**Drift detected**: 2 of 2 tested columns drifted');
    expect(report).toContain('```mermaid\nxychart-beta');
    expect(report.length).toBeLessThan(REPORT_LIMIT);
    const json = JSON.parse(await readFile(path.join(dir, 'out/drift.json'), 'utf8'));
    expect(json.columns.find((c: { column: string }) => c.column === 'c')).toMatchObject({ method: 'chisquare', statistic: null, pValue: 0, drifted: true });
  });

  it('takes methods, thresholds and a correction from the command line', async () => {
    const result = await runCli(
      ['drift', '-r', 'ref.csv', '--current', 'moved.csv', '--columns', 'x', '--method', 'x=psi', '--threshold', 'x=100', '--json'],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).columns).toEqual([expect.objectContaining({ column: 'x', method: 'psi', threshold: 100, drifted: false })]);
    const corrected = await runCli(['drift', '-r', 'ref.csv', '--current', 'moved.csv', '--correction', 'bonferroni', '--json'], { cwd: dir });
    expect(JSON.parse(corrected.stdout).columns[0]).toHaveProperty('pValueAdjusted');
  });

  it.each([
    [['--current', 'same.csv'], 'trainyard: no reference: give --reference <data|profile.json>, or --config with a model\n'],
    [['-r', 'missing.csv', '--current', 'same.csv'], 'trainyard: missing.csv: no such file, or the glob matches nothing\n'],
    [['-r', 'ref.csv', '--current', 'same.csv', '--method', 'x=kolmogorov'], 'trainyard: unknown drift method "kolmogorov"; expected one of ks, wasserstein, jensenshannon, psi, kl, hellinger, chisquare, z, linf\n'],
    [['-r', 'ref.csv', '--current', 'same.csv', '--method', 'x'], 'trainyard: --method x: expected column=value\n'],
    [['-r', 'ref.csv', '--current', 'same.csv', '--threshold', 'x=-1'], 'trainyard: --threshold x=-1: expected a non-negative number\n'],
    [['-r', 'ref.csv', '--current', 'same.csv', '--drift-share', '2'], 'trainyard: --drift-share 2: expected a number in (0, 1]\n'],
    [['-r', 'ref.csv', '--current', 'same.csv', '--correction', 'holm'], 'trainyard: --correction holm: expected one of none, bonferroni, benjamini-hochberg\n'],
    [['-r', 'ref.csv', '--current', 'same.csv', '--columns', 'nope'], 'trainyard: column "nope" is in neither the reference nor the current data; they have: x, c, only_ref, blank, only_cur\n'],
    [['-r', 'ref.csv', '--current', 'same.csv', '--method', 'c=ks'], 'trainyard: method ks for column "c" needs a numerical column; "c" is categorical\n'],
    [['-r', 'broken.profile.json', '--current', 'same.csv'], 'trainyard: broken.profile.json: rows: Invalid input: expected number, received string; expected a profile written by trainyard profile\n'],
  ])('exits 2 on %j', async (args, message) => {
    await writeFile(path.join(dir, 'broken.profile.json'), '{"format": "trainyard.profile", "version": 1, "source": "x", "rows": "many"}');
    const result = await runCli(['drift', ...args], { cwd: dir });
    expect(result.stderr).toBe(message);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });

  it('uses the model\'s drift settings from the config', async () => {
    const project = await copyExample();
    const result = await runCli(['drift', '--json'], { cwd: project });
    const json = JSON.parse(result.stdout);
    expect(result.code).toBe(0);
    expect(json.columns.map((c: { column: string }) => c.column)).toEqual(['delay', 'distance', 'origin', 'destination']);
    expect(json).toMatchObject({ drifted: false, share: 0, reference: { source: 'data/train.csv' }, current: { source: 'data/production.csv', rows: 10000 } });
  });
});

describe('trainyard drift --artifact', () => {
  it('refuses to upload outside GitHub Actions, before any work', async () => {
    const result = await runCli(['drift', '-r', 'a.csv', '--current', 'b.csv', '--artifact', 'trainyard-drift'], { env: {} });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'trainyard: --artifact trainyard-drift: artifacts can only be uploaded inside a GitHub Actions job (ACTIONS_RUNTIME_TOKEN is not set)\n' });
  });
});
