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
  it('are the five trainyard pipelines', () => {
    expect(names).toEqual(['trainyard-drift.yml', 'trainyard-monitor.yml', 'trainyard-pr.yml', 'trainyard-release.yml', 'trainyard-retrain.yml']);
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

  it.each(names)('%s grants write access only to the jobs that register, promote and publish monitoring', async (name) => {
    const workflow = await load(name);
    const writers: Record<string, Record<string, string[]>> = {
      'trainyard-release.yml': { register: ['contents'], promote: ['contents', 'deployments'] },
      'trainyard-monitor.yml': { publish: ['contents', 'issues', 'pull-requests', 'actions'] },
    };
    for (const [id, job] of Object.entries(workflow.jobs)) {
      const writes = Object.entries(job.permissions ?? {}).filter(([, level]) => level === 'write').map(([scope]) => scope);
      const allowed = writers[name]?.[id] ?? [];
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

describe('trainyard-monitor.yml', () => {
  it('publishes what the monitor job computed, also when it alerted, with the write permissions in publish alone', async () => {
    const workflow = parse(await readFile('reusable-workflows/trainyard-monitor.yml', 'utf8')) as Workflow & { jobs: Record<string, Job & { needs?: string; outputs?: Record<string, string>; 'timeout-minutes'?: number }> };
    const { monitor, publish } = workflow.jobs;
    expect(monitor!.permissions).toEqual({ contents: 'read' });
    const monitorStep = monitor!.steps!.find((s) => s.with?.command === 'monitor') as Step & { 'continue-on-error'?: boolean };
    expect(monitorStep['continue-on-error']).toBe(true);
    expect(String(monitorStep.with!.args)).toContain('--out "${{ runner.temp }}/trainyard/monitor/monitor.json"');
    const upload = monitor!.steps!.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with!.path).toBe('${{ runner.temp }}/trainyard/monitor');
    expect(publish!.needs).toBe('monitor');
    expect(publish!.if).toBe("${{ !cancelled() && needs.monitor.outputs.found == 'true' }}");
    expect(monitor!.outputs!.found).toBe('${{ steps.result.outputs.found }}');
    const download = publish!.steps!.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with).toEqual({ name: upload.with!.name, path: upload.with!.path });
    const publishStep = publish!.steps!.find((s) => s.with?.command === 'monitor-publish')!;
    // The config travels in the artifact: publish reads notify and retrain_after from it without a checkout.
    expect(String(publishStep.with!.args)).toMatch(/^--result "\$\{\{ runner\.temp \}\}\/trainyard\/monitor\/monitor\.json" --config "\$\{\{ runner\.temp \}\}\/trainyard\/monitor\/trainyard\.yml" \$\{\{ inputs\.retrain-after != '' && format\('--retrain-after/);
    expect(publish!.steps!.some((s) => s.uses?.startsWith('actions/checkout@'))).toBe(false);
    expect(workflow.concurrency).toEqual({ group: 'trainyard-monitor-${{ github.repository }}-${{ inputs.model }}', 'cancel-in-progress': false });
  });
});
