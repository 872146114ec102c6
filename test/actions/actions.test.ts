import { readAction, type ActionFile } from '../helpers/action-file.ts';
import { describe, expect, it } from 'vitest';

const action = readAction;

describe('the root action and actions/setup', () => {
  it('set up trainyard with the same steps', async () => {
    const root = await action('action.yml');
    const setup = await action('actions/setup/action.yml');
    const usesOf = (file: ActionFile) => file.runs.steps!.filter((step) => step.uses).map((step) => [step.uses, step.with]);
    expect(usesOf(root)).toEqual(usesOf(setup));
    const scriptCalls = (file: ActionFile, prefix: string) => file.runs.steps!.flatMap((step) => (step.run?.includes('setup.sh') ? [step.run.replace(prefix, '')] : []));
    expect(scriptCalls(root, '/actions/setup/setup.sh')).toEqual(scriptCalls(setup, '/setup.sh').filter((call) => !call.includes('link')));
  });

  it('pass inputs to scripts only through env', async () => {
    for (const file of ['action.yml', 'actions/setup/action.yml']) {
      for (const step of (await action(file)).runs.steps!) expect(step.run ?? '', `${file}: ${step.name}`).not.toContain('${{');
    }
  });

  it('run the action entry with the command and args as environment variables', async () => {
    const run = (await action('action.yml')).runs.steps!.at(-1)!;
    expect(run.run).toBe('node "$GITHUB_ACTION_PATH/dist/action.js"');
    expect(run.env).toEqual({ TRAINYARD_INPUT_COMMAND: '${{ inputs.command }}', TRAINYARD_INPUT_ARGS: '${{ inputs.args }}' });
  });

  it('set up Node.js 24 by default', async () => {
    for (const file of ['action.yml', 'actions/setup/action.yml']) {
      const parsed = await action(file);
      expect(parsed.runs.using).toBe('composite');
      expect((parsed.inputs as Record<string, { default?: string }>)['node-version']!.default).toBe('24');
    }
  });
});
