/**
 * The contract both registries keep: the same calls give the same versions, numbers,
 * promotions and errors, whether the registry is a local folder or GitHub Releases
 * (served by the GitHub simulator, through a real Octokit, with tiny asset parts so
 * the split-and-join path runs).
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { GitHubReleasesRegistry } from '../../src/registry/github/github-registry.ts';
import { LocalRegistry } from '../../src/registry/local/local-registry.ts';
import type { ModelRegistry, PromoteRequest } from '../../src/registry/types.ts';
import { sha256File } from '../../src/util/hash.ts';
import { startSimulator, type Simulator } from '../../sim/index.ts';
import { requestFor, tempDir } from './fixtures.ts';

interface Backend {
  /** A fresh registry instance over the same store, as a second process would open it. */
  open(options?: { staleAfterMs?: number }): ModelRegistry;
  /** Changes the stored bytes of one file of a version. */
  tamper(model: string, version: number, file: string): Promise<void>;
  /** Removes the stored bytes of one file of a version. */
  remove(model: string, version: number, file: string): Promise<void>;
  /** Makes version N of a model something trainyard did not make. */
  foreign(model: string, version: number): Promise<void>;
  close(): Promise<void>;
}

async function localBackend(): Promise<Backend> {
  const dir = await tempDir();
  const { mkdir, writeFile } = await import('node:fs/promises');
  const stored = (model: string, version: number, file: string) => path.join(dir, model, `v${version}`, 'files', file);
  return {
    open: (options = {}) => new LocalRegistry({ dir, ...options }),
    tamper: async (model, version, file) => writeFile(stored(model, version, file), 'tampered'),
    remove: async (model, version, file) => rm(stored(model, version, file)),
    foreign: async (model, version) => {
      await mkdir(path.join(dir, model, `v${version}`), { recursive: true });
      await writeFile(path.join(dir, model, `v${version}`, 'notes.txt'), 'mine');
    },
    close: async () => rm(dir, { recursive: true, force: true }),
  };
}

async function githubBackend(): Promise<Backend> {
  const sim: Simulator = await startSimulator();
  const { token } = sim.seed.user({ login: 'alice' });
  sim.seed.repo({ fullName: 'acme/models', files: { 'README.md': '# models\n' }, collaborators: { alice: 'write' } });
  const octokit = new Octokit({ auth: token, baseUrl: sim.url, log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} } });
  const releaseOf = (model: string, version: number) => sim.state.repo('acme/models')!.releases.find((release) => release.tagName === `${model}@v${version}`)!;
  const assetsOf = (model: string, version: number, file: string) => {
    const prefix = file.replace(/\//g, '__');
    return releaseOf(model, version).assets.filter((asset) => asset.name === prefix || asset.name.startsWith(`${prefix}.part-`));
  };
  return {
    open: (options = {}) => new GitHubReleasesRegistry({ octokit, owner: 'acme', repo: 'models', partBytes: 16, now: () => sim.clock.now(), ...options }),
    tamper: async (model, version, file) => {
      const [asset] = assetsOf(model, version, file);
      asset!.data = Buffer.concat([asset!.data.subarray(0, asset!.data.length - 1), Buffer.from('!')]);
    },
    remove: async (model, version, file) => {
      const release = releaseOf(model, version);
      const gone = new Set(assetsOf(model, version, file));
      release.assets = release.assets.filter((asset) => !gone.has(asset));
    },
    foreign: async (model, version) => {
      await octokit.repos.createRelease({ owner: 'acme', repo: 'models', tag_name: `${model}@v${version}`, name: 'hand made', body: 'Made by hand.' });
    },
    close: async () => {
      sim.assertNoViolations();
      await sim.close();
    },
  };
}

function promotion(version: number, extra: Partial<PromoteRequest> = {}): PromoteRequest {
  return { model: 'churn', version, environment: 'production', decision: 'approved', approvers: ['bob'], gate: { passed: true, summary: 'roc_auc 0.71 >= 0.6' }, reason: 'better AUC', runUrl: 'https://github.com/acme/models/actions/runs/9', actor: 'alice', ...extra };
}

describe.each([
  ['LocalRegistry', localBackend],
  ['GitHubReleasesRegistry', githubBackend],
])('%s keeps the registry contract', (_name, makeBackend) => {
  let backend: Backend;
  afterEach(async () => backend?.close());
  const start = async (): Promise<ModelRegistry> => {
    backend = await makeBackend();
    return backend.open();
  };

  it('registers versions 1, 2, ... whose cards read back what was registered', async () => {
    const registry = await start();
    const request = await requestFor('churn', 1);
    const first = await registry.register(request);
    const second = await registry.register(await requestFor('churn', 2));
    expect([first.version, second.version, first.tag]).toEqual([1, 2, 'churn@v1']);
    const listed = await backend.open().versions('churn');
    expect(listed.map((version) => version.version)).toEqual([1, 2]);
    const card = (await registry.version('churn', { version: 1 })).card;
    expect(card).toMatchObject({ model: 'churn', version: 1, task: 'binary', metrics: request.content.metrics, contentSha256: request.content.contentSha256, profile: { rows: 2 } });
    expect(card.files.map((file) => file.path)).toEqual(['model/nested/config.json', 'model/weights.bin', 'metrics.json', 'predictions.csv', 'lineage.json', 'profile.json']);
    expect(await registry.models()).toEqual(['churn']);
  });

  it('downloads every file byte for byte, digests verified', async () => {
    const registry = await start();
    const request = await requestFor('churn', 3);
    await registry.register(request);
    const dir = path.join(await tempDir(), 'download');
    const downloaded = await registry.download('churn', 1, dir);
    for (const file of request.content.files) expect(await sha256File(path.join(dir, file.path))).toBe(file.sha256);
    expect(await readFile(path.join(dir, 'model-card.md'), 'utf8')).toContain('# churn v1');
    expect(downloaded.files).toHaveLength(6);
    await expect(registry.download('churn', 1, dir)).rejects.toThrow(/already exists/);
  });

  it('downloads only the files asked for (a file or a folder), digests verified', async () => {
    const registry = await start();
    const request = await requestFor('churn', 3);
    await registry.register(request);
    const dir = path.join(await tempDir(), 'download');
    const downloaded = await registry.download('churn', 1, dir, { only: ['profile.json', 'model/'] });
    expect(downloaded.files.map((file) => file.path)).toEqual(['model/nested/config.json', 'model/weights.bin', 'profile.json']);
    expect((await readdir(dir, { recursive: true })).sort()).toEqual(['model', 'model/nested', 'model/nested/config.json', 'model/weights.bin', 'profile.json']);
    const profile = request.content.files.find((file) => file.path === 'profile.json')!;
    expect(await sha256File(path.join(dir, 'profile.json'))).toBe(profile.sha256);
    const other = path.join(await tempDir(), 'download');
    await expect(registry.download('churn', 1, other, { only: ['profile.json', 'drift.json'] })).rejects.toThrow('churn@v1 has no file "drift.json"; it has: model/nested/config.json, model/weights.bin, metrics.json, predictions.csv, lineage.json, profile.json');
    expect(await stat(other).catch(() => null)).toBeNull();
  });

  it('gives racing registrations different numbers', async () => {
    await start();
    const requests = await Promise.all([1, 2, 3, 4].map((seed) => requestFor('churn', seed)));
    const versions = await Promise.all(requests.map((request) => backend.open().register(request)));
    expect(versions.map((version) => version.version).sort()).toEqual([1, 2, 3, 4]);
    const listed = await backend.open().versions('churn');
    expect(listed.map((version) => version.card.contentSha256).sort()).toEqual(requests.map((request) => request.content.contentSha256).sort());
  });

  it('resumes an interrupted registration of the same content under the same number', async () => {
    const registry = await start();
    const request = await requestFor('churn', 5);
    const interrupt = { ...request, onProgress: (event: { kind: string }) => {
      if (event.kind === 'stored') throw new Error('killed');
    } };
    await expect(registry.register(interrupt)).rejects.toThrow('killed');
    expect(await registry.versions('churn')).toEqual([]);
    const resumed = await backend.open().register(request);
    expect(resumed.version).toBe(1);
    expect((await registry.versions('churn')).map((version) => version.version)).toEqual([1]);
  });

  it('removes a stale interrupted registration of other content and never reuses its number', async () => {
    const registry = await start();
    const interrupt = { ...(await requestFor('churn', 6)), onProgress: (event: { kind: string }) => {
      if (event.kind === 'stored') throw new Error('killed');
    } };
    await expect(registry.register(interrupt)).rejects.toThrow('killed');
    const next = await backend.open({ staleAfterMs: -1 }).register(await requestFor('churn', 7));
    expect(next.version).toBe(2);
    expect((await registry.versions('churn')).map((version) => version.version)).toEqual([2]);
  });

  it('records promotions append-only; the champion is the highest approved sequence', async () => {
    const registry = await start();
    for (const seed of [1, 2, 3]) await registry.register(await requestFor('churn', seed));
    const first = await registry.promote(promotion(1));
    const second = await registry.promote(promotion(2, { approvers: ['bob', 'carol'] }));
    const rejected = await registry.promote(promotion(3, { decision: 'rejected', gate: { passed: false, summary: 'roc_auc worse' } }));
    const staging = await registry.promote(promotion(3, { environment: 'staging' }));
    expect([first.sequence, second.sequence, rejected.sequence, staging.sequence]).toEqual([1, 2, 3, 1]);
    expect((await registry.version('churn', { environment: 'production' })).version).toBe(2);
    expect((await registry.version('churn', { environment: 'staging' })).version).toBe(3);
    const history = await backend.open().history('churn', 'production');
    expect(history.map((record) => [record.sequence, record.version, record.decision])).toEqual([[1, 1, 'approved'], [2, 2, 'approved'], [3, 3, 'rejected']]);
    expect(history[1]).toMatchObject({ approvers: ['bob', 'carol'], reason: 'better AUC', runUrl: 'https://github.com/acme/models/actions/runs/9', actor: 'alice', gate: { passed: true } });
    expect(await registry.history('churn')).toHaveLength(4);
  });

  it('gives racing promotions different sequence numbers', async () => {
    const registry = await start();
    await registry.register(await requestFor('churn', 1));
    const records = await Promise.all([1, 2, 3].map(() => backend.open().promote(promotion(1))));
    expect(records.map((record) => record.sequence).sort()).toEqual([1, 2, 3]);
    expect(await registry.history('churn', 'production')).toHaveLength(3);
  });

  it('refuses a download whose stored bytes changed, leaving nothing behind', async () => {
    const registry = await start();
    await registry.register(await requestFor('churn', 8));
    await backend.tamper('churn', 1, 'model/weights.bin');
    const dir = path.join(await tempDir(), 'download');
    await expect(registry.download('churn', 1, dir)).rejects.toThrow(/sha256 .* (differs|expected)/);
    expect(await stat(dir).catch(() => null)).toBeNull();
  });

  it('refuses a download with a missing file', async () => {
    const registry = await start();
    await registry.register(await requestFor('churn', 9));
    await backend.remove('churn', 1, 'metrics.json');
    const dir = path.join(await tempDir(), 'download');
    await expect(registry.download('churn', 1, dir)).rejects.toThrow(/missing/);
    expect(await stat(dir).catch(() => null)).toBeNull();
  });

  it('refuses to register beside a version trainyard did not make', async () => {
    const registry = await start();
    await backend.foreign('churn', 1);
    await expect(registry.register(await requestFor('churn', 1))).rejects.toThrow(/not made by trainyard/);
    expect(await registry.versions('churn')).toEqual([]);
  });

  it.each(['Churn', 'a b', '-x', 'x@v1', ''])('refuses the model name "%s"', async (model) => {
    const registry = await start();
    await expect(registry.register(await requestFor(model, 1))).rejects.toThrow(/not usable in a tag/);
  });

  it('refuses to promote a version that does not exist or to an unusable environment', async () => {
    const registry = await start();
    await registry.register(await requestFor('churn', 1));
    await expect(registry.promote(promotion(4))).rejects.toThrow(/churn has no version 4; registered: v1/);
    await expect(registry.promote(promotion(1, { environment: 'prod env' }))).rejects.toThrow(/not usable in a tag/);
    await expect(registry.version('churn', { environment: 'production' })).rejects.toThrow(/no version promoted to "production"/);
  });
});
