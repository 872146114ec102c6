/** The local registry's folders and promotion history: absent means empty; unreadable is an error, never "no versions" or "no champion". */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RegistryError } from '../../src/registry/errors.ts';
import { LocalRegistry } from '../../src/registry/local/local-registry.ts';
import { requestFor, tempDir } from './fixtures.ts';

describe('LocalRegistry history', () => {
  it('reads no history file as no promotions', async () => {
    const registry = new LocalRegistry({ dir: await tempDir() });
    await registry.register(await requestFor('churn', 1));
    expect(await registry.history('churn')).toEqual([]);
  });

  it('fails, naming the file, when the history cannot be read, and so finds no champion by mistake', async () => {
    const dir = await tempDir();
    const registry = new LocalRegistry({ dir });
    await registry.register(await requestFor('churn', 1));
    const file = path.join(dir, 'churn', 'promotions.jsonl');
    await mkdir(file);
    const failure = await registry.history('churn').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RegistryError);
    expect(failure).toMatchObject({ exitCode: 2, message: `local:${dir}: ${file}: cannot read the promotion history (EISDIR)` });
    await expect(registry.version('churn', { environment: 'production' })).rejects.toThrow(`${file}: cannot read the promotion history (EISDIR)`);
  });

  it('lists no versions of a model it has never seen, and fails, naming the folder, when a model folder cannot be read', async () => {
    const dir = await tempDir();
    const registry = new LocalRegistry({ dir });
    expect(await registry.versions('churn')).toEqual([]);
    await writeFile(path.join(dir, 'churn'), 'not a folder');
    await expect(registry.versions('churn')).rejects.toThrow(new RegistryError(`local:${dir}`, `${path.join(dir, 'churn')}: cannot read the folder (ENOTDIR)`));
  });
});
