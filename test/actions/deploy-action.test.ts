import { readFile } from 'node:fs/promises';
import { readAction } from '../helpers/action-file.ts';
import { describe, expect, it } from 'vitest';

const action = readAction;

describe('actions/deploy', () => {
  it('sets trainyard up with exactly the steps of actions/setup', async () => {
    const deploy = await action('actions/deploy/action.yml');
    const setup = await action('actions/setup/action.yml');
    const setupSteps = setup.runs.steps.map((step) => (step.run ? { ...step, run: step.run.replace('$GITHUB_ACTION_PATH/setup.sh', '$GITHUB_ACTION_PATH/../setup/setup.sh') } : step));
    expect(deploy.runs.steps.slice(0, setupSteps.length)).toEqual(setupSteps);
  });

  it('passes every input to its scripts through env only', async () => {
    const deploy = await action('actions/deploy/action.yml');
    for (const step of deploy.runs.steps) expect(step.run ?? '', String(step.name)).not.toContain('${{');
    const envValues = deploy.runs.steps.flatMap((step) => Object.values(step.env ?? {}));
    for (const input of ['model', 'version', 'environment', 'registry', 'artifact-path', 'dry-run', 'require-promotion-check', 'environment-url', 'github-token']) {
      expect(envValues, input).toContain(`\${{ inputs.${input} }}`);
    }
  });

  it('runs the deploy and register commands of the CLI', async () => {
    const runs = (await action('actions/deploy/action.yml')).runs.steps.map((step) => step.run ?? '').join('\n');
    expect(runs).toContain('trainyard registry register "$TRAINYARD_MODEL" --from "$TRAINYARD_ARTIFACT"');
    expect(runs).toContain('args=(deploy --model "$TRAINYARD_MODEL"');
    expect(runs).toContain('--require-check "$GITHUB_SHA"');
    expect(runs).toContain('--deployment-status "$GITHUB_SHA"');
    expect(runs).toContain('args+=(--environment-url "$TRAINYARD_ENVIRONMENT_URL")');
  });

  it('leaves GitHub API calls to trainyard: no gh or jq in the deploy and detect-drift actions', async () => {
    const scripts = [
      ...(await action('actions/deploy/action.yml')).runs.steps.map((step) => step.run ?? ''),
      ...(await action('actions/detect-drift/action.yml')).runs.steps.map((step) => step.run ?? ''),
      await readFile('actions/detect-drift/champion.sh', 'utf8'),
      await readFile('actions/detect-drift/detect.sh', 'utf8'),
    ];
    for (const script of scripts) expect(script).not.toMatch(/(^|[\s;|&(])(gh|jq)\s/m);
  });
});
