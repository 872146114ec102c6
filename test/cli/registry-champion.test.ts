/**
 * Taking the champion's profile.json from GitHub (the simulator, over HTTP): what
 * `reference: champion` of actions/detect-drift runs. Only profile.json is fetched;
 * an environment without a champion is one line and exit 2.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { championed, REGISTRY } from '../helpers/champion.ts';
import { runCli } from '../helpers/cli.ts';
import { useSimulator } from '../sim/vitest.ts';

const sim = useSimulator();

/** Downloads of each asset of a release, by asset name. */
function downloads(tag: string): Record<string, number> {
  const release = sim().state.repo('acme/models')!.releases.find((candidate) => candidate.tagName === tag)!;
  return Object.fromEntries(release.assets.map((asset) => [asset.name, asset.downloadCount]));
}

describe('trainyard registry download --environment --file against GitHub (the simulator)', () => {
  it('fetches only the champion\'s profile.json, digest verified', async () => {
    const setup = await championed(sim());
    const result = await runCli(['registry', 'download', 'churn', '-e', 'production', '--file', 'profile.json', '--out', 'champion', ...REGISTRY], setup);
    expect([result.code, result.stdout, result.stderr]).toEqual([0, 'churn v2: 1 file in champion\n', '']);
    expect(await readdir(path.join(setup.cwd, 'champion'))).toEqual(['profile.json']);
    expect(await readFile(path.join(setup.cwd, 'champion', 'profile.json'), 'utf8')).toBe(await readFile(path.join(setup.cwd, 'out2', 'profile.json'), 'utf8'));
    expect(downloads('churn@v2')).toEqual({
      'model__nested__config.json': 0, 'model__weights.bin': 0, 'metrics.json': 0, 'predictions.csv': 0, 'lineage.json': 0, 'profile.json': 1, 'trainyard-manifest.json': 1,
    });
    expect(Object.values(downloads('churn@v1')).every((count) => count === 0)).toBe(true);
  });

  it('says in one line, exit 2, that an environment has no champion, and writes nothing', async () => {
    const setup = await championed(sim());
    const result = await runCli(['registry', 'download', 'churn', '-e', 'staging', '--file', 'profile.json', '--out', 'champion', ...REGISTRY], setup);
    expect([result.code, result.stdout, result.stderr]).toEqual([2, '', 'trainyard: github:acme/models: churn has no version promoted to "staging"\n']);
    expect(await stat(path.join(setup.cwd, 'champion')).catch(() => null)).toBeNull();
  });

  it('refuses a file the version does not have, listing those it has', async () => {
    const setup = await championed(sim());
    const result = await runCli(['registry', 'download', 'churn', '-e', 'production', '--file', 'drift.json', '--out', 'champion', ...REGISTRY], setup);
    expect([result.code, result.stderr]).toEqual([2, 'trainyard: github:acme/models: churn@v2 has no file "drift.json"; it has: model/nested/config.json, model/weights.bin, metrics.json, predictions.csv, lineage.json, profile.json\n']);
  });
});
