import { execFile, execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const exec = promisify(execFile);
const ENTRYPOINT = path.resolve('runner-images/gpu/entrypoint.sh');
const hasShellcheck = (() => {
  try {
    execFileSync('shellcheck', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

async function script(file: string, body: string): Promise<void> {
  await writeFile(file, `#!/usr/bin/env bash\n${body}\n`);
  await chmod(file, 0o755);
}

/** A runner folder whose run.sh records its arguments and the .env it was given, plus fake tools. */
async function fakeMachine(uid: number): Promise<{ dir: string; home: string; bin: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-entry-'));
  const home = path.join(dir, 'actions-runner');
  const bin = path.join(dir, 'bin');
  await mkdir(home);
  await mkdir(bin);
  await script(path.join(home, 'run.sh'), `printf '%s\\n' "$@" > "${dir}/run.args"; env > "${dir}/run.env"`);
  await script(path.join(bin, 'trainyard'), `printf '%s\\n' "$@" > "${dir}/trainyard.args"; echo ENCODED-JIT`);
  await script(path.join(bin, 'id'), `echo ${uid}`);
  await script(path.join(bin, 'nvidia-smi'), 'echo "GPU 0: NVIDIA H200 (UUID: GPU-4d9b8fc3)"');
  return { dir, home, bin };
}

async function entrypoint(machine: { home: string; bin: string }, env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await exec('bash', [ENTRYPOINT], { env: { PATH: `${machine.bin}:/usr/bin:/bin`, RUNNER_HOME: machine.home, ...env } });
    return { code: 0, stderr };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe('runner-images/gpu/entrypoint.sh', () => {
  it('mints a JIT config with the App and runs exactly that config, credentials withheld from the job', async () => {
    const machine = await fakeMachine(1001);
    const key = path.join(machine.dir, 'app.pem');
    await writeFile(key, 'PEM');
    const result = await entrypoint(machine, { GITHUB_APP_ID: '123', GITHUB_APP_PRIVATE_KEY_FILE: key, RUNNER_REPOSITORY: 'acme/models', RUNNER_LABELS: 'self-hosted,gpu,h200', RUNNER_NAME: 'gpu-7' });
    expect(result.code, result.stderr).toBe(0);
    expect((await readFile(path.join(machine.dir, 'trainyard.args'), 'utf8')).trim().split('\n')).toEqual([
      'runner', 'jitconfig', '--repo', 'acme/models', '--labels', 'self-hosted,gpu,h200', '--name', 'gpu-7', '--runner-group-id', '1', '--app-id', '123', '--private-key', key,
    ]);
    expect((await readFile(path.join(machine.dir, 'run.args'), 'utf8')).trim().split('\n')).toEqual(['--jitconfig', 'ENCODED-JIT']);
    expect(await readFile(path.join(machine.home, '.env'), 'utf8')).toBe('TRAINYARD_RUNNER_LABELS=self-hosted,gpu,h200\n');
    const runEnv = await readFile(path.join(machine.dir, 'run.env'), 'utf8');
    expect(runEnv).not.toMatch(/^GITHUB_APP_/m);
  });

  it('uses the config ARC passes, without minting one', async () => {
    const machine = await fakeMachine(1001);
    const result = await entrypoint(machine, { ACTIONS_RUNNER_INPUT_JITCONFIG: 'FROM-ARC' });
    expect(result.code, result.stderr).toBe(0);
    expect((await readFile(path.join(machine.dir, 'run.args'), 'utf8')).trim().split('\n')).toEqual(['--jitconfig', 'FROM-ARC']);
    await expect(readFile(path.join(machine.dir, 'trainyard.args'))).rejects.toThrow(/ENOENT/);
    expect(await readFile(path.join(machine.dir, 'run.env'), 'utf8')).not.toContain('ACTIONS_RUNNER_INPUT_JITCONFIG');
  });

  it.each([
    ['as root', 0, { ACTIONS_RUNNER_INPUT_JITCONFIG: 'x' }, 'refusing to run the Actions runner as root'],
    ['without App id', 1001, {}, 'GITHUB_APP_ID is not set'],
    ['without a key file', 1001, { GITHUB_APP_ID: '1', GITHUB_APP_PRIVATE_KEY_FILE: '/nonexistent.pem' }, 'GITHUB_APP_PRIVATE_KEY_FILE does not name a readable PEM file'],
  ])('refuses to start %s', async (_case, uid, env, message) => {
    const machine = await fakeMachine(uid);
    const result = await entrypoint(machine, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it.skipIf(!hasShellcheck)('passes shellcheck, as every shell script of the actions and benchmarks does', async () => {
    const entries = [...(await readdir('actions', { recursive: true })).map((name) => path.join('actions', name)), ...(await readdir('bench')).map((name) => path.join('bench', name))];
    const scripts = [ENTRYPOINT, ...entries.filter((name) => name.endsWith('.sh'))];
    expect(scripts.length).toBeGreaterThan(5);
    await exec('shellcheck', scripts);
  });
});

describe('runner-images/gpu/Dockerfile', () => {
  it('pins the runner by version and checksum, adds Node 24 and trainyard, and runs as a non-root user', async () => {
    const text = await readFile('runner-images/gpu/Dockerfile', 'utf8');
    expect(text).toMatch(/^FROM nvidia\/cuda:[\d.]+-runtime-ubuntu24\.04$/m);
    expect(text).toMatch(/^ARG RUNNER_VERSION=\d+\.\d+\.\d+$/m);
    expect(text).toMatch(/^ARG RUNNER_SHA256=[0-9a-f]{64}$/m);
    expect(text).toContain('sha256sum -c');
    // Python trainers: the train action makes a virtual environment; `python train.py` runs.
    expect(text).toMatch(/apt-get install [^\n]*python3 python3-pip python3-venv python3-dev python-is-python3/);
    expect(text).toMatch(/^FROM node:24\.[\d.]+-bookworm-slim AS node$/m);
    expect(text).toMatch(/^USER runner$/m);
    expect(text).toContain('ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]');
  });
});

describe('runner-images/arc/values-gpu.yaml', () => {
  it('is a gha-runner-scale-set values file for a GPU node pool with App credentials', async () => {
    const values = parse(await readFile('runner-images/arc/values-gpu.yaml', 'utf8')) as Record<string, unknown> & {
      template: { spec: { nodeSelector: Record<string, string>; tolerations: Array<Record<string, string>>; containers: Array<{ name: string; command: string[]; resources: { limits: Record<string, unknown> } }> } };
    };
    expect(values).toMatchObject({ githubConfigUrl: expect.stringMatching(/^https:\/\/github\.com\//), githubConfigSecret: 'trainyard-github-app', minRunners: 0, maxRunners: 4 });
    const { spec } = values.template;
    expect(spec.nodeSelector).toEqual({ 'nvidia.com/gpu.present': 'true' });
    expect(spec.tolerations).toContainEqual({ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' });
    const runner = spec.containers.find((container) => container.name === 'runner')!;
    expect(runner.resources.limits['nvidia.com/gpu']).toBe(1);
    expect(runner.command).toEqual(['/usr/local/bin/entrypoint.sh']);
  });
});
