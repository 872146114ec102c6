/**
 * A user's repository in the simulator, as `trainyard init` leaves it: the project's
 * files, the config, and the caller workflows init writes; plus a workflow executor
 * whose `trainyard/trainyard@v1` is this checkout (its committed dist/ bundle), a
 * GitHub-hosted runner and a self-hosted GPU runner with the fake nvidia-smi.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Octokit } from '@octokit/rest';
import { runCli } from '../helpers/cli.ts';
import { WorkflowExecutor, type WorkflowRunResult } from '../../sim/executor/executor.ts';
import type { Simulator } from '../../sim/simulator.ts';

export const FAKE_NVIDIA_SMI = path.resolve('test/fixtures/nvidia-smi/bin');

export function readTree(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(path.join(dir, prefix))) {
    if (name === '.trainyard' || name === '.git' || name === 'node_modules') continue;
    const relative = prefix ? `${prefix}/${name}` : name;
    if (statSync(path.join(dir, relative)).isDirectory()) Object.assign(files, readTree(dir, relative));
    else files[relative] = readFileSync(path.join(dir, relative), 'utf8');
  }
  return files;
}

/** The runtime key setup.sh computes for this checkout, so actions/cache restores the checkout's node_modules. */
export function runtimeCache(): Map<string, string> {
  const digest = execFileSync('sha256sum', ['dist/package.json'], { encoding: 'utf8' }).slice(0, 16);
  const modules = execFileSync('node', ['-p', 'process.versions.modules'], { encoding: 'utf8' }).trim();
  return new Map([[`trainyard-runtime-Linux-X64-node${modules}-${digest}`, path.resolve('node_modules')]]);
}

export function executorFor(sim: Simulator, log?: (line: string) => void, vars?: Record<string, string>): WorkflowExecutor {
  return new WorkflowExecutor({
    sim,
    trainyardRoot: process.cwd(),
    runners: [
      { name: 'hosted', labels: ['ubuntu-latest'] },
      { name: 'gpu-1', labels: ['self-hosted', 'linux', 'x64', 'gpu'], env: { PATH: `${FAKE_NVIDIA_SMI}:${process.env.PATH}` } },
    ],
    cache: runtimeCache(),
    ...(log ? { log } : {}),
    ...(vars ? { vars } : {}),
  });
}

/** Runs `trainyard init --yes --force` in `dir` (the callers and a config), then puts `config` back when given. */
export async function initProject(dir: string, args: string[], config?: string): Promise<Record<string, string>> {
  const result = await runCli(['init', '--yes', '--force', ...args], { cwd: dir });
  if (result.code !== 0) throw new Error(`trainyard init failed: ${result.stderr}`);
  const files = readTree(dir);
  if (config !== undefined) files['.github/trainyard.yml'] = config;
  return files;
}

/** Jobs as [name, conclusion] pairs, in the order they ran. */
export const jobsOf = (run: WorkflowRunResult): Array<[string, string]> => run.jobs.map((job) => [job.name, job.conclusion]);

/** The failed steps' logs, for assertion messages. */
export const failures = (run: WorkflowRunResult): string =>
  run.jobs.flatMap((job) => job.steps.filter((step) => step.outcome === 'failure').map((step) => `${job.name} / ${step.name}:\n${step.log}`)).join('\n');

export function octokit(sim: Simulator, token: string): Octokit {
  return new Octokit({ auth: token, baseUrl: sim.url });
}
