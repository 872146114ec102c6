import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAllOrNothing } from '../../src/util/write-files.ts';

const temp = () => mkdtemp(path.join(tmpdir(), 'trainyard-write-'));

describe('writeAllOrNothing', () => {
  it('writes every file, creating folders', async () => {
    const root = await temp();
    await writeAllOrNothing(root, [{ path: 'a.txt', content: 'a' }, { path: 'x/y/b.txt', content: 'b' }], { force: false });
    expect(await readFile(path.join(root, 'x/y/b.txt'), 'utf8')).toBe('b');
    expect(await readFile(path.join(root, 'a.txt'), 'utf8')).toBe('a');
  });

  it('leaves nothing behind when one file cannot be written', async () => {
    const root = await temp();
    await writeFile(path.join(root, 'blocker'), 'a file where a folder is needed');
    await expect(writeAllOrNothing(root, [{ path: 'a.txt', content: 'a' }, { path: 'blocker/b.txt', content: 'b' }], { force: false })).rejects.toThrow();
    expect((await readdir(root)).sort()).toEqual(['blocker']);
  });

  it('replaces existing files only with force', async () => {
    const root = await temp();
    await writeFile(path.join(root, 'a.txt'), 'old');
    await expect(writeAllOrNothing(root, [{ path: 'a.txt', content: 'new' }, { path: 'b.txt', content: 'b' }], { force: false })).rejects.toThrow('a.txt already exists; nothing was written (use --force to replace)');
    expect(await readdir(root)).toEqual(['a.txt']);
    await writeAllOrNothing(root, [{ path: 'a.txt', content: 'new' }], { force: true });
    expect(await readFile(path.join(root, 'a.txt'), 'utf8')).toBe('new');
  });
});
