import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { coarsen, gridWidth, mergeHistograms } from '../../src/profile/grid.ts';
import { mergeProfiles } from '../../src/profile/merge.ts';
import { profileData } from '../../src/profile/profile-data.ts';
import type { Profile } from '../../src/profile/types.ts';
import { runCli } from '../helpers/cli.ts';

const flights = path.resolve('examples/flight-delays/data');

function withoutSamples(profile: Profile) {
  return profile.columns.map(({ sample, ...rest }) => ({ ...rest, seen: sample.seen }));
}

describe('profiles', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'trainyard-profile-'));
    const lines = (await readFile(path.join(flights, 'train.csv'), 'utf8')).trimEnd().split('\n');
    const [header, ...rows] = lines;
    // Shards split unevenly, so ranges, categories and histogram widths differ.
    await writeFile(path.join(dir, 'part-a.csv'), `${header}\n${rows.slice(0, 3000).join('\n')}\n`);
    await writeFile(path.join(dir, 'part-b.csv'), `${header}\n${rows.slice(3000, 3100).join('\n')}\n`);
    await writeFile(path.join(dir, 'part-c.csv'), `${header}\n${rows.slice(3100).join('\n')}\n`);
  });

  it('merges shard profiles into exactly the profile of the whole (but the sample)', async () => {
    const options = { root: dir, sampleSize: 500, seed: 7 };
    const whole = await profileData({ paths: 'part-*.csv', ...options });
    const parts = await Promise.all(['part-a.csv', 'part-b.csv', 'part-c.csv'].map((p) => profileData({ paths: p, ...options })));
    const merged = mergeProfiles(parts);
    expect(merged.rows).toBe(20000);
    const exact = (p: Profile) => withoutSamples(p).map((c) => ({ ...c, mean: c.mean === null ? null : Number(c.mean.toPrecision(12)), m2: c.m2 === null ? null : Number(c.m2.toPrecision(12)) }));
    expect(exact(merged)).toEqual(exact(whole));
    for (const column of merged.columns.filter((c) => c.kind === 'numerical')) {
      expect(column.sample.values).toHaveLength(500);
      expect(column.sample.values.every((v) => typeof v === 'number' && v >= (column.min as number) && v <= (column.max as number))).toBe(true);
    }
    const origin = whole.columns.find((c) => c.name === 'origin')!;
    expect(origin).toMatchObject({ kind: 'categorical', count: 20000, nulls: 0, distinct: 219 });
    const delay = whole.columns.find((c) => c.name === 'delay')!;
    expect(delay.histogram!.counts.reduce((a, b) => a + b, 0)).toBe(20000);
    expect(delay.histogram!.counts.length).toBeLessThanOrEqual(64);
  });

  it.each([
    [0, 100, 2],
    [-3.5, 1e6, 16384],
    [7, 7, 2 ** -50],
  ])('grids [%d, %d] with width %d', (min, max, width) => {
    expect(gridWidth(min, max)).toBe(width);
  });

  it('merges grid histograms exactly', () => {
    const a = { width: 1, start: 0, counts: [1, 2, 3, 4] };
    const b = { width: 4, start: 2, counts: [5] };
    expect(coarsen(a, 4)).toEqual({ width: 4, start: 0, counts: [10] });
    expect(mergeHistograms(a, b, 0, 11)).toEqual({ width: 4, start: 0, counts: [10, 0, 5] });
  });

  it('serves as a drift reference: exact from value counts, from the sample otherwise', async () => {
    const written = await runCli(['profile', '--data', path.join(flights, 'train.csv'), '--out', 'train.profile.json', '--sample-size', '2000'], { cwd: dir });
    expect(written).toMatchObject({ code: 0, stdout: `Profiled 20,000 rows, 6 columns of ${path.join(flights, 'train.csv')} into train.profile.json\n` });
    const args = ['drift', '--current', path.join(flights, 'production.csv'), '--columns', 'id,delay,origin', '--json'];
    const fromProfile = JSON.parse((await runCli([...args, '-r', 'train.profile.json'], { cwd: dir })).stdout);
    const fromData = JSON.parse((await runCli([...args, '-r', path.join(flights, 'train.csv')], { cwd: dir })).stdout);
    expect(fromProfile.reference).toEqual({ source: 'train.profile.json', kind: 'profile', rows: 20000 });
    const [idP, delayP, originP] = fromProfile.columns;
    const [idD, delayD, originD] = fromData.columns;
    // Fewer than 1000 distinct values: the profile's counts are complete and the result exact.
    expect(originP).toMatchObject({ basis: 'profile', method: 'jensenshannon', referenceRows: 20000 });
    expect(originP.statistic).toBeCloseTo(originD.statistic, 12);
    expect(delayP).toMatchObject({ basis: 'profile', method: 'wasserstein' });
    expect(delayP.statistic).toBeCloseTo(delayD.statistic, 12);
    // id has a value per row: the reservoir sample stands in, and the output says so.
    expect(idP).toMatchObject({ basis: 'sample', method: 'wasserstein', referenceRows: 20000, drifted: true });
    expect(idP.note).toContain('reference: a reservoir sample of 2000 of 20000 values');
    expect(Math.abs(idP.statistic - idD.statistic) / idD.statistic).toBeLessThan(0.05);
  });

  it('refuses bad options and unreadable profiles with exit 2', async () => {
    expect(await runCli(['profile'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'trainyard: profile: expected --data <file|directory|glob>\n' });
    expect(await runCli(['profile', '--data', 'part-a.csv', '--sample-size', '0'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'trainyard: --sample-size 0: expected an integer from 1 to 1000000\n' });
    await writeFile(path.join(dir, 'bad.json'), 'nope');
    const merged = await runCli(['profile', 'merge', 'bad.json'], { cwd: dir });
    expect(merged.code).toBe(2);
    expect(merged.stderr).toMatch(/^trainyard: bad\.json: not JSON \(.*\); expected a profile written by trainyard profile\n$/);
  });
});
