/**
 * actions/detect-drift/champion.sh, the `reference: champion` step, run as the runner
 * runs it, with a `trainyard` on PATH that is this checkout's CLI, against GitHub (the
 * simulator, over HTTP).
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { championed, type Setup } from '../helpers/champion.ts';
import { tempDir } from '../registry/fixtures.ts';
import { useSimulator } from '../sim/vitest.ts';

const sim = useSimulator();
const execFileAsync = promisify(execFile);

describe('actions/detect-drift/champion.sh against GitHub (the simulator)', () => {
  /** Runs the script with a `trainyard` on PATH that runs this checkout's CLI. */
  async function champion(setup: Setup, reference: string, environment = 'production'): Promise<{ code: number; stdout: string; stderr: string; output: string; temp: string }> {
    const temp = await tempDir('trainyard-runner-');
    const bin = path.join(temp, 'bin');
    await mkdir(bin);
    await writeFile(path.join(bin, 'trainyard'), `#!/usr/bin/env bash\nexec "${path.resolve('node_modules/.bin/tsx')}" "${path.resolve('src/cli/bin.ts')}" "$@"\n`);
    await chmod(path.join(bin, 'trainyard'), 0o755);
    const output = path.join(temp, 'output');
    await writeFile(output, '');
    const env = { ...setup.env, PATH: `${bin}:${process.env.PATH}`, RUNNER_TEMP: temp, GITHUB_OUTPUT: output, REFERENCE: reference, MODEL: 'churn', ENVIRONMENT: environment, REGISTRY: 'github:acme/models', CONFIG: '.github/trainyard.yml' };
    const ran = await execFileAsync(path.resolve('actions/detect-drift/champion.sh'), [], { cwd: setup.cwd, env }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
    return { ...ran, output: await readFile(output, 'utf8'), temp };
  }

  it('puts the path of the champion\'s profile.json in the step output', async () => {
    const setup = await championed(sim());
    await mkdir(path.join(setup.cwd, '.github'));
    await writeFile(path.join(setup.cwd, '.github', 'trainyard.yml'), await readFile('examples/flight-delays/.github/trainyard.yml', 'utf8'));
    const result = await champion(setup, 'champion');
    expect(result.code, result.stderr).toBe(0);
    expect(result.output).toBe(`path=${result.temp}/trainyard-champion/profile.json\n`);
    expect(await readFile(`${result.temp}/trainyard-champion/profile.json`, 'utf8')).toBe(await readFile(path.join(setup.cwd, 'out2', 'profile.json'), 'utf8'));
    expect(result.stdout).toBe(`churn v2: 1 file in ${result.temp}/trainyard-champion\n`);
  }, 30_000);

  it('fails with exit 2 and the registry\'s one line when the environment has no champion', async () => {
    const setup = await championed(sim());
    await mkdir(path.join(setup.cwd, '.github'));
    await writeFile(path.join(setup.cwd, '.github', 'trainyard.yml'), await readFile('examples/flight-delays/.github/trainyard.yml', 'utf8'));
    const result = await champion(setup, 'champion', 'staging');
    expect([result.code, result.output]).toEqual([2, '']);
    expect(result.stderr).toBe('trainyard: github:acme/models: churn has no version promoted to "staging"\n');
    expect(result.stdout).toBe('::error title=trainyard drift::cannot take the profile of the champion of churn in staging from github:acme/models (see the line above)\n');
  }, 30_000);

  it('passes any other reference through without asking the registry', async () => {
    const setup = { cwd: await tempDir(), env: { PATH: process.env.PATH } };
    const result = await champion(setup, 'data/train.csv');
    expect([result.code, result.output]).toEqual([0, 'path=data/train.csv\n']);
    expect(sim().requests().total).toBe(0);
  });
});
