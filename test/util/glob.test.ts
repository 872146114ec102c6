import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/util/did-you-mean.ts';
import { expandDataPath, globToRegExp } from '../../src/util/glob.ts';

describe('globToRegExp', () => {
  it.each([
    ['*.csv', 'a.csv', true],
    ['*.csv', 'dir/a.csv', false],
    ['**/*.csv', 'dir/sub/a.csv', true],
    ['**/*.csv', 'a.csv', true],
    ['part-?.parquet', 'part-1.parquet', true],
    ['part-[0-4].parquet', 'part-7.parquet', false],
    ['part-[!0-4].parquet', 'part-7.parquet', true],
    ['a+b.csv', 'a+b.csv', true],
  ])('%s matches %s: %s', (glob, file, expected) => {
    expect(globToRegExp(glob).test(file)).toBe(expected);
  });
});

describe('expandDataPath', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'trainyard-glob-'));
    await mkdir(path.join(root, 'shards', '2026'), { recursive: true });
    for (const file of ['shards/b.csv', 'shards/a.csv', 'shards/2026/c.csv', 'shards/notes.txt']) await writeFile(path.join(root, file), 'x\n');
  });

  it('lists a directory recursively, sorted', async () => {
    const files = await expandDataPath('shards', root);
    expect(files.map((file) => path.relative(root, file))).toEqual(['shards/2026/c.csv', 'shards/a.csv', 'shards/b.csv', 'shards/notes.txt']);
  });

  it('expands a glob, and ** crosses folders', async () => {
    expect((await expandDataPath('shards/*.csv', root)).map((file) => path.basename(file))).toEqual(['a.csv', 'b.csv']);
    expect((await expandDataPath('shards/**/*.csv', root)).map((file) => path.basename(file))).toEqual(['c.csv', 'a.csv', 'b.csv']);
  });

  it('returns nothing for a missing path', async () => {
    expect(await expandDataPath('missing.csv', root)).toEqual([]);
    expect(await expandDataPath('missing/*.csv', root)).toEqual([]);
  });
});

describe('didYouMean', () => {
  it.each([
    ['trainig', ['training', 'metrics'], 'training'],
    ['timout_minutes', ['timeout_minutes', 'seed'], 'timeout_minutes'],
    ['runs-on', ['runs_on', 'seed'], 'runs_on'],
    ['mertics', ['metrics', 'data'], 'metrics'],
    ['banana', ['training', 'metrics'], undefined],
  ])('%s -> %s', (word, known, expected) => {
    expect(didYouMean(word, known)).toBe(expected);
  });
});
