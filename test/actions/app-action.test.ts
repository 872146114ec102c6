/**
 * actions/app and the sample workflow of docs/app.md: the action runs the App's bundle
 * with the job's token; the workflow subscribes to exactly the events the App handles
 * (all but the deployment gate), follows the repository's workflow rules, and is the
 * one the docs show.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EVENT_ALIASES } from '../../app/actions-adapter.ts';
import { HANDLED_EVENTS } from '../../app/index.ts';
import { checkFile } from '../../src/workflows/rules.ts';
import { readAction } from '../helpers/action-file.ts';

const SAMPLE = 'docs/samples/trainyard-app.yml';

describe('actions/app', () => {
  it('sets up Node and runs dist/app-action.js, the bundle of app/actions.ts, with the token in env', async () => {
    const action = await readAction('actions/app/action.yml');
    expect(action.runs.using).toBe('composite');
    const [setup, run] = action.runs.steps;
    expect(setup!.uses).toMatch(/^actions\/setup-node@/);
    expect(run!.run).toBe('node "$GITHUB_ACTION_PATH/../../dist/app-action.js"');
    expect(run!.env).toEqual({ GITHUB_TOKEN: '${{ inputs.github-token }}', LOG_LEVEL: '${{ inputs.log-level }}' });
    expect(action.inputs['github-token']!.default).toBe('${{ github.token }}');
    expect(await readFile('scripts/build.mjs', 'utf8')).toContain("'app-action': 'app/actions.ts'");
  });
});

describe(SAMPLE, () => {
  it('follows the workflow rules', async () => {
    expect(checkFile(SAMPLE, await readFile(SAMPLE, 'utf8'), 'workflow')).toEqual([]);
  });

  it('subscribes to every event the App handles but the deployment gate, and to nothing else', async () => {
    const workflow = parse(await readFile(SAMPLE, 'utf8')) as { on: Record<string, { types: string[] }> };
    const subscribed = Object.entries(workflow.on).flatMap(([event, { types }]) => types.map((type) => `${EVENT_ALIASES[event] ?? event}.${type}`));
    expect(subscribed.sort()).toEqual(HANDLED_EVENTS.filter((e) => !e.startsWith('deployment_protection_rule')).sort());
  });

  it('grants the permissions the App needs and runs actions/app', async () => {
    const workflow = parse(await readFile(SAMPLE, 'utf8')) as { permissions: Record<string, string>; jobs: { app: { steps: Array<{ uses: string }> } } };
    expect(workflow.permissions).toEqual({ actions: 'write', checks: 'write', contents: 'write', issues: 'write', 'pull-requests': 'write' });
    expect(workflow.jobs.app.steps.map((s) => s.uses)).toEqual(['trainyard/trainyard/actions/app@v1']);
  });

  it('is the workflow docs/app.md shows', async () => {
    const docs = await readFile('docs/app.md', 'utf8');
    expect(docs).toContain(`\`\`\`yaml\n${await readFile(SAMPLE, 'utf8')}\`\`\``);
  });
});
