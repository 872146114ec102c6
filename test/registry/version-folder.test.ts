/**
 * The state of a local registry's version folder as a racing process sees it. The
 * folder of a registration that another process is writing must never read as "not made
 * by trainyard", which stops every registration of the model.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const missedReads = vi.hoisted(() => ({ count: 0 }));

vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return {
    ...fs,
    // The race: registration.json is not there yet when it is read, and is there (with the
    // files after it) by the time the folder is listed.
    readFile: ((file: Parameters<typeof fs.readFile>[0], ...rest: unknown[]) => {
      if (missedReads.count > 0 && String(file).endsWith('registration.json')) {
        missedReads.count--;
        return Promise.reject(Object.assign(new Error(`ENOENT: no such file or directory, open '${String(file)}'`), { code: 'ENOENT' }));
      }
      return (fs.readFile as (...args: unknown[]) => Promise<unknown>)(file, ...rest);
    }) as typeof fs.readFile,
  };
});

const { folderState } = await import('../../src/registry/local/version-folder.ts');

async function versionFolder(entries: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-version-folder-'));
  for (const [name, text] of Object.entries(entries)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

const registration = `${JSON.stringify({ trainyard: 1, contentSha256: 'a'.repeat(64), startedAt: '2026-01-02T03:04:05.678Z' })}\n`;

afterEach(() => {
  missedReads.count = 0;
});

describe('folderState', () => {
  it('reads a registration that appeared between reading it and listing the folder as incomplete, not foreign', async () => {
    const dir = await versionFolder({ 'registration.json': registration, 'files/model/weights.bin': 'w' });
    missedReads.count = 1;
    expect(await folderState(dir)).toEqual({ kind: 'incomplete', registration: JSON.parse(registration) });
  });

  it('still calls a folder whose registration.json cannot be read twice, beside other files, foreign', async () => {
    const dir = await versionFolder({ 'registration.json': registration, 'files/model/weights.bin': 'w' });
    missedReads.count = 2;
    expect(await folderState(dir)).toEqual({ kind: 'foreign' });
  });

  it('calls a folder with an unparsable registration.json foreign, and one with only its temporary file claimed', async () => {
    expect(await folderState(await versionFolder({ 'registration.json': '{', 'files/x': 'x' }))).toEqual({ kind: 'foreign' });
    expect(await folderState(await versionFolder({ 'registration.json.123.tmp': '{' }))).toEqual({ kind: 'claimed' });
    expect(await folderState(await versionFolder({ 'notes.txt': 'mine' }))).toEqual({ kind: 'foreign' });
  });
});
