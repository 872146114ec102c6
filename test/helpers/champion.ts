/** A GitHub registry (the simulator) whose production environment has a champion. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { tempDir, writeOutputs } from '../registry/fixtures.ts';
import type { Simulator } from '../../sim/index.ts';
import { runCli } from './cli.ts';

export const REGISTRY = ['--registry', 'github:acme/models'];

export interface Setup {
  cwd: string;
  env: Record<string, string | undefined>;
}

/**
 * acme/models with churn v1 and v2; production promoted v1, then v2, then rejected v1
 * (a rejected record never makes a champion, though its sequence is the highest).
 * Each version's files are in `<cwd>/out<N>`.
 */
export async function championed(sim: Simulator): Promise<Setup> {
  const { token } = sim.seed.user({ login: 'alice' });
  const repo = sim.seed.repo({ fullName: 'acme/models', files: { 'README.md': '# models\n' }, collaborators: { alice: 'write' }, immutableReleases: true });
  const cwd = await tempDir('trainyard-champion-');
  const env = { PATH: process.env.PATH, GITHUB_TOKEN: token, GITHUB_API_URL: sim.url, GITHUB_ACTOR: 'alice' };
  for (const seed of [1, 2]) {
    const out = path.join(cwd, `out${seed}`);
    await writeOutputs(out, seed);
    const lineage = path.join(out, 'lineage.json');
    await writeFile(lineage, (await readFile(lineage, 'utf8')).replace('a'.repeat(40), repo.headSha!));
    const registered = await runCli(['registry', 'register', 'churn', '--from', `out${seed}`, ...REGISTRY], { cwd, env });
    expect(registered.code, registered.stderr).toBe(0);
  }
  for (const [version, extra] of [['1', []], ['2', []], ['1', ['--rejected']]] as const) {
    const promoted = await runCli(['registry', 'promote', 'churn', '-v', version, '-e', 'production', ...extra, ...REGISTRY], { cwd, env });
    expect(promoted.code, promoted.stderr).toBe(0);
  }
  return { cwd, env };
}
