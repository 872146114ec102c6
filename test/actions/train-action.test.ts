import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readAction } from '../helpers/action-file.ts';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);

const load = readAction;

describe('actions/train/action.yml', () => {
  it('starts with exactly the setup steps of actions/setup, calling its setup.sh', async () => {
    const setup = await load('actions/setup/action.yml');
    const train = await load('actions/train/action.yml');
    const expected = setup.runs.steps.map((step) => (step.run ? { ...step, run: step.run.replace('$GITHUB_ACTION_PATH/setup.sh', '$GITHUB_ACTION_PATH/../setup/setup.sh') } : step));
    expect(train.runs.steps.slice(0, expected.length)).toEqual(expected);
  });

  it('pins every action to a full commit SHA and never expands ${{ }} inside a script', async () => {
    const train = await load('actions/train/action.yml');
    for (const step of train.runs.steps) {
      if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
      if (step.run) expect(step.run).not.toContain('${{');
    }
    const text = await readFile('actions/train/action.yml', 'utf8');
    expect(text).toContain('actions/upload-artifact@b7c566a772e6b6bfb58ed0dc250532a479d7789f # v6.0.0');
  });

  it('guards fork code before training, and uploads trainyard-<model> even when training failed', async () => {
    const { runs, outputs } = await load('actions/train/action.yml');
    const names = runs.steps.map((step) => step.name);
    expect(names.indexOf('Refuse untrusted fork code on self-hosted runners')).toBeLessThan(names.indexOf('Train'));
    const upload = runs.steps.find((step) => step.id === 'upload')!;
    expect(upload.if).toBe("always() && steps.train.outputs.output-dir != ''");
    expect(upload.with).toMatchObject({ name: 'trainyard-${{ steps.train.outputs.model }}', path: '${{ steps.train.outputs.output-dir }}' });
    expect(Object.keys(outputs)).toEqual(['model', 'output-dir', 'exit-code', 'artifact-id', 'artifact-url']);
  });

  it('passes inputs to trainyard as separate arguments, so a quote or $(…) in an input is inert', async () => {
    const { runs } = await load('actions/train/action.yml');
    const train = runs.steps.find((step) => step.id === 'train')!;
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-action-'));
    await mkdir(path.join(dir, 'bin'));
    await writeFile(path.join(dir, 'bin', 'trainyard'), `#!/usr/bin/env bash\nprintf '%s\\n' "$@" > "${dir}/args"\n`);
    await chmod(path.join(dir, 'bin', 'trainyard'), 0o755);
    const env = { PATH: `${dir}/bin:/usr/bin:/bin`, RUNNER_TEMP: dir, TRAINYARD_CONFIG: '.github/trainyard.yml', TRAINYARD_MODEL_INPUT: 'churn', TRAINYARD_COMMAND_INPUT: 'python train.py "$(touch pwned)"' };
    await exec('bash', ['-e', '-c', train.run!], { env, cwd: dir });
    expect((await readFile(path.join(dir, 'args'), 'utf8')).split('\n').slice(0, -1)).toEqual([
      'train', '--config', '.github/trainyard.yml', '--out', `${dir}/trainyard-train`, '--model', 'churn', '--command', 'python train.py "$(touch pwned)"',
    ]);
    await expect(readFile(path.join(dir, 'pwned'))).rejects.toThrow(/ENOENT/);
  });
});

describe('the train action\'s Python step (python.sh)', () => {
  async function pythonStep(files: Record<string, string>, inputs: Record<string, string>) {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-python-step-'));
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, RUNNER_TEMP: dir, GITHUB_PATH: path.join(dir, 'github-path'), ...inputs };
    const result = await promisify(execFile)('bash', [path.resolve('actions/train/python.sh')], { cwd: dir, env }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    return { ...result, dir, path: await readFile(env.GITHUB_PATH, 'utf8').catch(() => '') };
  }

  it('makes a virtual environment from requirements.txt, puts it first on PATH and runs the setup command in it', async () => {
    const { code, stdout, dir, path: added } = await pythonStep({ 'requirements.txt': '# nothing to download\n' }, { TRAINYARD_PYTHON_REQUIREMENTS: 'requirements.txt', TRAINYARD_PYTHON_SETUP: 'python -c "import sys; print(sys.prefix)" > prefix.txt' });
    expect(code, stdout).toBe(0);
    expect(added).toBe(`${path.join(dir, 'trainyard-python', 'bin')}\n`);
    expect((await readFile(path.join(dir, 'prefix.txt'), 'utf8')).trim()).toBe(path.join(dir, 'trainyard-python'));
  }, 120_000);

  it.each([
    ['a file that is not there', { TRAINYARD_PYTHON_REQUIREMENTS: 'requirements.txt' }, {}, /requirements\.txt is not a file/],
    ['a kind it does not install', { TRAINYARD_PYTHON_REQUIREMENTS: 'Pipfile' }, { Pipfile: '' }, /Pipfile is not a kind trainyard installs/],
  ])('refuses %s with exit 2 and a step error', async (_case, inputs, files, message) => {
    const result = await pythonStep(files, inputs);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(message);
  });
});
