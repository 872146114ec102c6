import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readAction, type ActionStep } from '../helpers/action-file.ts';
import { beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);

type Step = ActionStep;

async function stepsOf(file: string): Promise<Step[]> {
  return (await readAction(file)).runs.steps;
}

describe('the validate-data action', () => {
  let steps: Step[];
  beforeAll(async () => {
    steps = await stepsOf('actions/validate-data/action.yml');
  });

  it('starts with the setup steps of actions/setup, calling its setup.sh', async () => {
    const setup = await stepsOf('actions/setup/action.yml');
    const expected = setup.map((step) => (step.run ? { ...step, run: step.run.replace('$GITHUB_ACTION_PATH/setup.sh', '$GITHUB_ACTION_PATH/../setup/setup.sh') } : step));
    expect(steps.slice(0, setup.length)).toEqual(expected);
  });

  it('passes inputs through env only and pins every action to a commit', () => {
    for (const step of steps) {
      if (step.run) expect(step.run).not.toContain('${{');
      if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
    }
    expect(steps.find((step) => step.name === 'Validate the data')?.env).toMatchObject({ TRAINYARD_DATA: '${{ inputs.data }}', TRAINYARD_SCHEMA: '${{ inputs.schema }}' });
  });
});

describe('the validate-data step script', () => {
  let dir: string;
  let env: Record<string, string>;
  const script = path.resolve('actions/validate-data/validate.sh');

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'trainyard-action-'));
    // `trainyard` on PATH, as setup.sh link puts it, running the sources.
    await writeFile(path.join(dir, 'trainyard'), `#!/usr/bin/env bash\nexec "${process.execPath}" --import tsx "${path.resolve('src/cli/bin.ts')}" "$@"\n`);
    await chmod(path.join(dir, 'trainyard'), 0o755);
    env = { PATH: `${dir}:${process.env.PATH}`, GITHUB_OUTPUT: path.join(dir, 'output'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md') };
  });

  async function step(inputs: Record<string, string>, args: string[] = []) {
    await writeFile(env.GITHUB_OUTPUT!, '');
    await writeFile(env.GITHUB_STEP_SUMMARY!, '');
    const run = await exec(script, args, { env: { ...env, ...inputs } }).then(
      (done) => ({ code: 0, ...done }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
    return { ...run, output: await readFile(env.GITHUB_OUTPUT!, 'utf8'), summary: await readFile(env.GITHUB_STEP_SUMMARY!, 'utf8') };
  }

  it('reports failed checks as outputs, a summary table and annotations, without failing the step', async () => {
    const report = path.join(dir, 'penguins.md');
    const result = await step({ TRAINYARD_DATA: 'test/fixtures/validate/penguins-defects.csv', TRAINYARD_SCHEMA: 'test/fixtures/validate/penguins-schema.yml', TRAINYARD_REPORT: report });
    expect(result.code).toBe(0);
    expect(result.output).toBe(`report=${report}\nvalid=false\n`);
    expect(result.summary).toContain('| Body Mass (g) | max | 1 | 0.29% | <= 6500 | `row 120: "9999"` | 9 |');
    expect(result.stdout).toContain('::error file=test/fixtures/validate/penguins-schema.yml,line=9,col=61,title=trainyard validate%3A Body Mass (g) max::');
  });

  it('fails on bad input with the CLI\'s one-line reason and no outputs', async () => {
    const result = await step({ TRAINYARD_DATA: 'missing.csv', TRAINYARD_SCHEMA: 'test/fixtures/validate/penguins-schema.yml', TRAINYARD_REPORT: path.join(dir, 'x.md') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('trainyard: missing.csv: no such file, or the glob matches nothing\n');
    expect(result.output).toBe('');
  });

  it.each([
    ['true', 1],
    ['false', 0],
    ['yes', 2],
  ])('with fail-on-error %s, a failed validation exits %i', async (value, code) => {
    expect((await step({ TRAINYARD_FAIL_ON_ERROR: value }, ['verdict'])).code).toBe(code);
  });
});
