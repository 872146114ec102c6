/** A training output folder to register, written fresh for each test. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectVersionContent } from '../../src/registry/content.ts';
import type { RegisterRequest, VersionContent } from '../../src/registry/types.ts';

export async function tempDir(prefix = 'trainyard-registry-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** Writes a trainer's outputs; `seed` varies every file so contents differ. */
export async function writeOutputs(dir: string, seed: number): Promise<void> {
  await mkdir(path.join(dir, 'model', 'nested'), { recursive: true });
  await writeFile(path.join(dir, 'model', 'weights.bin'), Buffer.from(Array.from({ length: 100 }, (_, index) => (index * 7 + seed) % 256)));
  await writeFile(path.join(dir, 'model', 'nested', 'config.json'), JSON.stringify({ seed, layers: [3, 1] }));
  await writeFile(path.join(dir, 'metrics.json'), JSON.stringify({ roc_auc: 0.7 + seed / 1000, eval: { log_loss: 0.5 } }));
  await writeFile(path.join(dir, 'predictions.csv'), `id,label,score\n1,1,0.${seed}\n2,0,0.2\n`);
  await writeFile(path.join(dir, 'lineage.json'), JSON.stringify({
    schemaVersion: 1, model: 'churn', commit: 'a'.repeat(40), dirty: false, configSha256: 'c'.repeat(64),
    data: [{ path: 'data/train.csv', bytes: 10, sha256: 'd'.repeat(64) }], params: { epochs: 3 }, seed,
    command: 'python train.py', start: '2026-01-01T00:00:00.000Z', end: '2026-01-01T00:01:00.000Z', durationSeconds: 60,
    exitStatus: 0, signal: null, timedOut: false, runner: { name: 'gpu-1', os: 'linux', arch: 'x64', labels: [] }, versions: { node: 'v20', python: null, trainyard: '0.1.0' },
  }));
  await writeFile(path.join(dir, 'profile.json'), JSON.stringify({ rows: 2, columns: { delay: { type: 'DOUBLE', nulls: 0 }, origin: { type: 'VARCHAR', nulls: 1 } } }));
}

export async function contentFor(seed: number): Promise<VersionContent> {
  const dir = await tempDir('trainyard-output-');
  await writeOutputs(dir, seed);
  return collectVersionContent({ outputDir: dir, metricsFile: 'metrics.json', predictionsFile: 'predictions.csv' });
}

export async function requestFor(model: string, seed: number, extra: Partial<RegisterRequest> = {}): Promise<RegisterRequest> {
  return {
    model,
    content: await contentFor(seed),
    text: { task: 'binary', description: 'Churn in one line.', intendedUse: 'Tests.', limitations: 'None known.' },
    commit: null,
    runUrl: 'https://github.com/acme/models/actions/runs/7',
    ...extra,
  };
}
