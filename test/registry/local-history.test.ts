/** The local registry's promotion history: absent means no promotions; unreadable is an error, never "no champion". */
import { mkdir } from 'node:fs/promises';
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
});
