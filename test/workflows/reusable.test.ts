import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sourceOfCopy, workflowCopy } from '../../src/workflows/copies.ts';

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  'runs-on'?: string;
  permissions?: Record<string, string>;
  environment?: { name: string };
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  steps?: Step[];
}
interface Workflow {
  on: { workflow_call: { inputs: Record<string, { default?: unknown; required?: boolean }> } };
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const names = (await readdir('reusable-workflows')).filter((name) => name.endsWith('.yml')).sort();
const load = async (name: string) => parse(await readFile(`reusable-workflows/${name}`, 'utf8')) as Workflow;

describe('the reusable workflows', () => {
  it('are the four trainyard pipelines', () => {
    expect(names).toEqual(['trainyard-drift.yml', 'trainyard-pr.yml', 'trainyard-release.yml', 'trainyard-retrain.yml']);
  });

  it.each(names)('%s has a callable copy in .github/workflows equal to its source', async (name) => {
    const source = await readFile(`reusable-workflows/${name}`, 'utf8');
    const copy = await readFile(`.github/workflows/${name}`, 'utf8');
    expect(sourceOfCopy(name, copy)).toBe(source);
    expect(copy).toBe(workflowCopy(name, source));
  });

  it.each(names)('%s is called with a model and checks out code without keeping the token', async (name) => {
    const workflow = await load(name);
    expect(workflow.on.workflow_call.inputs.model!.required).toBe(true);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps ?? []) if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials']).toBe(false);
    }
  });

  it.each(names)('%s grants write access only to the jobs that register and promote', async (name) => {
    const workflow = await load(name);
    for (const [id, job] of Object.entries(workflow.jobs)) {
      const writes = Object.entries(job.permissions ?? {}).filter(([, level]) => level === 'write').map(([scope]) => scope);
      const allowed = name === 'trainyard-release.yml' ? { register: ['contents'], promote: ['contents', 'deployments'] }[id] ?? [] : [];
      expect(writes, `${name} ${id}`).toEqual(allowed);
    }
  });

  it('train on the runner labels given, [self-hosted, gpu] by default', async () => {
    for (const name of ['trainyard-pr.yml', 'trainyard-release.yml', 'trainyard-retrain.yml']) {
      const workflow = await load(name);
      expect(JSON.parse(String(workflow.on.workflow_call.inputs['runner-labels']!.default))).toEqual(['self-hosted', 'gpu']);
      expect(workflow.jobs.train!['runs-on']).toBe('${{ fromJSON(inputs.runner-labels) }}');
    }
  });

  it('let a fork pull request train only on the labeled event with the fork label', async () => {
    const train = (await load('trainyard-pr.yml')).jobs.train!;
    const condition = train.if!.replace(/\s+/g, ' ');
    expect(condition).toBe("!startsWith(github.event_name, 'pull_request') || github.event.pull_request.head.repo.full_name == github.repository || (github.event.action == 'labeled' && github.event.label.name == inputs.fork-label)");
  });

  it('release only from the default branch, one release per model at a time, promoting behind the environment', async () => {
    const release = await load('trainyard-release.yml');
    expect(release.concurrency).toEqual({ group: 'trainyard-release-${{ github.repository }}-${{ inputs.model }}', 'cancel-in-progress': false });
    expect(release.jobs.validate!.if).toBe("github.ref == format('refs/heads/{0}', github.event.repository.default_branch)");
    expect(release.jobs.promote!.environment).toEqual({ name: '${{ inputs.environment }}' });
    expect(Object.keys(release.jobs)).toEqual(['validate', 'train', 'evaluate', 'register', 'promote']);
  });
});
