/** The registry commands against GitHub (the simulator), token and API URL from the environment. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSimulator } from '../sim/vitest.ts';
import { runCli } from '../helpers/cli.ts';
import { tempDir, writeOutputs } from '../registry/fixtures.ts';

const sim = useSimulator();

describe('trainyard registry --registry github:<owner>/<repo>', () => {
  it('registers a version as a release, promotes it and prints the history', async () => {
    const { token } = sim().seed.user({ login: 'alice' });
    const repo = sim().seed.repo({ fullName: 'acme/models', files: { 'README.md': '# models\n' }, collaborators: { alice: 'write' }, immutableReleases: true });
    const cwd = await tempDir();
    await writeOutputs(path.join(cwd, 'out'), 1);
    const lineageFile = path.join(cwd, 'out', 'lineage.json');
    const lineage = await readFile(lineageFile, 'utf8');
    const env = { PATH: process.env.PATH, GITHUB_TOKEN: token, GITHUB_API_URL: sim().url, GITHUB_ACTOR: 'alice' };
    const registry = ['--registry', 'github:acme/models'];
    const unpushed = await runCli(['registry', 'register', 'churn', '--from', 'out', ...registry], { cwd, env });
    expect(unpushed.stderr).toBe(`trainyard: github:acme/models: cannot tag churn@v1: commit ${'a'.repeat(40)} is not in acme/models; push it first (HTTP 422)\n`);
    await writeFile(lineageFile, lineage.replace('a'.repeat(40), repo.headSha!));
    const registered = await runCli(['registry', 'register', 'churn', '--from', 'out', ...registry], { cwd, env });
    expect(registered.code, registered.stderr).toBe(0);
    expect(registered.stdout).toBe('registered churn v1 (https://github.com/acme/models/releases/tag/churn%40v1)\n');
    const release = sim().state.repo('acme/models')!.releases[0]!;
    expect([release.tagName, release.draft, release.assets.map((asset) => asset.name).sort()]).toEqual(['churn@v1', false, ['lineage.json', 'metrics.json', 'model__nested__config.json', 'model__weights.bin', 'predictions.csv', 'profile.json', 'trainyard-manifest.json']]);
    const promoted = await runCli(['registry', 'promote', 'churn', '-v', '1', '-e', 'production', '--approver', 'bob', '--reason', 'first model', ...registry], { cwd, env });
    expect(promoted.stdout).toBe('recorded churn#production#1: v1 approved\n');
    const history = await runCli(['registry', 'history', 'churn', ...registry], { cwd, env });
    expect(history.stdout).toMatch(/production\s+1\s+v1\s+approved\s+alice\s+bob\s+passed: not evaluated\s+first model/);
  });
});
